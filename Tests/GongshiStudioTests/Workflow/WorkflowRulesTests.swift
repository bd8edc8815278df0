import GongshiKit
import Testing

@testable import GongshiStudio

@Suite struct WorkflowRulesTests {
    typealias F = WorkflowFixtures
    let rules = WorkflowRules(authorizer: F.authorizer)
    let accounts = [F.drafter, F.reviewer, F.approver, F.ancestorApprover, F.otherBranch, F.allRoles]

    /// Who may press what, for a disclosure proposed (and created) by 张三 and reviewed by 李四.
    static let disclosureMatrix: [WorkflowState: [WorkflowAction: Set<String>]] = [
        .draft: [.submit: ["zhang", "sun"]],
        .pendingReview: [.review: ["li", "sun"], .reject: ["li", "sun"]],
        .pendingApproval: [.approve: ["wang", "zhao", "sun"], .reject: ["wang", "zhao", "sun"]],
        .approved: [:],
    ]

    @Test(arguments: [WorkflowState.draft, .pendingReview, .pendingApproval, .approved])
    func disclosureMatrix(state: WorkflowState) {
        let document = F.disclosure(state)
        #expect(WorkflowState(of: document) == state)
        for account in accounts {
            for action in WorkflowAction.allCases {
                let expected = Self.disclosureMatrix[state]?[action]?.contains(account.login) ?? false
                let allowed = (try? rules.check(action, on: document, by: account, creator: "zhang")) != nil
                #expect(allowed == expected, "\(account.name) \(action.label) on \(state.rawValue)")
            }
        }
    }

    static let letterMatrix: [WorkflowState: [WorkflowAction: Set<String>]] = [
        .draft: [.submit: ["zhang", "sun"]],
        .pendingReview: [.review: ["li", "sun"], .reject: ["li", "sun"]],
        .reviewed: [:],
    ]

    @Test(arguments: [WorkflowState.draft, .pendingReview, .reviewed])
    func letterMatrix(state: WorkflowState) {
        let document = F.letter(state)
        #expect(WorkflowState(of: document) == state)
        for account in accounts {
            for action in WorkflowAction.allCases {
                let expected = Self.letterMatrix[state]?[action]?.contains(account.login) ?? false
                let allowed = (try? rules.check(action, on: document, by: account, creator: "zhang")) != nil
                #expect(allowed == expected, "\(account.name) \(action.label) on letter \(state.rawValue)")
            }
        }
    }

    @Test func theProposerMayNotReviewNorApproveEvenWithEveryRole() {
        let pending = F.disclosure(.pendingReview, proposer: "孙八")
        #expect(throws: WorkflowError("提出人不能审核自己提出的内容，请由其他审核人审核。")) {
            try rules.check(.review, on: pending, by: F.allRoles)
        }
        // Not named in proposed, but created the file per the audit log.
        #expect(throws: WorkflowError.self) { try rules.check(.review, on: F.disclosure(.pendingReview), by: F.allRoles, creator: "sun") }
        #expect(throws: WorkflowError.self) { try rules.check(.approve, on: F.disclosure(.pendingApproval, proposer: "孙 八"), by: F.allRoles) }
    }

    @Test func theReviewerMayNotApproveUnlessTheSiteAllowsIt() throws {
        var document = F.disclosure(.pendingReview)
        try rules.apply(.review, to: &document, by: F.allRoles, today: F.today)
        #expect(WorkflowState(of: document) == .pendingApproval)
        #expect(throws: WorkflowError("审核人不能再审批同一份内容：审核和审批应由不同的人负责。")) {
            try rules.check(.approve, on: document, by: F.allRoles)
        }
        let lenient = WorkflowRules(authorizer: F.authorizer, procedure: ProcedureSettings(allowSameReviewerApprover: true))
        try lenient.check(.approve, on: document, by: F.allRoles)
    }

    @Test func approvalWritesTheNearestGrantingOrganisation() throws {
        var byBranch = F.disclosure(.pendingApproval)
        try rules.apply(.approve, to: &byBranch, by: F.approver, today: F.today)
        #expect(
            byBranch.fields["approved"]
                == .map(
                    FrontMap([.init(key: "by", value: .text("王五")), .init(key: "date", value: .text("2026-12-01")), .init(key: "org", value: .text("jq"))])))
        #expect(WorkflowState(of: byBranch) == .approved)
        var byDistrict = F.disclosure(.pendingApproval)
        try rules.apply(.approve, to: &byDistrict, by: F.ancestorApprover, today: F.today)
        guard case .map(let approved) = byDistrict.fields["approved"] else { Issue.record("no approved"); return }
        #expect(approved.text("org") == "pd")
    }

    @Test func aParentLevelTopicNeedsAStrictAncestor() throws {
        let rules = WorkflowRules(authorizer: F.authorizer, noticeRules: ["发展党员": NoticeRule(approverLevel: .parent)])
        let own = F.account("zhou", "周九", [.init(org: "jq-1", role: .approver)])
        let document = F.disclosure(.pendingApproval, topic: "发展党员")
        #expect(throws: WorkflowError("这类事项须报上级组织审批，你没有上级组织的审批权限。")) { try rules.check(.approve, on: document, by: own) }
        try WorkflowRules(authorizer: F.authorizer).check(.approve, on: document, by: own)
        var approved = document
        try rules.apply(.approve, to: &approved, by: F.approver, today: F.today)
        guard case .map(let signoff) = approved.fields["approved"] else { Issue.record("no approved"); return }
        #expect(signoff.text("org") == "jq")
    }

    @Test func aLetterIsReviewedInOneStep() throws {
        var letter = F.letter(.pendingReview)
        try rules.apply(.review, to: &letter, by: F.reviewer, today: F.today)
        #expect(letter.fields["workflow"] == nil)
        #expect(letter.fields["reviewed"] == F.signoff("李四", "2026-12-01"))
        #expect(WorkflowState(of: letter) == .reviewed)
    }

    @Test func rejectingNeedsAReasonAndReturnsADraft() throws {
        var document = F.disclosure(.pendingApproval)
        #expect(throws: WorkflowError("退回时请写明原因，起草人会看到它。")) {
            try rules.apply(.reject, to: &document, by: F.approver, today: F.today, reason: "  ")
        }
        try rules.apply(.reject, to: &document, by: F.approver, today: F.today, reason: "金额有误")
        #expect(WorkflowState(of: document) == .draft)
        #expect(document.fields["reviewed"] == nil)
        #expect(document.fields["proposed"] != nil)
    }

    @Test func submittingMarksItPending() throws {
        var document = F.disclosure(.draft)
        try rules.apply(.submit, to: &document, by: F.drafter, today: F.today)
        #expect(document.fields.text("workflow") == "待审核")
    }

    @Test func handWrittenFilesAreWhatTheirSignoffsSay() {
        var document = F.disclosure(.approved)
        document.fields["reviewed"] = nil
        #expect(WorkflowState(of: document) == .approved)
        #expect(WorkflowState(of: EditableDocument(kind: .branches, fields: FrontMap(), body: "")) == nil)
        #expect(WorkflowState(of: EditableDocument(kind: .examples, fields: FrontMap(), body: "")) == .reviewed)
    }
}
