/// The `notice_rules` of an item's `topic` (`SiteConfig.rule(for:)`): the 公示期 length in working days, a required
/// `until`, and 报批 (approval by an ancestor organisation). Retiring an item is `PublicationPolicy`'s part.
enum NoticeRules {
    static func check(_ item: Disclosure, config: SiteConfig, lineage: BranchLineage) -> [Diagnostic] {
        guard let topic = item.topic, let rule = config.rule(for: topic) else { return [] }
        var diagnostics: [Diagnostic] = []
        if rule.requiresUntil, item.until == nil {
            diagnostics.append(
                .error(
                    item.source, "topic",
                    "「\(topic)」类事项必须填写公示截止日期 until（公示规则 notice_rules 的 until_required）：请写明公示期到哪一天"))
        }
        if let minimum = rule.minWorkingDays, let until = item.until, item.published <= until,
            !surelyLongEnough(from: item.published, through: until, minimum: minimum, holidays: config.holidays.count)
        {
            let days = config.workingDays(from: item.published, through: until)
            if days < minimum {
                diagnostics.append(
                    .error(
                        item.source, "until",
                        "公示期 \(item.published) 至 \(until) 只有 \(days) 个工作日，「\(topic)」类事项至少 \(minimum) 个工作日"
                            + "（从发布日期到 until 都算在内，周六、周日和 site.yaml 的 holidays 不算）：请推迟 until"))
            }
        }
        if rule.approverLevel == .parent { diagnostics += reportedApproval(item, topic: topic, lineage: lineage) }
        return diagnostics
    }

    /// Whether the full weeks alone hold `minimum` working days even if every holiday fell on one of them: the days
    /// are then not counted one by one (an `until` of 9999-12-31 is millions of days away).
    static func surelyLongEnough(from start: Day, through end: Day, minimum: Int, holidays: Int) -> Bool {
        (end.ordinal - start.ordinal + 1) / 7 * 5 - holidays >= minimum
    }

    /// 报批: `approved.org` is written and is a strict ancestor of the publishing organisation. An `org` that is
    /// neither the branch nor an ancestor is `DisclosureRules`' error already.
    static func reportedApproval(_ item: Disclosure, topic: String, lineage: BranchLineage) -> [Diagnostic] {
        guard let approved = item.approved, lineage.contains(item.branch) else { return [] }
        let rule = "「\(topic)」类事项须报上级组织审批（公示规则 notice_rules 的 approver_level: parent）"
        let ancestors = lineage.ancestors(of: item.branch)
        guard !ancestors.isEmpty else {
            return [.error(item.source, "approved", "\(rule)，而发布组织 \(item.branch) 没有上级组织（parent）：请核对 branch 或上级组织")]
        }
        let choices = "可填 \(lineage.describe(ancestors))"
        guard let org = approved.org else {
            return [.error(item.source, "approved", "\(rule)：请在 approved 中用 org 写明审批的上级组织，\(choices)")]
        }
        if org == item.branch {
            return [.error(item.source, "approved.org", "\(rule)，审批组织 approved.org 不能是发布组织本身（\(org)）：\(choices)")]
        }
        return []
    }
}
