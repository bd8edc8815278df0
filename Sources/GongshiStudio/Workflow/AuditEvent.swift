import Foundation

/// One line of `<source>/.gongshi-studio/audit.jsonl`: who did what to which file, when, and why (a 退回's reason).
public struct AuditEvent: Sendable, Codable, Equatable {
    /// ISO 8601 time in UTC.
    public var time: String
    public var login: String
    public var name: String
    /// 保存, 新建, 上传, 提交审核, 审核通过, 审批通过, 退回.
    public var action: String
    /// The file's path relative to the source dir (`content/disclosures/….md`).
    public var path: String
    public var id: String?
    public var org: String?
    public var reason: String?
    /// The file's version before and after (the content store's version strings).
    public var before: String?
    public var after: String?

    public init(
        time: Date = Date(), account: Account, action: String, path: String, id: String? = nil, org: String? = nil,
        reason: String? = nil, before: String? = nil, after: String? = nil
    ) {
        self.time = ISO8601DateFormatter().string(from: time)
        self.login = account.login
        self.name = account.name
        self.action = action
        self.path = path
        self.id = id
        self.org = org
        self.reason = reason
        self.before = before
        self.after = after
    }

    /// The audit action name of a file's creation: the creator is the login of the first such event.
    public static let created = "新建"
    public static let saved = "保存"
    public static let uploaded = "上传"
}
