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
}
