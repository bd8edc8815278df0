import GongshiKit

extension WorkflowRules {
    /// Called on every form save. A new disclosure, letter or example starts as 草稿 (a disclosure with `proposed`
    /// by the account); the form may not touch `workflow`, `proposed`, `reviewed` or `approved`; editing an item that
    /// is 待审批, 已审批 or 已审核 withdraws its signoffs and sends it back to 待审核. Returns the notice to show the
    /// user when that happened.
    @discardableResult
    public static func prepareSave(old: EditableDocument?, new: inout EditableDocument, account: Account, today: Day) throws -> String? {
        guard WorkflowState.kinds.contains(new.kind) else { return nil }
        for key in WorkflowKey.all where old?.fields[key] != new.fields[key] {
            throw WorkflowError("不能在表单里修改审核流程的记录（\(key)）：请用「提交审核」「审核通过」「审批通过」「退回」按钮。")
        }
        guard let old else {
            new.fields[WorkflowKey.workflow] = .text(WorkflowState.draft.rawValue)
            if new.kind == .disclosures {
                new.fields[WorkflowKey.proposed] = .map(
                    FrontMap([.init(key: "by", value: .text(account.name)), .init(key: "date", value: .text(today.description))]))
            }
            return nil
        }
        guard let state = WorkflowState(of: old), state.isSignedOff, old != new else { return nil }
        new.fields[WorkflowKey.reviewed] = nil
        new.fields[WorkflowKey.approved] = nil
        new.fields[WorkflowKey.workflow] = .text(WorkflowState.pendingReview.rawValue)
        return "内容已修改，原来的审核\(state == .reviewed ? "" : "、审批")记录已撤销，这份内容重新进入待审核。"
    }
}
