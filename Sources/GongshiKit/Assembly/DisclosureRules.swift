/// Date-order rules of the 提出 → 审核 → 审批 → 实施 procedure.
enum DisclosureRules {
    static func check(_ item: Disclosure) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let reviewed = item.reviewed, let approved = item.approved, approved.date < reviewed.date {
            diagnostics.append(
                .error(item.source, "approved.date", "审批日期 approved.date（\(approved.date)）早于审核日期 reviewed.date（\(reviewed.date)）：应先审核、后审批"))
        }
        if let approved = item.approved, item.published < approved.date {
            diagnostics.append(
                .error(item.source, "published", "发布日期 published（\(item.published)）早于审批日期 approved.date（\(approved.date)）：审批后才能公开"))
        }
        if let until = item.until, until < item.published {
            diagnostics.append(.error(item.source, "until", "公示截止日期 until（\(until)）早于发布日期 published（\(item.published)）"))
        }
        return diagnostics
    }
}
