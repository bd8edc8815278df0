import Foundation
import Testing

@testable import GongshiKit

/// `follows`: a public item never points at an item that is not published.
@Suite("Follows")
struct FollowsRulesTests {
    static let site = Sample.site + "\nnotice_rules:\n  发展党员: {retire_after_days: 30}\n"

    /// The unpublishable targets, one of each way an item stays off the site.
    static let unpublishable: [String: String] = [
        "internal": Sample.disclosure("internal", scope: "党内公开"),
        "unapproved": Sample.disclosure("unapproved", approved: false),
        "future": Sample.disclosure("future", published: "2026-12-01"),
        "retired": TestContent.document([
            "id: retired", "branch: a", "title: 发展对象公示", "category: 组织建设", "topic: 发展党员", "scope: 社会公开",
            "published: 2026-03-10", "until: 2026-03-16", "reviewed: {by: 委员 王某, date: 2026-03-01}",
            "approved: {by: 书记 李某, date: 2026-03-02}",
        ]),
    ]

    /// A published item following `target`; `follows` is on line 10.
    static func follower(_ id: String = "later", target: String) -> String {
        TestContent.document([
            "id: \(id)", "branch: a", "title: 实施结果公开", "category: 决策部署", "scope: 社会公开", "published: 2026-06-01",
            "reviewed: {by: 委员 王某, date: 2026-05-01}", "approved: {by: 书记 李某, date: 2026-05-02}", "follows: \(target)",
        ])
    }

    static func assemble(_ files: [(path: String, text: String)]) -> (model: SiteModel, diagnostics: [Diagnostic]) {
        let (config, configDiagnostics) = ContentLoader.loadSiteConfig(site)
        precondition(configDiagnostics.isEmpty)
        return TestContent.assemble([("content/branches/a.md", Sample.branch("a"))] + files, config: config!)
    }

    @Test(arguments: ["internal", "unapproved", "future"])
    func followingAnUnpublishableItemIsAnError(_ target: String) throws {
        let (model, diagnostics) = Self.assemble([
            ("content/disclosures/\(target).md", Self.unpublishable[target]!), ("content/disclosures/later.md", Self.follower(target: target)),
        ])
        #expect(model.withheld.map(\.id) == [target])
        expectDiagnostic(
            diagnostics, .error, "content/disclosures/later.md", line: 10,
            contains: ["follows 引用的事项 \(target) 不会发布", "公开的事项不能链接到不公开的事项"])
        #expect(diagnostics.errorCount == 1, "\(diagnostics)")
    }

    /// A target that retired by date (`retire_after_days`) does not stop a nightly build: a warning, and the published
    /// follower no longer names it, so no page can link to it.
    @Test func followingARetiredItemIsAWarningAndTheFollowerForgetsIt() throws {
        let (model, diagnostics) = Self.assemble([
            ("content/disclosures/retired.md", Self.unpublishable["retired"]!), ("content/disclosures/later.md", Self.follower(target: "retired")),
        ])
        #expect(model.withheld.map(\.id) == ["retired"])
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        expectDiagnostic(diagnostics, .warning, "content/disclosures/later.md", line: 10, contains: ["follows 引用的事项 retired 已不再公开", "页面上不再链接它"])
        let later = try #require(model.disclosures.first { $0.id == "later" })
        #expect(later.follows == nil)
    }

    @Test func anUnpublishedItemMayFollowAnother() {
        let internalFollower = Self.follower(target: "internal").replacingOccurrences(of: "scope: 社会公开", with: "scope: 党内公开")
        let (_, diagnostics) = Self.assemble([
            ("content/disclosures/internal.md", Self.unpublishable["internal"]!), ("content/disclosures/later.md", internalFollower),
        ])
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
    }

    /// Whatever the content, a model without errors never holds a published item whose `follows` is not published.
    @Test func aSiteWithoutErrorsOnlyFollowsPublishedItems() {
        var files: [(path: String, text: String)] = Self.unpublishable.sorted { $0.key < $1.key }.map { ("content/disclosures/\($0.key).md", $0.value) }
        files.append(("content/disclosures/first.md", Sample.disclosure("first")))
        files.append(("content/disclosures/later.md", Self.follower(target: "first")))
        for target in Self.unpublishable.keys.sorted() {
            files.append(("content/disclosures/to-\(target).md", Self.follower("to-\(target)", target: target)))
        }
        let (model, diagnostics) = Self.assemble(files)
        let published = Set(model.disclosures.map(\.id))
        let bad = model.disclosures.filter { $0.follows.map { !published.contains($0) } ?? false }
        // The three bad links are errors (so nothing is built); the good one is not, and the retired target is forgotten.
        #expect(Set(diagnostics.filter { $0.severity == .error }.map(\.path)) == Set(bad.map(\.source.path)))
        #expect(bad.count == 3)
        #expect(model.disclosures.first { $0.id == "to-retired" }.map { $0.follows == nil } == true)
        #expect(model.disclosures.first { $0.id == "later" }?.follows == "first")
    }

    @Test func aMissingTargetSuggestsTheNearestID() {
        let (_, diagnostics) = Self.assemble([
            ("content/disclosures/jueyi-2026.md", Sample.disclosure("jueyi-2026")), ("content/disclosures/later.md", Self.follower(target: "jueyi-2025")),
        ])
        expectDiagnostic(
            diagnostics, .error, "content/disclosures/later.md", line: 10,
            contains: ["字段 follows 引用的党务公开事项「jueyi-2025」不存在", "是否应为 jueyi-2026？"])
    }

    @Test func anItemCannotFollowItselfNorFormACycle() {
        let (_, diagnostics) = Self.assemble([
            ("content/disclosures/self.md", Self.follower("self", target: "self")),
            ("content/disclosures/x.md", Self.follower("x", target: "y")), ("content/disclosures/y.md", Self.follower("y", target: "z")),
            ("content/disclosures/z.md", Self.follower("z", target: "x")),
        ])
        expectDiagnostic(diagnostics, .error, "content/disclosures/self.md", line: 10, contains: ["follows 不能是本事项自己（self）"])
        expectDiagnostic(diagnostics, .error, "content/disclosures/x.md", line: 10, contains: ["follows 形成循环：x → y → z → x"])
        expectDiagnostic(diagnostics, .error, "content/disclosures/z.md", line: 10, contains: ["follows 形成循环：z → x → y → z"])
        #expect(diagnostics.errorCount == 4)
    }

    /// The build stops at the error: no page of the follower, so no link to the withheld item anywhere.
    @Test func theBuildPublishesNothingWhenAFollowedItemIsWithheld() throws {
        let site = try TestSite([
            "site.yaml": Self.site, "content/branches/a.md": Sample.branch("a"),
            "content/disclosures/internal.md": Sample.disclosure("internal", scope: "党内公开"),
            "content/disclosures/later.md": Self.follower(target: "internal"),
        ])
        let outcome = try site.build()
        #expect(outcome.diagnostics.hasErrors)
        #expect(outcome.publish == nil)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("disclosures/later/index.html").path))
    }
}
