/// 承诺书: one letter of commitments by a member or an organisation.
public struct PromiseLetter: Sendable, Codable {
    public let id: String
    public let branch: String
    public let year: Int
    public let promiser: String
    public let role: PromiserRole
    public let post: String?
    public let published: Day
    /// `var` so that the image stage can fill the 践诺 entries' `imageFiles`.
    public var items: [PromiseItem]
    public let review: Review?
    /// 草稿 or 待审核 while the letter is in the studio's workflow; such a letter is never published.
    public var workflow: WorkflowMark? = nil
    /// 审核: who reviewed the letter and when (written when its review passes).
    public var reviewed: Signoff? = nil
    /// This file's `privacy:` settings (already applied while loading).
    public var privacy: PrivacyPolicy? = nil
    public var source = SourceRef(path: "")
    public var bodyHTML = ""
    /// Markdown images of the body that point at files inside the source dir, by their `src` as written, once
    /// processed; the renderer replaces each `<img>` with the published versions.
    public var bodyImages: [String: ImageFile] = [:]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, branch, year, promiser, role, post, published, items, review, workflow, reviewed, privacy
    }
}

/// 承诺事项
public struct PromiseItem: Sendable, Codable {
    public let text: String
    public let service: Service
    public let due: Day
    public let status: ItemStatus
    public let done: Day?
    public let note: String?
    /// A quantified commitment: 「全年走访不少于 40 人次」 is `{count: 40, unit: 人次}`.
    public let target: PromiseTarget?
    /// 践诺记录: what was done and when, in the order written (`entriesNewestFirst` for display).
    public var progress: [ProgressEntry]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case text, service, due, status, done, note, target, progress
    }

    public init(
        text: String, service: Service, due: Day, status: ItemStatus, done: Day?, note: String?, target: PromiseTarget? = nil,
        progress: [ProgressEntry]? = nil
    ) {
        self.text = text
        self.service = service
        self.due = due
        self.status = status
        self.done = done
        self.note = note
        self.target = target
        self.progress = progress
    }

    /// 践诺记录, newest first (entries of the same day keep their written order).
    public var entriesNewestFirst: [ProgressEntry] {
        (progress ?? []).enumerated().sorted { ($0.element.date, $1.offset) > ($1.element.date, $0.offset) }.map(\.element)
    }

    /// 已完成: the sum of the entries' counts, for an item with a target; nil without one.
    public var doneCount: Int? {
        guard target != nil else { return nil }
        return (progress ?? []).reduce(0) { $0 + ($1.count ?? 0) }
    }

    /// 完成度 of a quantified item, 0–1 and more when over-fulfilled; nil without a target.
    public var doneFraction: Double? {
        guard let target, let done = doneCount, target.count > 0 else { return nil }
        return Double(done) / Double(target.count)
    }

    /// 最近践诺: the latest entry's date.
    public var latestProgress: Day? { progress?.map(\.date).max() }

    /// 久未更新: in progress, and its latest entry (or the letter's `published` date when it has none) is more than
    /// `staleDays` days before the as-of date.
    public func isStale(asOf: Day, published: Day, staleDays: Int) -> Bool {
        guard status == .inProgress else { return false }
        return (latestProgress ?? published).ordinal < asOf.ordinal - staleDays
    }

    /// 逾期: in progress past its due date.
    public func isOverdue(asOf: Day) -> Bool { status == .inProgress && due < asOf }

    /// The status residents see: the written one, or 逾期.
    public func displayStatus(asOf: Day) -> String { isOverdue(asOf: asOf) ? "逾期" : status.rawValue }

    /// Counted in the fulfilment-rate denominator: closed, or due before the as-of date.
    public func isAssessable(asOf: Day) -> Bool {
        status == .fulfilled || status == .unfulfilled || due < asOf
    }
}

/// 年终述职评议
public struct Review: Sendable, Codable {
    public let date: Day
    public let method: String?
    public let votes: [String: Int]

    enum CodingKeys: String, CodingKey, CaseIterable { case date, method, votes }

    public func count(_ vote: Vote) -> Int { votes[vote.rawValue] ?? 0 }
    public var total: Int { Vote.allCases.reduce(0) { $0 + count($1) } }
}

/// A quantified commitment.
public struct PromiseTarget: Sendable, Codable, Equatable {
    public let count: Int
    public let unit: String

    enum CodingKeys: String, CodingKey, CaseIterable { case count, unit }

    public init(count: Int, unit: String) {
        self.count = count
        self.unit = unit
    }
}

/// One entry of an item's 践诺记录.
public struct ProgressEntry: Sendable, Codable, Equatable {
    public let date: Day
    public let text: String
    /// The amount done in this entry, counted towards the item's target.
    public let count: Int?
    /// Photos of this entry as written; `imageFiles` once processed (thumbnails in the letter's timeline).
    public let images: [ImageRef]?
    public var imageFiles: [ImageFile] = []

    enum CodingKeys: String, CodingKey, CaseIterable { case date, text, count, images }

    public init(date: Day, text: String, count: Int? = nil, images: [ImageRef]? = nil) {
        self.date = date
        self.text = text
        self.count = count
        self.images = images
    }
}
