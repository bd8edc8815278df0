/// Computes every `Indicator` over a set of organisations of the publishable model.
public struct IndicatorCalculator: Sendable {
    public let model: SiteModel

    public init(model: SiteModel) { self.model = model }

    /// All indicators for the organisations in `ids`.
    public func values(for ids: Set<String>) -> [Indicator: IndicatorValue] {
        let asOf = model.asOf
        // Through the per-organisation indexes, in a fixed order: a subtree's figures cost its own records only
        // (filtering the whole model for every ranked child made the statistics pages quadratic).
        let ordered = ids.sorted()
        let letters = ordered.flatMap { model.promisesByBranch[$0] ?? [] }
        let items = letters.filter { $0.year == model.currentYear }.flatMap(\.items)
        let closed = items.filter { $0.status == .fulfilled || $0.status == .unfulfilled }
        let yearAgo = Day(ordinal: asOf.ordinal - 365)
        let reviews = letters.compactMap(\.review).filter { $0.date > yearAgo && $0.date <= asOf }
        let approvals = reviews.reduce(0) { $0 + $1.count(.satisfied) + $1.count(.basicallySatisfied) }
        let branches = ordered.compactMap { model.branchByID[$0] }
        let assessed = branches.filter { $0.liuyou != nil }
        let rated = branches.compactMap(\.latestRating)
        let respondents = rated.reduce(0) { $0 + $1.respondents }
        let disclosures = ordered.flatMap { model.disclosuresByBranch[$0] ?? [] }
        let withNotice = disclosures.filter { $0.until != nil }
        let threeMonthsAgo = Day(ordinal: asOf.ordinal - 91)
        let gaps = ordered.flatMap { timelinessGaps(for: $0) }
        return [
            .fulfilment: .ratio(StatisticsCalculator.fulfilmentRate(items, asOf: asOf)),
            .overdue: .ratio(Rate(items.filter { $0.isOverdue(asOf: asOf) }.count, of: items.count)),
            .unfulfilled: .ratio(Rate(closed.filter { $0.status == .unfulfilled }.count, of: closed.count)),
            .reviewApproval: .ratio(Rate(approvals, of: reviews.reduce(0) { $0 + $1.total })),
            .timeliness: .ratio(Rate(gaps.reduce(0) { $0 + $1.covered }, of: gaps.reduce(0) { $0 + $1.expected })),
            .noticePeriod: .ratio(Rate(withNotice.filter(meetsNoticePeriod).count, of: withNotice.count)),
            .liuyou: .ratio(Rate(assessed.filter(\.meetsLiuyou).count, of: assessed.count)),
            .satisfaction: .figure(
                respondents > 0 ? rated.reduce(0.0) { $0 + $1.satisfaction * Double($1.respondents) } / Double(respondents) : nil),
            .recentDisclosures: .figure(Double(disclosures.filter { $0.published > threeMonthsAgo }.count)),
        ]
    }

    /// 公示期 compliance: at least five working days from the day after publication to `until`, inclusive.
    public func meetsNoticePeriod(_ item: Disclosure) -> Bool {
        guard let until = item.until else { return false }
        return workingDays(after: item.published, through: until) >= 5
    }

    /// Monday to Friday, minus `site.yaml` holidays.
    public func workingDays(after start: Day, through end: Day) -> Int {
        guard end > start else { return 0 }
        var count = 0
        for ordinal in (start.ordinal + 1)...end.ordinal {
            let day = Day(ordinal: ordinal)
            if day.weekday <= 5, !model.config.holidays.contains(day) { count += 1 }
        }
        return count
    }

    /// Per 定期 category a branch has used: quarters expected since its first use, quarters covered, and the missing ones.
    public struct Timeliness: Sendable, Equatable {
        public let branchID: String
        public let category: String
        public let expected: Int
        public let covered: Int
        public let missing: [String]
    }

    public func timelinessGaps(for branchID: String) -> [Timeliness] {
        let regular = (model.disclosuresByBranch[branchID] ?? []).filter { $0.cadence == .regular }
        let lastComplete = Quarter(model.asOf).previous
        return Dictionary(grouping: regular, by: \.category).sorted { $0.key < $1.key }.compactMap { category, items in
            let published = Set(items.map { Quarter($0.published) })
            guard let first = published.min(), first <= lastComplete else { return nil }
            let expected = Array(sequence(first: first) { $0.next }.prefix { $0 <= lastComplete })
            let missing = expected.filter { !published.contains($0) }
            return Timeliness(
                branchID: branchID, category: category, expected: expected.count, covered: expected.count - missing.count,
                missing: missing.map(\.label))
        }
    }
}

/// A calendar quarter, `2026-Q3`.
public struct Quarter: Sendable, Hashable, Comparable {
    public let year: Int
    public let number: Int

    public init(year: Int, number: Int) {
        self.year = year
        self.number = number
    }

    public init(_ day: Day) { self.init(year: day.year, number: (day.month - 1) / 3 + 1) }

    public var next: Quarter { number == 4 ? Quarter(year: year + 1, number: 1) : Quarter(year: year, number: number + 1) }
    public var previous: Quarter { number == 1 ? Quarter(year: year - 1, number: 4) : Quarter(year: year, number: number - 1) }
    public var label: String { "\(year)-Q\(number)" }

    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.number) < (b.year, b.number) }
}
