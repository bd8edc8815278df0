import Foundation
import Testing

@testable import GongshiKit

/// Every placeholder the scaffold writes refuses the build, naming the field (or the body) and its line. The list
/// is taken from what `init` and `new` actually write, not from `ScaffoldPlaceholder` alone.
@Suite("Placeholders of init and new")
struct ScaffoldPlaceholderTests {
    static let today = Day("2026-11-21")!

    /// Every file text the scaffold can write: `init`'s site.yaml, and each kind's skeleton with a branch filled in,
    /// commented out with an example, and commented out without one.
    static var scaffoldTexts: [(path: String, text: String)] {
        var texts = [("site.yaml", SiteInitializer.siteConfig)]
        for kind in ContentKind.allCases {
            for (index, branch) in [BranchReference.filled("a"), .commentedOut(example: "a"), .commentedOut(example: nil)].enumerated() {
                let skeleton = ContentSkeleton(kind: kind, id: "fresh\(index)", today: today, branch: branch)
                texts.append(("content/\(kind.rawValue)/fresh\(index).md", uncommented(skeleton.text)))
            }
        }
        return texts
    }

    /// The text with every commented-out YAML line (`# key: …`, `#   by: …`) restored, as a secretary filling
    /// them in does.
    static func uncommented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let range = line.range(of: "# "), line[..<range.lowerBound].allSatisfy({ $0 == " " }) else { return String(line) }
            let rest = line[range.upperBound...]
            let isYAML = rest.hasPrefix("  ") || rest.first.map { ("a"..."z").contains($0) } == true
            return isYAML ? String(line[..<range.lowerBound] + rest) : String(line)
        }.joined(separator: "\n")
    }

    /// The value of every `key: value` line (1-based line, key, value) and every body line (key nil).
    static func values(_ text: String, isSiteConfig: Bool) -> [(line: Int, key: String?, value: String)] {
        var result: [(Int, String?, String)] = []
        var inBody = false
        var fences = 0
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if !isSiteConfig, line == "---" {
                fences += 1
                inBody = fences == 2
                continue
            }
            if inBody {
                if !line.isEmpty { result.append((index + 1, nil, line)) }
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let colon = trimmed.range(of: ": ") else { continue }
            var key = String(trimmed[..<colon.lowerBound])
            if key.hasPrefix("- ") { key.removeFirst(2) }
            result.append((index + 1, key, String(trimmed[colon.upperBound...])))
        }
        return result
    }

    /// Whether a value reads as an instruction rather than content: a safety net for placeholders added to the
    /// scaffold without being listed in `ScaffoldPlaceholder`.
    static func looksLikePlaceholder(_ value: String) -> Bool {
        ["请填写", "请说明", "在此填写", "example.gov.cn/", "zuzhi-id"].contains { value.contains($0) }
            && !value.hasPrefix("{")
    }

    @Test func everyPlaceholderTheScaffoldWritesIsListedAndEveryListedOneIsWritten() {
        var written: Set<ScaffoldPlaceholder> = []
        for (path, text) in Self.scaffoldTexts {
            for (line, _, value) in Self.values(text, isSiteConfig: path == "site.yaml") {
                if let placeholder = ScaffoldPlaceholder.matching(value) { written.insert(placeholder) }
                if Self.looksLikePlaceholder(value) {
                    #expect(ScaffoldPlaceholder.matching(value) != nil, "\(path):\(line): 「\(value)」 is not in ScaffoldPlaceholder")
                }
            }
        }
        #expect(written == Set(ScaffoldPlaceholder.allCases), "never written: \(Set(ScaffoldPlaceholder.allCases).subtracting(written))")
    }

    @Test func everyPlaceholderTheScaffoldWritesRefusesTheBuildAtItsLine() throws {
        var files = ["content/branches/a.md": Sample.branch("a")]
        for (path, text) in Self.scaffoldTexts { files[path] = text }
        let site = try TestSite(files)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let diagnostics = site.check()
        var expected = 0
        for (path, text) in Self.scaffoldTexts {
            for (line, key, value) in Self.values(text, isSiteConfig: path == "site.yaml") {
                guard let placeholder = ScaffoldPlaceholder.matching(value), key != nil || placeholder.isBody else { continue }
                expected += 1
                let found = diagnostics.filter { $0.path == path && $0.line == line && $0.severity == .error && $0.kind == .placeholder }
                #expect(found.count == 1, "\(path):\(line): 「\(value)」 not refused")
                let names = found.first?.message ?? ""
                #expect(names.contains(value))
                if let key { #expect(names.contains("字段") && names.contains(key), "\(names)") } else { #expect(names.contains("正文中")) }
            }
        }
        #expect(expected > 40)
        #expect(diagnostics.filter { $0.kind == .placeholder }.count == expected)
    }

    @Test func aBuildIsRefusedUntilThePlaceholdersAreReplaced() throws {
        let site = try TestSite(["site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a")])
        defer { try? FileManager.default.removeItem(at: site.root) }
        for kind in ContentKind.allCases {
            _ = try ScaffoldWriter.write(.init(sourceDirectory: site.root, kind: kind, id: "n-\(kind.singular)", today: Self.today))
        }
        let refused = try site.build()
        #expect(refused.hasErrors && refused.publish == nil)
        #expect(refused.diagnostics.filter { $0.severity == .error }.allSatisfy { $0.kind == .placeholder })
        for (path, text) in Self.filledIn(site.root) { try site.write(path, text) }
        let built = try site.build()
        #expect(!built.hasErrors, "\(built.diagnostics.map(\.description))")
    }

    @Test func aPlaceholderPhraseCountsAnywhereInTheValueButNotAPartOfOne() {
        #expect(ScaffoldPlaceholder.matching(" 请填写标题 ") == .title)
        #expect(ScaffoldPlaceholder.matching("请填写标题：金桥社区通知") == .title)
        #expect(ScaffoldPlaceholder.matching("请填写承诺内容。") == .itemText)
        #expect(ScaffoldPlaceholder.matching("（在此填写组织简介：…）金桥社区成立于2001年。") == .branchBody)
        #expect(ScaffoldPlaceholder.matching("**(在此填写页面内容。)**") == .pageBody)
        #expect(ScaffoldPlaceholder.matching("[在此填写 事例经过]") == .exampleBody)
        #expect(ScaffoldPlaceholder.matching("关于请填写党员信息采集表的通知") == nil)
        #expect(ScaffoldPlaceholder.matching("请填写") == nil)
        #expect(ScaffoldPlaceholder.matching("zuzhi-id-2") == nil)
        // Every phrase is taken from the placeholder's own text.
        for placeholder in ScaffoldPlaceholder.allCases {
            guard let phrase = placeholder.phrase else { continue }
            #expect(placeholder.text.contains(phrase) && phrase.count >= 4, "\(placeholder)")
        }
    }

    @Test(
        "the example host is refused in every spelling, and so are hosts reserved for examples and tests",
        arguments: [
            "https://dangjian.example.gov.cn", "http://dangjian.example.gov.cn/", "https://dangjian.example.gov.cn/qingxi/",
            "https://dangjian.example.gov.cn:443/", "https://dangjian.example.gov.cn./", "HTTPS://DangJian.Example.GOV.cn/x",
            "https://example.com/", "http://www.example.net/dangjian/", "https://site.example/",
            "https://qingxi.test/", "https://a.invalid/", "http://localhost:8080/", "https://dev.localhost/",
        ])
    func exampleAddressesAreRefused(url: String) throws {
        let site = try TestSite(["site.yaml": "title: 站\nbase_url: \(url)\n", "content/branches/a.md": Sample.branch("a")])
        defer { try? FileManager.default.removeItem(at: site.root) }
        let found = site.check().filter { $0.path == "site.yaml" && $0.severity == .error }
        #expect(found.count == 1, "\(url): \(found.map(\.description))")
        #expect(found.first?.line == 2 && found.first?.kind == .placeholder && found.first?.message.contains("base_url") == true)
    }

    @Test(
        "a real address is accepted, with the scheme in any letter case",
        arguments: ["https://dangjian.example.org/qingxi/", "HTTPS://dangjian.qingxi.gov.cn/", "Http://www.qingxi.gov.cn/dangjian"])
    func realAddressesAreAccepted(url: String) throws {
        let (config, diagnostics) = ContentLoader.loadSiteConfig("title: 站\nbase_url: \(url)\n")
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description))")
        #expect(config?.baseURL.hasPrefix("http") == true, "\(config?.baseURL ?? "")")
    }

    @Test func placeholdersWithTextAroundThemAndTheCommentsExampleNamesAreRefused() throws {
        let site = try TestSite([
            "site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a"),
            "content/disclosures/d.md": Sample.disclosure("d", title: "请填写标题：金桥社区通知"),
            "content/promises/p.md": Sample.promise("p", items: [("进行中", "2026-12-31", nil, nil)])
                .replacingOccurrences(of: "每月组织一次环境卫生清理", with: "\"请填写承诺内容。\""),
            "content/examples/e.md": "---\nid: e\nbranch: a\ntitle: 事例\ndate: 2026-03-01\npeople: [金桥社区党委书记 张某某, 网格员 李某某]\n---\n正文。\n",
            "content/pages/p1.md": "---\nid: p1\ntitle: 关于\n---\n（在此填写组织简介：成立时间。）金桥社区成立于2001年。\n",
            "content/pages/p2.md": "---\nid: p2\ntitle: 关于\n---\n正文。\n\n**（在此填写页面内容。）**\n",
            "content/pages/p3.md": "---\nid: p3\ntitle: 关于\n---\n(在此填写页面内容。)\n",
        ])
        defer { try? FileManager.default.removeItem(at: site.root) }
        let found = site.check().filter { $0.severity == .error && $0.kind == .placeholder }
        let at = found.map { "\($0.path):\($0.line)" }
        #expect(at.contains("content/disclosures/d.md:4"), "\(found.map(\.description))")
        #expect(at.contains("content/promises/p.md:9"))
        #expect(at.filter { $0 == "content/examples/e.md:6" }.count == 2)
        #expect(found.contains { $0.path == "content/examples/e.md" && $0.message.contains("张某某") && $0.message.contains("people") })
        #expect(at.contains("content/pages/p1.md:5") && at.contains("content/pages/p2.md:7") && at.contains("content/pages/p3.md:5"))
    }

    /// Every content file under `root` with its placeholders replaced by real-looking text.
    static func filledIn(_ root: URL) -> [(String, String)] {
        TestSite.listFiles(under: root.appendingPathComponent("content")).filter { $0.hasSuffix(".md") }.compactMap { relative in
            let path = "content/\(relative)"
            guard var text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) else { return nil }
            for placeholder in ScaffoldPlaceholder.allCases where placeholder != .baseURL {
                text = text.replacingOccurrences(of: placeholder.text, with: placeholder.isBody ? "已填写的正文。" : "已填写的内容")
            }
            return (path, text)
        }
    }
}
