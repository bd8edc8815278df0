import Foundation
import Testing

@testable import GongshiKit

/// A reviewer's or approver's name must hold a visible character: blank or zero-width `by` is no review.
@Suite("Reviewer and approver names")
struct SignoffNameTests {
    /// Blank in every way people (or a pasted document) manage it.
    static let invisible = [
        "", " ", "\t", "\u{3000}", "\u{00A0}", "\u{200B}", "\u{200C}\u{200D}", "\u{2060}", "\u{FEFF}", "\u{180E}",
        "\u{3164}", "\u{2800}", "\u{00AD}", " \u{200B}\u{3000}", "\u{0301}",
    ]

    @Test(arguments: invisible)
    func invisibleNamesAreNoNames(_ name: String) {
        #expect(!name.hasVisibleCharacter)
        let asOf = PublicationPolicyTests.asOf
        let reviewed = PublicationPolicyTests.item(reviewed: Signoff(by: name, date: Day("2026-03-01")!))
        #expect(PublicationPolicy.decide(reviewed, asOf: asOf) != .publish)
        let approved = PublicationPolicyTests.item(approved: Signoff(by: name, date: Day("2026-03-02")!))
        #expect(PublicationPolicy.decide(approved, asOf: asOf) != .publish)
    }

    @Test(arguments: ["王某", "李", "组织委员 王某", "\u{200B}王\u{200B}", "A", "𠀀", "\u{E000}"])
    func visibleNamesAreNames(_ name: String) {
        #expect(name.hasVisibleCharacter)
        let item = PublicationPolicyTests.item(reviewed: Signoff(by: name, date: Day("2026-03-01")!))
        #expect(PublicationPolicy.decide(item, asOf: PublicationPolicyTests.asOf) == .publish)
    }

    static func disclosure(reviewer: String, approver: String = "书记 李某") -> String {
        "---\nid: d\nbranch: a\ntitle: 公开事项\ncategory: 组织生活\nscope: 社会公开\npublished: 2026-03-10\n"
            + "reviewed: {by: \(reviewer), date: 2026-03-01}\napproved: {by: \(approver), date: 2026-03-02}\n---\n正文。\n"
    }

