import GongshiKit

/// The 提出 → 审核 → 审批 rules: who may press which button on which file, and what pressing it writes. Pure: the
/// caller passes the file, the account, the creator's login from the audit log and today's date.
public struct WorkflowRules: Sendable {
    public let authorizer: Authorizer
    public let procedure: ProcedureSettings
    public let noticeRules: @Sendable (String?) -> NoticeRule?

    public init(authorizer: Authorizer, config: SiteConfig) {
        self.authorizer = authorizer
        self.procedure = config.procedure
        self.noticeRules = { config.rule(for: $0) }
    }

    public init(authorizer: Authorizer, procedure: ProcedureSettings = ProcedureSettings(), noticeRules: [String: NoticeRule] = [:]) {
        self.authorizer = authorizer
        self.procedure = procedure
        self.noticeRules = { topic in topic.flatMap { noticeRules[$0] } }
    }

    /// The actions `account` may take on `document` now, in button order.
    public func actions(on document: EditableDocument, by account: Account, creator: String? = nil) -> [WorkflowAction] {
        WorkflowAction.allCases.filter { (try? check($0, on: document, by: account, creator: creator)) != nil }
    }

    /// Throws the Chinese reason when `account` may not take `action` on `document`; `creator` is the login that
    /// created the file according to the audit log.
    public func check(_ action: WorkflowAction, on document: EditableDocument, by account: Account, creator: String? = nil) throws {
        guard let state = WorkflowState(of: document) else { throw WorkflowError("这类内容不走审核流程。") }
        guard let org = document.org else { throw WorkflowError("文件没有写所属组织（branch），无法判断权限。") }
        switch action {
        case .submit:
            guard state == .draft else { throw WorkflowError("只有草稿可以提交审核，这份内容现在是「\(state.rawValue)」。") }
            guard authorizer.allows(account, .write, org: org) else { throw WorkflowError("你没有这个组织的起草权限，不能提交审核。") }
        case .review:
            guard state == .pendingReview else { throw WorkflowError("只有待审核的内容可以审核，这份内容现在是「\(state.rawValue)」。") }
            try checkReviewer(document, account, org: org, creator: creator)
        case .approve:
            guard state == .pendingApproval else { throw WorkflowError("只有待审批的内容可以审批，这份内容现在是「\(state.rawValue)」。") }
            _ = try approvingOrg(document, account, org: org, creator: creator)
        case .reject:
            switch state {
            case .pendingReview: try checkReviewer(document, account, org: org, creator: creator)
            case .pendingApproval: _ = try approvingOrg(document, account, org: org, creator: creator)
            default: throw WorkflowError("只有待审核或待审批的内容可以退回，这份内容现在是「\(state.rawValue)」。")
            }
        }
    }

    /// Checks `action` and applies it to `document`: the new front matter to write. A 退回 needs a reason (kept in
    /// the audit log, not in the file).
    public func apply(
        _ action: WorkflowAction, to document: inout EditableDocument, by account: Account, creator: String? = nil,
        today: Day, reason: String? = nil
    ) throws {
        try check(action, on: document, by: account, creator: creator)
        let signoff = FrontValue.map(FrontMap([.init(key: "by", value: .text(account.name)), .init(key: "date", value: .text(today.description))]))
        switch action {
        case .submit:
            document.fields[WorkflowKey.workflow] = .text(WorkflowState.pendingReview.rawValue)
        case .review:
            document.fields[WorkflowKey.workflow] = nil
            document.fields[WorkflowKey.reviewed] = signoff
        case .approve:
            let org = try approvingOrg(document, account, org: document.org ?? "", creator: creator)
            guard case .map(var approved) = signoff else { return }
            approved["org"] = .text(org)
            document.fields[WorkflowKey.approved] = .map(approved)
        case .reject:
            guard let reason, !reason.allSatisfy(\.isWhitespace) else { throw WorkflowError("退回时请写明原因，起草人会看到它。") }
            document.fields[WorkflowKey.workflow] = .text(WorkflowState.draft.rawValue)
            document.fields[WorkflowKey.reviewed] = nil
            document.fields[WorkflowKey.approved] = nil
        }
    }

    private func checkReviewer(_ document: EditableDocument, _ account: Account, org: String, creator: String?) throws {
        guard authorizer.allows(account, .review, org: org) else { throw WorkflowError("你没有这个组织的审核权限。") }
        if isProposer(document, account, creator: creator) { throw WorkflowError("提出人不能审核自己提出的内容，请由其他审核人审核。") }
    }

    /// The organisation in whose name `account` approves: the nearest one over `org` where it holds 审批 (a strict
    /// ancestor when the topic's notice rule says `approver_level: parent`).
    private func approvingOrg(_ document: EditableDocument, _ account: Account, org: String, creator: String?) throws -> String {
        var orgs = authorizer.grantingOrgs(account, .approver, over: org)
        let parentOnly = noticeRules(document.fields.text("topic"))?.approverLevel == .parent
        if parentOnly { orgs.removeAll { $0 == org } }
        guard let granting = orgs.first else {
            if parentOnly { throw WorkflowError("这类事项须报上级组织审批，你没有上级组织的审批权限。") }
            throw WorkflowError("你没有这个组织的审批权限。")
        }
        if !procedure.allowSameReviewerApprover {
            if let reviewer = signer(document, WorkflowKey.reviewed), SignoffName.same(reviewer, account.name) {
                throw WorkflowError("审核人不能再审批同一份内容：审核和审批应由不同的人负责。")
            }
            if isProposer(document, account, creator: creator) { throw WorkflowError("提出人不能审批自己提出的内容。") }
        }
        return granting
    }

    private func isProposer(_ document: EditableDocument, _ account: Account, creator: String?) -> Bool {
        if creator == account.login { return true }
        guard let proposer = signer(document, WorkflowKey.proposed) else { return false }
        return SignoffName.same(proposer, account.name)
    }

    private func signer(_ document: EditableDocument, _ key: String) -> String? {
        guard case .map(let signoff) = document.fields[key] else { return nil }
        return signoff.text("by")
    }
}
