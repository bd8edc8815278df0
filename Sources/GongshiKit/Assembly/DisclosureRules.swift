/// Rules of the 提出 → 审核（含保密审查）→ 审批 → 实施 procedure and of 结果公开: dates in order, separated duties,
/// an approving organisation with authority over the publishing one.
enum DisclosureRules {
    static func check(_ item: Disclosure, lineage: BranchLineage, config: SiteConfig, asOf: Day) -> [Diagnostic] {
        var diagnostics = dateOrder(item)
        if !config.procedure.allowSameReviewerApprover { diagnostics += separatedDuties(item) }
        if let org = item.approved?.org, lineage.contains(item.branch), lineage.contains(org) {
            let allowed = approvers(of: item.branch, lineage: lineage)
            if !allowed.contains(org) {
                diagnostics.append(
                    .error(
                        item.source, "approved.org",
                        "审批组织 approved.org（\(org)）不是发布组织 \(item.branch) 或它的上级组织，无权审批本组织的公开事项："
                            + "可填 \(lineage.describe(allowed))"))
            }
        }
        diagnostics += outcomeDates(item, asOf: asOf)
        return diagnostics
    }

    /// The publishing organisation and its ancestors, nearest first: who may approve its items.
    static func approvers(of branch: String, lineage: BranchLineage) -> [String] { [branch] + lineage.ancestors(of: branch) }

    /// The hint added to the error for an `approved.org` that names no organisation.
    static func approverHint(_ item: Disclosure, lineage: BranchLineage) -> String? {
        guard lineage.contains(item.branch) else { return nil }
        return "审批组织应为发布组织 \(item.branch) 或它的上级组织：可填 \(lineage.describe(approvers(of: item.branch, lineage: lineage)))"
    }

    static func dateOrder(_ item: Disclosure) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let proposed = item.proposed {
            if let reviewed = item.reviewed, reviewed.date < proposed.date {
                diagnostics.append(
                    .error(
                        item.source, "proposed.date",
                        "提出日期 proposed.date（\(proposed.date)）晚于审核日期 reviewed.date（\(reviewed.date)）：应先提出、后审核"))
            } else if item.reviewed == nil, let approved = item.approved, approved.date < proposed.date {
                diagnostics.append(
                    .error(
                        item.source, "proposed.date",
                        "提出日期 proposed.date（\(proposed.date)）晚于审批日期 approved.date（\(approved.date)）：应先提出、后审批"))
            }
        }
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

    /// 职责分离: the approver is neither the reviewer nor the proposer (names compared as `SignoffName` folds them).
    static func separatedDuties(_ item: Disclosure) -> [Diagnostic] {
        guard let approved = item.approved else { return [] }
        let setting = "确需由同一人负责时，在 site.yaml 中设置 procedure: {allow_same_reviewer_approver: true}"
        var diagnostics: [Diagnostic] = []
        if let reviewed = item.reviewed, SignoffName.same(reviewed.by, approved.by) {
            diagnostics.append(
                .error(
                    item.source, "approved.by",
                    "审核人 reviewed.by（\(reviewed.by)）和审批人 approved.by（\(approved.by)）是同一人：审核（保密审查）和审批应由不同的人负责；"
                        + setting))
        }
        if let proposed = item.proposed, SignoffName.same(proposed.by, approved.by) {
            diagnostics.append(
                .error(
                    item.source, "approved.by",
                    "提出人 proposed.by（\(proposed.by)）和审批人 approved.by（\(approved.by)）是同一人：提出和审批应由不同的人负责；" + setting))
        }
        return diagnostics
    }

    /// 结果公开 comes after the notice period (or the publication, without one), and not after the as-of date.
    static func outcomeDates(_ item: Disclosure, asOf: Day) -> [Diagnostic] {
        guard let outcome = item.outcome else { return [] }
        if let until = item.until, outcome.date < until {
            return [
                .error(
                    item.source, "outcome.date",
                    "结果公开日期 outcome.date（\(outcome.date)）早于公示截止日期 until（\(until)）：公示期结束后才能公开结果")
            ]
        }
        if item.until == nil, outcome.date < item.published {
            return [
                .error(
                    item.source, "outcome.date",
                    "结果公开日期 outcome.date（\(outcome.date)）早于发布日期 published（\(item.published)）：事项公开后才能公开结果")
            ]
        }
        if asOf < outcome.date {
            return [
                .error(
                    item.source, "outcome.date",
                    "结果公开日期 outcome.date（\(outcome.date)）晚于数据截至日期 \(asOf)：结果公开后再填写 outcome，或核对日期")
            ]
        }
        return []
    }

    /// 结果待公开: a published item whose notice period ended more than `outcome_due_days` ago without an outcome.
    static func outcomePending(_ item: Disclosure, config: SiteConfig, asOf: Day) -> Diagnostic? {
        guard let until = item.until, item.outcomePending(asOf: asOf, dueDays: config.outcomeDueDays) else { return nil }
        return .warning(
            item.source, "until",
            "党务公开事项 \(item.id) 的公示期已于 \(until) 结束，超过 \(config.outcomeDueDays) 天仍未公开结果："
                + "请在 outcome 中填写结果公开的日期、结果和收到的意见数（{date, text, received}），网站上现在显示“结果待公开”",
            kind: .outcomePending)
    }
}
