/// The one place that decides whether a disclosure may reach the public site. Fails closed.
public enum PublicationPolicy {
    public enum Decision: Sendable, Equatable {
        case publish
        case withhold(reason: String)
    }

    /// Only 社会公开 items that were reviewed and approved, on or after their publication date, and not retired by
    /// their topic's `rule` (`SiteConfig.rule(for: item.topic)`). A review or approval whose `by` has no visible
    /// character (blank, or only zero-width characters) is no review or approval.
    public static func decide(_ item: Disclosure, asOf: Day, rule: NoticeRule? = nil) -> Decision {
        if let reason = workflowReason(item.workflow) { return .withhold(reason: reason) }
        guard item.scope == .society else { return .withhold(reason: "公开范围为\(item.scope.rawValue)，只在党内公开，不在公开网站发布") }
        guard let reviewed = item.reviewed else { return .withhold(reason: "缺少审核记录（reviewed），审核（保密审查）后才能发布") }
        guard reviewed.by.hasVisibleCharacter else {
            return .withhold(reason: "审核记录没有审核人（reviewed.by 是空白或看不见的字符），审核（保密审查）后才能发布")
        }
        guard let approved = item.approved else { return .withhold(reason: "缺少审批记录（approved），审批后才能发布") }
        guard approved.by.hasVisibleCharacter else {
            return .withhold(reason: "审批记录没有审批人（approved.by 是空白或看不见的字符），审批后才能发布")
        }
        guard item.published <= asOf else {
            return .withhold(reason: "发布日期 \(item.published) 晚于数据截至日期 \(asOf)，到期后自动发布")
        }
        if let days = rule?.retireAfterDays, let reason = retirement(item, asOf: asOf, afterDays: days) { return .withhold(reason: reason) }
        return .publish
    }

    /// A promise letter is published unless it is still in the studio's workflow (`workflow` written).
    public static func decide(_ letter: PromiseLetter) -> Decision {
        workflowReason(letter.workflow).map { .withhold(reason: $0) } ?? .publish
    }

    /// An example is published unless it is still in the studio's workflow (`workflow` written).
    public static func decide(_ example: Example) -> Decision {
        workflowReason(example.workflow).map { .withhold(reason: $0) } ?? .publish
    }

    /// Why a file with a `workflow` mark stays off the site, whatever its signoffs say; nil without a mark.
    public static func workflowReason(_ mark: WorkflowMark?) -> String? {
        switch mark {
        case .draft: return "编辑平台中的草稿，尚未提交审核（workflow: 草稿）"
        case .submitted: return "已提交审核，等待审核（workflow: 待审核）"
        case nil: return nil
        }
    }

    /// `retire_after_days`: the item leaves the site once the as-of date is more than `days` days after `until` (a
    /// 发展对象 notice names people). Without `until` the count starts at `published`: no notice period, no grace.
    static func retirement(_ item: Disclosure, asOf: Day, afterDays days: Int) -> String? {
        let end = item.until ?? item.published
        guard asOf.ordinal - end.ordinal > days else { return nil }
        let topic = item.topic.map { "「\($0)」类事项" } ?? "本事项"
        if item.until == nil {
            return "发布已满 \(days) 天（没有公示截止日期 until，从发布日期 \(end) 算起），按 notice_rules 不再公开（\(topic)的 retire_after_days: \(days)）"
        }
        return "公示期结束已满 \(days) 天，按 notice_rules 不再公开（公示期截至 \(end)，\(topic)的 retire_after_days: \(days)）"
    }
}
