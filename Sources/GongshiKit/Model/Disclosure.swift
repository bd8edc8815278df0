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
    /// 提出: who proposed the item and when.
    public let proposed: Signoff?
    /// One of `SiteConfig.allTopics`: the kind of matter, which selects its `NoticeRule`.
    public let topic: String?
    /// 结果公开: what came of the notice.
    public let outcome: Outcome?
    /// The id of the disclosure this one implements (决议公开 → 实施结果公开); cleared in the published model when
    /// that item has retired (`FollowsRules`).
    public var follows: String?
    /// 草稿 or 待审核 while the file is in the studio's workflow; such a file is never published.
    public var workflow: WorkflowMark? = nil
    /// This file's `privacy:` settings (already applied while loading).
    public var privacy: PrivacyPolicy? = nil
    /// 附件 as written in front matter; `attachmentFiles` once checked and read.
    public var attachments: [Attachment]? = nil
    public var attachmentFiles: [AttachmentFile] = []
    /// 照片 as written in front matter; `imageFiles` once the image stage has checked and processed them.
    public var images: [ImageRef]? = nil
    public var imageFiles: [ImageFile] = []
    public var source = SourceRef(path: "")
    public var bodyHTML = ""
    /// Markdown images of the body that point at files inside the source dir, by their `src` as written, once
    /// processed; the renderer replaces each `<img>` with the published versions.
    public var bodyImages: [String: ImageFile] = [:]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, branch, title, category, scope, published, reviewed, approved, cadence, period, until
        case feedback, privacy, attachments, proposed, topic, outcome, follows, images, workflow
    }

    public init(
        id: String, branch: String, title: String, category: String, scope: Scope, published: Day, reviewed: Signoff?,
        approved: Signoff?, cadence: Cadence?, period: String?, until: Day?, feedback: String?, proposed: Signoff? = nil,
        topic: String? = nil, outcome: Outcome? = nil, follows: String? = nil, privacy: PrivacyPolicy? = nil,
        attachments: [Attachment]? = nil, attachmentFiles: [AttachmentFile] = [], images: [ImageRef]? = nil,
        source: SourceRef = SourceRef(path: ""), bodyHTML: String = "", workflow: WorkflowMark? = nil
    ) {
        self.workflow = workflow
        self.id = id
        self.branch = branch
        self.title = title
        self.category = category
        self.scope = scope
        self.published = published
        self.reviewed = reviewed
        self.approved = approved
        self.cadence = cadence
        self.period = period
        self.until = until
        self.feedback = feedback
        self.proposed = proposed
        self.topic = topic
        self.outcome = outcome
        self.follows = follows
        self.privacy = privacy
        self.attachments = attachments
        self.attachmentFiles = attachmentFiles
        self.images = images
        self.source = source
        self.bodyHTML = bodyHTML
    }

    /// 结果待公开: the notice period ended more than `dueDays` days before the as-of date and no outcome is written.
    public func outcomePending(asOf: Day, dueDays: Int) -> Bool {
        guard outcome == nil, let until else { return false }
        return until.ordinal < asOf.ordinal - dueDays
    }

    /// 公示中 while the as-of date is within the notice period.
    public func noticeStatus(asOf: Day) -> String? {
        guard let until else { return nil }
        return asOf <= until ? "公示中" : "公示期已结束"
    }
}

/// One step of 提出, 审核 or 审批: who signed and when; `org` (the approving organisation's id) only for 审批.
public struct Signoff: Sendable, Codable, Equatable {
    public let by: String
    public let date: Day
    public let org: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case by, date, org }

    public init(by: String, date: Day, org: String? = nil) {
        self.by = by
        self.date = date
        self.org = org
    }
}

/// 结果公开: the date it was published, what came of the matter, and how many opinions were received.
public struct Outcome: Sendable, Codable, Equatable {
    public let date: Day
    public let text: String
    public let received: Int?

    enum CodingKeys: String, CodingKey, CaseIterable { case date, text, received }

    public init(date: Day, text: String, received: Int? = nil) {
        self.date = date
        self.text = text
        self.received = received
    }
}
