import Testing

@testable import GongshiKit

@Suite("PublicationPolicy")
struct PublicationPolicyTests {
    static let asOf = Day("2026-11-21")!
    static let reviewed = Signoff(by: "组织委员 王某", date: Day("2026-03-01")!)
    static let approved = Signoff(by: "书记 李某", date: Day("2026-03-02")!)

    static func item(
        scope: Scope = .society, reviewed: Signoff? = PublicationPolicyTests.reviewed,
        approved: Signoff? = PublicationPolicyTests.approved, published: String = "2026-03-10"
    ) -> Disclosure {
        Disclosure(
            id: "d", branch: "a", title: "公开事项", category: "组织生活", scope: scope, published: Day(published)!,
            reviewed: reviewed, approved: approved, cadence: nil, period: nil, until: nil, feedback: nil)
    }

    static func reason(_ decision: PublicationPolicy.Decision) -> String? {
        if case .withhold(let reason) = decision { return reason }
        return nil
    }

    @Test(
        "社会公开, reviewed and approved, published on or before the as-of date → publish",
        arguments: ["2026-03-10", "2026-11-21"])
    func publishes(_ published: String) {
        #expect(PublicationPolicy.decide(Self.item(published: published), asOf: Self.asOf) == .publish)
    }

    @Test("a workflow mark withholds a disclosure even when reviewed and approved", arguments: WorkflowMark.allCases)
    func workflowMarkWithholds(_ mark: WorkflowMark) throws {
        var item = Self.item()
        item.workflow = mark
        let reason = try #require(Self.reason(PublicationPolicy.decide(item, asOf: Self.asOf)))
        #expect(reason.contains(mark == .draft ? "草稿" : "等待审核"))
    }

    @Test("党内公开 is withheld, even when reviewed and approved")
    func partyInternalWithheld() throws {
        let decision = PublicationPolicy.decide(Self.item(scope: .partyInternal), asOf: Self.asOf)
        let reason = try #require(Self.reason(decision))
        #expect(reason.contains("党内公开"))
        #expect(reason.contains("不在公开网站发布"))
    }

    @Test("without 审核 (reviewed) → withhold")
    func missingReviewWithheld() throws {
        let decision = PublicationPolicy.decide(Self.item(reviewed: nil), asOf: Self.asOf)
        let reason = try #require(Self.reason(decision))
        #expect(reason.contains("缺少审核记录（reviewed）"))
    }

    @Test("without 审批 (approved) → withhold")
    func missingApprovalWithheld() throws {
        let decision = PublicationPolicy.decide(Self.item(approved: nil), asOf: Self.asOf)
        let reason = try #require(Self.reason(decision))
        #expect(reason.contains("缺少审批记录（approved）"))
    }

    @Test("published after the as-of date → withhold until then")
    func futureWithheld() throws {
        let decision = PublicationPolicy.decide(Self.item(published: "2026-11-22"), asOf: Self.asOf)
        let reason = try #require(Self.reason(decision))
        #expect(reason.contains("2026-11-22"))
        #expect(reason.contains("晚于数据截至日期 2026-11-21"))
    }

    @Test("with nothing filled in, the first reason given is the scope")
    func failsClosed() throws {
        let decision = PublicationPolicy.decide(
            Self.item(scope: .partyInternal, reviewed: nil, approved: nil, published: "2027-01-01"), asOf: Self.asOf)
        let reason = try #require(Self.reason(decision))
        #expect(reason.contains("党内公开"))
    }

    @Test("via SiteAssembler: withheld items leave the model, are listed in withheld and only warn")
    func assemblerWithholds() throws {
        func file(_ name: String, _ text: String) -> (path: String, text: String) { ("content/disclosures/\(name).md", text) }
        let (model, diagnostics) = TestContent.assemble([
            ("content/branches/a.md", Sample.branch("a")),
            file("open", Sample.disclosure("open")),
            file("internal", Sample.disclosure("internal", scope: "党内公开")),
            file("unapproved", Sample.disclosure("unapproved", approved: false)),
            file("future", Sample.disclosure("future", published: "2026-12-01")),
            file(
                "unreviewed",
                TestContent.document([
                    "id: unreviewed", "branch: a", "title: 未审核", "category: 组织生活", "scope: 社会公开", "published: 2026-03-10",
                    "approved: {by: 书记 李某, date: 2026-03-02}",
                ])),
        ])
        #expect(!diagnostics.hasErrors)
        #expect(diagnostics.warningCount == 4)
        #expect(model.disclosures.map(\.id) == ["open"])
        #expect(model.disclosuresByBranch["a"]?.map(\.id) == ["open"])
        #expect(model.withheld.map(\.id) == ["future", "internal", "unapproved", "unreviewed"])
        #expect(
            model.withheld.map(\.path) == [
                "content/disclosures/future.md", "content/disclosures/internal.md", "content/disclosures/unapproved.md",
                "content/disclosures/unreviewed.md",
            ])
        let reasons = Dictionary(uniqueKeysWithValues: model.withheld.map { ($0.id, $0.reason) })
        #expect(reasons["internal"]?.contains("党内公开") == true)
        #expect(reasons["unapproved"]?.contains("缺少审批记录") == true)
        #expect(reasons["unreviewed"]?.contains("缺少审核记录") == true)
        #expect(reasons["future"]?.contains("2026-12-01") == true)

        // Warnings point at the scope line: line 6 in Sample.disclosure and in the hand-written file.
        for id in ["future", "internal", "unapproved", "unreviewed"] {
            expectDiagnostic(
                diagnostics, .warning, "content/disclosures/\(id).md", line: 6,
                contains: ["党务公开事项 \(id) 未发布到网站：", reasons[id] ?? "?"])
        }
    }

    @Test("a withheld item with errors still reports its errors")
    func withheldItemStillChecked() {
        let (model, diagnostics) = TestContent.assemble([
            ("content/branches/a.md", Sample.branch("a")),
            ("content/disclosures/x.md", Sample.disclosure("x", branch: "b", scope: "党内公开")),
        ])
        #expect(model.disclosures.isEmpty)
        #expect(model.withheld.map(\.id) == ["x"])
        expectDiagnostic(diagnostics, .error, "content/disclosures/x.md", line: 3, contains: ["「b」不存在"])
        expectDiagnostic(diagnostics, .warning, "content/disclosures/x.md", line: 6, contains: ["未发布到网站", "党内公开"])
    }
}
