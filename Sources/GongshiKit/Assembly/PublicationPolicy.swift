/// The one place that decides whether a disclosure may reach the public site. Fails closed.
public enum PublicationPolicy {
    public enum Decision: Sendable, Equatable {
        case publish
        case withhold(reason: String)
    }

    /// Only 社会公开 items that were reviewed and approved, on or after their publication date.
    public static func decide(_ item: Disclosure, asOf: Day) -> Decision {
        guard item.scope == .society else { return .withhold(reason: "公开范围为\(item.scope.rawValue)，只在党内公开，不在公开网站发布") }
        guard item.reviewed != nil else { return .withhold(reason: "缺少审核记录（reviewed），审核（保密审查）后才能发布") }
        guard item.approved != nil else { return .withhold(reason: "缺少审批记录（approved），审批后才能发布") }
        guard item.published <= asOf else {
            return .withhold(reason: "发布日期 \(item.published) 晚于数据截至日期 \(asOf)，到期后自动发布")
        }
        return .publish
    }
}
