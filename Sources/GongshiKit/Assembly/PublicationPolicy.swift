/// The one place that decides whether a disclosure may reach the public site. Fails closed.
public enum PublicationPolicy {
    public enum Decision: Sendable, Equatable {
        case publish
        case withhold(reason: String)
    }

    /// Only 社会公开 items that were reviewed and approved, on or after their publication date. A review or approval
    /// whose `by` has no visible character (blank, or only zero-width characters) is no review or approval.
    public static func decide(_ item: Disclosure, asOf: Day) -> Decision {
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
        return .publish
    }
}
