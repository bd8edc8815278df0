import Foundation
import Testing

@testable import GongshiKit

@Suite("Content skeletons of gongshi new")
struct ContentSkeletonTests {
    static let today = Day("2026-11-21")!

    /// A site with one branch `a`, so references can be filled in.
    static func site(_ extra: [String: String] = [:]) throws -> TestSite {
        try TestSite(["site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a")].merging(extra) { $1 })
    }

    static func write(_ kind: ContentKind, _ id: String, in site: TestSite, branch: String? = nil) throws -> String {
        let request = ScaffoldWriter.Request(sourceDirectory: site.root, kind: kind, id: id, branch: branch, today: today)
        let result = try ScaffoldWriter.write(request)
        #expect(result.path == "content/\(kind.rawValue)/\(id).md")
        return try String(contentsOf: site.root.appendingPathComponent(result.path), encoding: .utf8)
    }

    /// As written, the only errors are the placeholders still to be replaced (see `ScaffoldPlaceholderTests`).
    @Test(arguments: ContentKind.allCases)
    func refusedAsWrittenOnlyForItsPlaceholders(kind: ContentKind) throws {
        let site = try Self.site()
        _ = try Self.write(kind, "fresh", in: site)
        let diagnostics = site.check()
        #expect(diagnostics.hasErrors)
        #expect(!diagnostics.contains { $0.severity == .error && $0.kind != .placeholder }, "\(diagnostics.map(\.description))")
        // An unreviewed disclosure is withheld, with the usual warning; nothing else is reported.
        let expectedWarnings = kind == .disclosures ? 1 : 0
        #expect(diagnostics.warningCount == expectedWarnings, "\(diagnostics.map(\.description))")
        if kind == .disclosures { #expect(diagnostics.first { $0.severity == .warning }?.message.contains("缺少审核记录") == true) }
    }

    @Test(arguments: ContentKind.allCases)
    func containsEveryKeyOfTheSchema(kind: ContentKind) throws {
        let text = try Self.write(kind, "fresh", in: try Self.site())
        let lines = text.split(separator: "\n").map(String.init)
        for rule in kind.rules(categories: BuiltinCategory.all) {
            #expect(lines.contains { $0.hasPrefix("\(rule.key):") || $0.hasPrefix("# \(rule.key):") }, "no line for \(rule.key)")
        }
        for key in Self.nestedKeys(kind.rules(categories: BuiltinCategory.all)) {
            #expect(text.contains("\(key):"), "nested key \(key) missing")
        }
    }

    @Test(arguments: ContentKind.allCases)
    func commentsListEveryEnumeration(kind: ContentKind) throws {
        let text = try Self.write(kind, "fresh", in: try Self.site())
        for values in Self.enumerations(kind.rules(categories: BuiltinCategory.all)) {
            #expect(text.contains("可选值：" + values.joined(separator: "、")), "allowed values \(values) not listed")
        }
        #expect(text.contains("编号（必填）"))
    }

    @Test func disclosureListsTheSiteCategories() throws {
        let site = try Self.site(["site.yaml": Sample.site + "\ncategories: [乡村振兴]\n"])
        let text = try Self.write(.disclosures, "fresh", in: site)
        #expect(text.contains("可选值：决策部署、组织建设、组织生活、党费管理、服务群众、其他、乡村振兴"))
    }

    /// Deleting `# ` from the commented-out blocks (all but `done`, `note` and the references) keeps the file valid but
    /// for the placeholders.
    @Test(arguments: [ContentKind.branches, .promises, .disclosures])
    func commentedOutBlocksAreValidToo(kind: ContentKind) throws {
        let site = try Self.site()
        let text = try Self.write(kind, "fresh", in: site)
        // `workflow:` withholds the item on purpose (PublicationPolicy tests), so it stays commented here.
        let skipped = ["done:", "note:", "parent:", "branch:", "workflow:"]
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let range = line.range(of: "# "), line[..<range.lowerBound].allSatisfy({ $0 == " " }) else { return String(line) }
            let rest = line[range.upperBound...]
            let isYAML = rest.hasPrefix("  ") || rest.first.map { ("a"..."z").contains($0) } == true
            guard isYAML, !skipped.contains(where: { rest.hasPrefix($0) }) else { return String(line) }
            return String(line[..<range.lowerBound] + rest)
        }.joined(separator: "\n")
        #expect(uncommented != text)
        try site.write("content/\(kind.rawValue)/fresh.md", uncommented)
        // The skeleton's example attachment, so that an uncommented `attachments:` block points at a real file.
        try site.write("content/\(kind.rawValue)/附件/明细表.pdf", "%PDF-1.4")
        // And the skeleton's example photos, so that an uncommented `images:` block points at real photos.
        for line in uncommented.split(separator: "\n") where line.contains("file: 照片/") {
            let path = line.components(separatedBy: "file: ").last!.trimmingCharacters(in: .whitespaces)
            try site.write("content/\(kind.rawValue)/\(path)", try PhotoFixtures.image(64, 48))
        }
        let diagnostics = site.check().filter { $0.kind != .placeholder }
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))\n\(uncommented)")
    }

    @Test func referencesTheOnlyBranchOrTheOneAskedFor() throws {
        let site = try Self.site(["content/branches/b.md": Sample.branch("b")])
        #expect(try Self.write(.promises, "p1", in: site).contains("\nbranch: a\n"))
        #expect(try Self.write(.promises, "p2", in: site, branch: "b").contains("\nbranch: b\n"))
        #expect(try Self.write(.branches, "c", in: site).contains("\n# parent: a\n"))
        #expect(try Self.write(.branches, "d", in: site, branch: "b").contains("\nparent: b\n"))
        #expect(!site.check().contains { $0.severity == .error && $0.kind != .placeholder })
    }

    @Test func withoutBranchesTheReferenceIsCommentedOut() throws {
        let site = try TestSite(["site.yaml": Sample.site])
        let text = try Self.write(.examples, "e", in: site)
        #expect(text.contains("\n# branch: "))
        let diagnostics = site.check().filter { $0.kind != .placeholder }
        #expect(diagnostics.map(\.message) == ["缺少必填字段 branch"])
        // The first branch of a site has no parent to refer to.
        _ = try Self.write(.branches, "root", in: site)
        #expect(site.check().filter { $0.kind != .placeholder }.map(\.message) == ["缺少必填字段 branch"])
    }

    /// Keys below the top level, including the fixed keys of `keyedBy` mappings.
    static func nestedKeys(_ rules: [FieldRule]) -> [String] {
        rules.flatMap { keys(in: $0.value) }
    }

    static func keys(in value: ValueRule) -> [String] {
        switch value {
        case .mapping(let rules): return rules.map(\.key) + nestedKeys(rules)
        case .list(let element, _): return keys(in: element)
        case .keyedBy(let allowed, let element): return allowed + keys(in: element)
        default: return []
        }
    }

    /// Every `oneOf` list, at any depth.
    static func enumerations(_ rules: [FieldRule]) -> [[String]] {
        rules.flatMap { rule -> [[String]] in
            switch rule.value {
            case .oneOf(let values): return [values]
            case .mapping(let inner), .list(.mapping(let inner), _): return enumerations(inner)
            default: return []
            }
        }
    }
}
