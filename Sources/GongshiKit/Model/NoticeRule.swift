/// `site.yaml` `notice_rules`: what a topic's notice must satisfy (公示期 length, 报批) and how long it stays public.
public struct NoticeRule: Sendable, Codable, Equatable {
    /// Working days from `published` to `until`, both included (`SiteConfig.workingDays(from:through:)`).
    public var minWorkingDays: Int?
    /// `until` must be written.
    public var untilRequired: Bool?
    /// `parent`: `approved.org` must be an ancestor of the publishing organisation.
    public var approverLevel: ApproverLevel?
    /// The item leaves the public site this many days after `until`.
    public var retireAfterDays: Int?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case minWorkingDays = "min_working_days", untilRequired = "until_required", approverLevel = "approver_level"
        case retireAfterDays = "retire_after_days"
    }

    public init(minWorkingDays: Int? = nil, untilRequired: Bool? = nil, approverLevel: ApproverLevel? = nil, retireAfterDays: Int? = nil) {
        self.minWorkingDays = minWorkingDays
        self.untilRequired = untilRequired
        self.approverLevel = approverLevel
        self.retireAfterDays = retireAfterDays
    }

    /// Built-in rules: a 发展对象 notice runs at least 5 working days and must say until when.
    public static let builtin: [String: NoticeRule] = ["发展党员": NoticeRule(minWorkingDays: 5, untilRequired: true)]

    /// This rule's settings, and `base`'s where this one is silent.
    func over(_ base: NoticeRule) -> NoticeRule {
        NoticeRule(
            minWorkingDays: minWorkingDays ?? base.minWorkingDays, untilRequired: untilRequired ?? base.untilRequired,
            approverLevel: approverLevel ?? base.approverLevel, retireAfterDays: retireAfterDays ?? base.retireAfterDays)
    }

    /// Whether `until` must be written.
    public var requiresUntil: Bool { untilRequired ?? false }
}

/// Who may approve an item of a topic.
public enum ApproverLevel: String, Vocabulary {
    /// The publishing organisation or one of its ancestors (the default).
    case any
    /// An ancestor only: 报上级审批.
    case parent
}

/// `site.yaml` `procedure`.
public struct ProcedureSettings: Sendable, Codable, Equatable {
    /// Lets one person both review (or propose) and approve an item; off by default (fail closed).
    public var allowSameReviewerApprover: Bool

    enum CodingKeys: String, CodingKey, CaseIterable { case allowSameReviewerApprover = "allow_same_reviewer_approver" }

    public init(allowSameReviewerApprover: Bool = false) { self.allowSameReviewerApprover = allowSameReviewerApprover }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        allowSameReviewerApprover = try c.decodeIfPresent(Bool.self, forKey: .allowSameReviewerApprover) ?? false
    }
}
