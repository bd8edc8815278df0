/// 党务公开事项
public struct Disclosure: Sendable, Codable {
    public let id: String
    public let branch: String
    public let title: String
    public let category: String
    public let scope: Scope
    public let published: Day
    public let reviewed: Signoff?
    public let approved: Signoff?
    public let cadence: Cadence?
    public let period: String?
    public let until: Day?
    public let feedback: String?
    /// This file's `privacy:` settings (already applied while loading).
    public var privacy: PrivacyPolicy? = nil
    /// 附件 as written in front matter; `attachmentFiles` once checked and read.
    public var attachments: [Attachment]? = nil
    public var attachmentFiles: [AttachmentFile] = []
    public var source = SourceRef(path: "")
    public var bodyHTML = ""

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, branch, title, category, scope, published, reviewed, approved, cadence, period, until
        case feedback, privacy, attachments
    }

    /// 公示中 while the as-of date is within the notice period.
    public func noticeStatus(asOf: Day) -> String? {
        guard let until else { return nil }
        return asOf <= until ? "公示中" : "公示期已结束"
    }
}

/// One step of 审核 or 审批: who signed and when.
public struct Signoff: Sendable, Codable {
    public let by: String
    public let date: Day

    enum CodingKeys: String, CodingKey, CaseIterable { case by, date }
}
