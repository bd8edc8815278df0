import Foundation
import Testing

@testable import GongshiKit

/// 提出 → 审核 → 审批: separated duties compared on folded names, and an approving organisation with authority.
@Suite("Procedure rules")
struct ProcedureRulesTests {
    /// Each pair is one person written two ways: spaces of every kind at either end or inside, full-width Latin
    /// letters and digits, NBSP, zero-width characters, letter case.
    static let samePerson: [(String, String)] = [
        ("王某", "王　某"), ("王某", "　王某　"), ("王某", " 王某"), ("王某", "王\u{00A0}某"), ("书记 李某", "书记\u{3000}李某"),
        ("书记 李某", "书记李某"), ("Liu Fang", "Ｌｉｕ　Ｆａｎｇ"), ("LIU FANG", "liu fang"), ("王某", "王\u{200B}某"),
        ("王某", "\u{FEFF}王某"), ("李\u{2009}某", "李某"), ("委员１号", "委员1号"), ("\u{2003}张三\u{202F}", "张三"),
        ("阿依古丽·买买提", "阿依古丽・买买提"),
    ]

    static let differentPeople: [(String, String)] = [
        ("王某", "王某某"), ("王某", "李某"), ("组织委员 王某", "书记 王某"), ("", ""), ("\u{200B}", "\u{3000}"), ("委员1号", "委员2号"),
    ]

    @Test(arguments: samePerson)
    func oneNameWrittenTwoWaysIsOnePerson(_ a: String, _ b: String) {
        #expect(SignoffName.same(a, b), "\(SignoffName.folded(a)) vs \(SignoffName.folded(b))")
        #expect(SignoffName.same(b, a))
    }

    @Test(arguments: differentPeople)
    func differentNamesAreDifferentPeople(_ a: String, _ b: String) {
        #expect(!SignoffName.same(a, b))
    }

    static func item(reviewer: String, approver: String, proposer: String? = nil, org: String? = nil) -> [String] {
        [
            "id: d", "branch: b", "title: 公开事项", "category: 组织生活", "scope: 社会公开", "published: 2026-03-10",
            "reviewed: {by: \"\(reviewer)\", date: 2026-03-02}",  // 8
            "approved: {by: \"\(approver)\", date: 2026-03-03\(org.map { ", org: \($0)" } ?? "")}",  // 9
        ] + (proposer.map { ["proposed: {by: \"\($0)\", date: 2026-03-01}"] } ?? [])
    }

    static let tree: [(path: String, text: String)] = [
        ("content/branches/root.md", Sample.branch("root")), ("content/branches/a.md", Sample.branch("a", parent: "root")),
        ("content/branches/b.md", Sample.branch("b", parent: "a")), ("content/branches/c.md", Sample.branch("c", parent: "root")),
    ]

    static func diagnostics(_ yaml: [String], site: String = Sample.site) -> [Diagnostic] {
        let (config, configDiagnostics) = ContentLoader.loadSiteConfig(site)
        precondition(configDiagnostics.isEmpty, "\(configDiagnostics)")
        return TestContent.assemble(tree + [("content/disclosures/d.md", TestContent.document(yaml))], config: config!).diagnostics
    }

    @Test(arguments: samePerson)
    func theSameReviewerAndApproverIsAnErrorAtApprovedBy(_ a: String, _ b: String) {
        let diagnostics = Self.diagnostics(Self.item(reviewer: a, approver: b))
        expectDiagnostic(diagnostics, .error, "content/disclosures/d.md", line: 9, contains: ["审核人 reviewed.by", "是同一人", "allow_same_reviewer_approver"])
        #expect(diagnostics.errorCount == 1, "\(diagnostics)")
    }

    @Test func theSameProposerAndApproverIsAnError() {
        let diagnostics = Self.diagnostics(Self.item(reviewer: "委员 王某", approver: "书记 李某", proposer: "书记　李某"))
        expectDiagnostic(diagnostics, .error, "content/disclosures/d.md", line: 9, contains: ["提出人 proposed.by", "是同一人"])
        #expect(diagnostics.errorCount == 1, "\(diagnostics)")
    }

    @Test func theSiteMayAllowOnePersonToReviewAndApprove() {
        let site = Sample.site + "\nprocedure: {allow_same_reviewer_approver: true}\n"
        let diagnostics = Self.diagnostics(Self.item(reviewer: "书记 李某", approver: "书记 李某", proposer: "书记 李某"), site: site)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        // Off by default, and `false` is the default written out.
        let off = Sample.site + "\nprocedure: {allow_same_reviewer_approver: false}\n"
        #expect(Self.diagnostics(Self.item(reviewer: "书记 李某", approver: "书记 李某"), site: off).errorCount == 1)
    }

    @Test(arguments: [("b", true), ("a", true), ("root", true), ("c", false)])
    func theApprovingOrganisationIsTheBranchOrAnAncestor(_ org: String, _ allowed: Bool) {
        let diagnostics = Self.diagnostics(Self.item(reviewer: "委员 王某", approver: "书记 李某", org: org))
        if allowed {
            #expect(!diagnostics.hasErrors, "\(diagnostics)")
        } else {
            expectDiagnostic(
                diagnostics, .error, "content/disclosures/d.md", line: 9,
                contains: ["审批组织 approved.org（c）不是发布组织 b 或它的上级组织", "可填 b（b党支部）、a（a党支部）、root（root党支部）"])
        }
    }

    @Test func anUnknownApprovingOrganisationSuggestsTheNearestAndListsTheAllowedOnes() {
        let diagnostics = Self.diagnostics(Self.item(reviewer: "委员 王某", approver: "书记 李某", org: "rooot"))
        expectDiagnostic(
            diagnostics, .error, "content/disclosures/d.md", line: 9,
            contains: ["字段 approved.org 引用的组织「rooot」不存在", "是否应为 root？", "可填 b（b党支部）、a（a党支部）、root（root党支部）"])
        #expect(diagnostics.errorCount == 1, "\(diagnostics)")
    }

    @Test func aProposalAfterTheReviewIsAnError() {
        var yaml = Self.item(reviewer: "委员 王某", approver: "书记 李某")
        yaml.append("proposed: {by: 党员 赵某, date: 2026-03-05}")  // 10
        expectDiagnostic(
            Self.diagnostics(yaml), .error, "content/disclosures/d.md", line: 10,
            contains: ["提出日期 proposed.date（2026-03-05）晚于审核日期 reviewed.date（2026-03-02）"])
        // On the review's own day it is fine.
        yaml[yaml.count - 1] = "proposed: {by: 党员 赵某, date: 2026-03-02}"
        #expect(!Self.diagnostics(yaml).hasErrors)
    }
}
