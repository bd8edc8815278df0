/// 承诺书: one letter of commitments by a member or an organisation.
public struct PromiseLetter: Sendable, Codable {
    public let id: String
    public let branch: String
    public let year: Int
    public let promiser: String
    public let role: PromiserRole
    public let post: String?
    public let published: Day
    public let items: [PromiseItem]
    public let review: Review?
    /// This file's `privacy:` settings (already applied while loading).
    public var privacy: PrivacyPolicy? = nil
    public var source = SourceRef(path: "")
    public var bodyHTML = ""

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, branch, year, promiser, role, post, published, items, review, privacy
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case text, service, due, status, done, note
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
