import GongshiKit

/// Where a disclosure, promise letter or example stands in 提出 → 审核 → 审批 (letters and examples: 提出 → 审核).
public enum WorkflowState: String, Sendable, CaseIterable {
    /// 草稿: being written, or 退回.
    case draft = "草稿"
    /// 待审核: submitted, waiting for the reviewer.
    case pendingReview = "待审核"
    /// 待审批: a disclosure reviewed, waiting for the approver.
    case pendingApproval = "待审批"
    /// 已审批: a disclosure approved; published per `PublicationPolicy`.
    case approved = "已审批"
    /// 已审核: a letter or example reviewed; published.
    case reviewed = "已审核"

    /// The kinds that go through the workflow; branches and pages are published as written.
    public static let kinds: Set<ContentKind> = [.disclosures, .promises, .examples]

    /// The state of `document`, nil for a kind outside the workflow. A file without `workflow` is what its
    /// signoffs say, so hand-written files keep working.
    public init?(of document: EditableDocument) {
        guard Self.kinds.contains(document.kind) else { return nil }
        switch document.fields.text(WorkflowKey.workflow) {
        case Self.draft.rawValue: self = .draft
        case Self.pendingReview.rawValue: self = .pendingReview
        default:
            guard document.kind == .disclosures else {
                self = .reviewed
                return
            }
            if document.fields[WorkflowKey.approved] != nil {
                self = .approved
            } else if document.fields[WorkflowKey.reviewed] != nil {
                self = .pendingApproval
            } else {
                self = .pendingReview
            }
        }
    }

    /// Whether the item is (or is about to be) public: editing it sends it back to 待审核.
    public var isSignedOff: Bool { self == .pendingApproval || self == .approved || self == .reviewed }
}

/// The front-matter keys the workflow owns; a form save may not change them.
public enum WorkflowKey {
    public static let workflow = "workflow"
    public static let proposed = "proposed"
    public static let reviewed = "reviewed"
    public static let approved = "approved"
    public static let all = [workflow, proposed, reviewed, approved]
}