    @Test(arguments: [
        ("\"\\u200B\"", "reviewed"), ("\u{200B}", "reviewed"), ("\"\\u3000\"", "reviewed"), ("\"\\u2060\\uFEFF\"", "reviewed"),
        ("\"\\u00A0\"", "approved"), ("\"\\u200D\"", "approved"),
    ])
    func aBlankNameInFrontMatterIsAnEmptyRequiredField(_ yaml: String, _ field: String) throws {
        let text = field == "reviewed" ? Self.disclosure(reviewer: yaml) : Self.disclosure(reviewer: "委员", approver: yaml)
        let site = try TestSite(["site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a"), "content/disclosures/d.md": text])
        let outcome = try site.build()
        let line = field == "reviewed" ? 8 : 9
        let errors = outcome.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains { $0.hasPrefix("content/disclosures/d.md:\(line): error: 必填字段 \(field).by 的值为空") }, "\(errors)")
        #expect(outcome.publish == nil)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("disclosures/d/index.html").path))
    }

    /// `null` and `~` are YAML's "no value": missing, and said so (not "只有看不见的字符").
    @Test(arguments: ["null", "~", "NULL"])
    func aNullNameIsMissingAndSaidSo(_ yaml: String) throws {
        let site = try TestSite([
            "site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a"), "content/disclosures/d.md": Self.disclosure(reviewer: yaml),
        ])
        let errors = try site.build().diagnostics.filter { $0.severity == .error }.map(\.description)
        let prefix = "content/disclosures/d.md:8: error: 必填字段 reviewed.by 的值为空（写的是 \(yaml)，YAML 把它读作“没有值”）"
        #expect(errors.contains { $0.hasPrefix(prefix) }, "\(errors)")
        #expect(!errors.contains { $0.contains("看不见") }, "\(errors)")
    }

    /// `true`, `123`, `1.5` are YAML's booleans and numbers: no name, in any name field.
    @Test(arguments: [
        ("reviewed.by", "true", "真假值"), ("approved.by", "123", "数字"), ("reviewed.by", "1.5", "数字"), ("approved.by", "no", "真假值"),
    ])
    func aBooleanOrNumberIsNoName(_ field: String, _ yaml: String, _ what: String) throws {
        let text = field == "reviewed.by" ? Self.disclosure(reviewer: yaml) : Self.disclosure(reviewer: "委员", approver: yaml)
        let site = try TestSite(["site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a"), "content/disclosures/d.md": text])
        let outcome = try site.build()
        let errors = outcome.diagnostics.filter { $0.severity == .error }.map(\.description)
        let line = field == "reviewed.by" ? 8 : 9
        let prefix = "content/disclosures/d.md:\(line): error: 字段 \(field) 应为文字（姓名或名称），实际为「\(yaml)」：不加引号的 \(yaml) 在 YAML 中是\(what)"
        #expect(errors.contains { $0.hasPrefix(prefix) }, "\(errors)")
        #expect(outcome.publish == nil)
    }

    @Test func otherNameFieldsMustBeTextToo() throws {
        let promise = Sample.promise("p", items: [("进行中", "2026-12-31", nil, nil)])
            .replacingOccurrences(of: "promiser: 张三\n", with: "promiser: true\npost: 123\n")
        let example = "---\nid: e\ntitle: 事例\nbranch: a\ndate: 2026-06-01\npeople: [王某, 42]\n---\n正文。\n"
        let site = try TestSite([
            "site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a", extra: "secretary: false\n"),
            "content/promises/p.md": promise, "content/examples/e.md": example,
            "content/disclosures/d.md": Self.disclosure(reviewer: "\"123\"", approver: "书记 李某"),
        ])
        let errors = try site.build().diagnostics.filter { $0.severity == .error }.map(\.description)
        for (path, field) in [
            ("content/promises/p.md", "promiser"), ("content/promises/p.md", "post"), ("content/branches/a.md", "secretary"),
            ("content/examples/e.md", "people 第 2 项"),
        ] {
            #expect(errors.contains { $0.hasPrefix(path) && $0.contains("字段 \(field)") && $0.contains("应为文字（姓名或名称）") }, "\(field): \(errors)")
        }
        #expect(!errors.contains { $0.hasPrefix("content/disclosures/d.md") }, "a quoted \"123\" is text: \(errors)")
    }

    /// The fast path of `same` for plain names (Chinese characters, ASCII letters and digits) gives what folding gives,
    /// over random names mixing those with characters that folding does change (full-width letters, spaces,
    /// zero-width and compatibility characters).
    @Test func plainNamesCompareAsFoldedNames() {
        let plain: [Character] = ["王", "芳", "李", "某", "书", "记", "一", "A", "a", "z", "Q", "7", "0"]
        let other: [Character] = ["Ａ", "ａ", "７", " ", "\u{3000}", "\u{200B}", "\u{00A0}", "\u{FA72}", "-", "·", "é", "\u{0301}", "𠀀"]
        var generator = SeededGenerator(seed: 14)
        var plainPairs = 0
        for round in 0..<20_000 {
            func name() -> String {
                let pool = round % 3 == 0 ? plain + other : plain
                return String((0..<Int.random(in: 0...4, using: &generator)).map { _ in pool.randomElement(using: &generator)! })
            }
            let a = name()
            let b = round % 2 == 0 ? a.uppercased() : name()
            let folded = SignoffName.folded(a)
            let expected = !folded.isEmpty && folded == SignoffName.folded(b)
            if SignoffName.isPlain(a), SignoffName.isPlain(b) { plainPairs += 1 }
            #expect(SignoffName.same(a, b) == expected, "\(a.unicodeScalars.map { String($0.value, radix: 16) }) \(b)")
        }
        #expect(plainPairs > 5_000, "the fast path was exercised")
    }
}
