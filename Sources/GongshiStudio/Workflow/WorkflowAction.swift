/// A button of the workflow panel; the raw value is the form's `action` field.
public enum WorkflowAction: String, Sendable, CaseIterable {
    /// 提交审核: 草稿 → 待审核.
    case submit
    /// 审核通过: disclosures 待审核 → 待审批; letters and examples 待审核 → 已审核.
    case review
    /// 审批通过: 待审批 → 已审批.
    case approve
    /// 退回 (with a reason): 待审核 or 待审批 → 草稿.
    case reject

    /// The button's Chinese label, also the audit log's action name.
    public var label: String {
        switch self {
        case .submit: return "提交审核"
        case .review: return "审核通过"
        case .approve: return "审批通过"
        case .reject: return "退回"
        }
    }
}

/// A workflow action refused, or a save that may not be made, with the Chinese message for the user.
public struct WorkflowError: Error, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// The file changed since the form was opened (its version is no longer the current one).
    public static let conflict = WorkflowError("这份内容在你打开之后已被别人修改或处理过，请刷新页面，看过最新内容后再操作。")
}
