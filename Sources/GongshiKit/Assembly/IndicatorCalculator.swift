/// Computes every `Indicator` over a set of organisations of the publishable model.
public struct IndicatorCalculator: Sendable {
    public let model: SiteModel

    public init(model: SiteModel) { self.model = model }

    /// All indicators for the organisations in `ids`, but 公示期达标率, which has one value per topic
    /// (`topicNoticePeriods(for:)`).
    public func values(for ids: Set<String>) -> [Indicator: IndicatorValue] {
        let asOf = model.asOf
        // Through the per-organisation indexes, in a fixed order: a subtree's figures cost its own records only
        // (filtering the whole model for every ranked child made the statistics pages quadratic).
        let ordered = ids.sorted()
        let letters = ordered.flatMap { model.promisesByBranch[$0] ?? [] }
        let current = letters.filter { $0.year == model.currentYear }
        let items = current.flatMap(\.items)
        let closed = items.filter { $0.status == .fulfilled || $0.status == .unfulfilled }
        let yearAgo = Day(ordinal: asOf.ordinal - 365)
        // A review whose counts the small-number rule hides is left out: pooled with the others' shown votes, its
        // hidden counts could be worked out (a branch with one such letter would show exactly its votes).
        let cells = model.config.privacy.smallCells
        let reviews = letters.compactMap(\.review).filter { $0.date > yearAgo && $0.date <= asOf && !cells.hidesCounts(of: $0) }
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
            .progressCoverage: .ratio(Self.progressCoverage(items)),
            .stale: .figure(Double(Self.staleItems(current, asOf: asOf, staleDays: model.config.staleDays))),
            .targetCompletion: .ratio(Self.targetCompletion(items)),
            .reviewApproval: .ratio(Rate(approvals, of: reviews.reduce(0) { $0 + $1.total })),
            .timeliness: .ratio(Rate(gaps.reduce(0) { $0 + $1.covered }, of: gaps.reduce(0) { $0 + $1.expected })),
            .noticePeriod: .ratio(Rate(withNotice.filter(meetsNoticePeriod).count, of: withNotice.count)),
            .outcomePublication: .ratio(Self.outcomePublication(disclosures, asOf: asOf)),
            .liuyou: .ratio(Rate(assessed.filter(\.meetsLiuyou).count, of: assessed.count)),
            .satisfaction: .figure(
                respondents > 0 ? rated.reduce(0.0) { $0 + $1.satisfaction * Double($1.respondents) } / Double(respondents) : nil),
            .recentDisclosures: .figure(Double(disclosures.filter { $0.published > threeMonthsAgo }.count)),
        ]
    }

    /// Every indicator for the organisations in `ids` as the pages and the open data list them: in
    /// `Indicator.allCases` order, 公示期达标率 as one line per topic with a `min_working_days` rule.
    public func lines(for ids: Set<String>) -> [IndicatorLine] {
        let values = values(for: ids)
        return Indicator.allCases.flatMap { indicator -> [IndicatorLine] in
            guard indicator == .topicNoticePeriod else {
                return [IndicatorLine(indicator: indicator, value: values[indicator]!, config: model.config)]
            }
            return topicNoticePeriods(for: ids).map {
                IndicatorLine(indicator: indicator, value: .ratio($0.rate), config: model.config, topic: $0.topic, minimumWorkingDays: $0.minimum)
            }
        }
    }

    /// 践诺记录覆盖率: items 进行中 (逾期 included) or closed (已兑现, 未兑现) with at least one 践诺 entry.
    static func progressCoverage(_ items: [PromiseItem]) -> Rate {
        let counted = items.filter { $0.status == .inProgress || $0.status == .fulfilled || $0.status == .unfulfilled }
        return Rate(counted.filter { !($0.progress ?? []).isEmpty }.count, of: counted.count)
    }

    /// 久未更新: the items of `letters` that are stale on the as-of date.
    static func staleItems(_ letters: [PromiseLetter], asOf: Day, staleDays: Int) -> Int {
        letters.reduce(0) { sum, letter in
            sum + letter.items.filter { $0.isStale(asOf: asOf, published: letter.published, staleDays: staleDays) }.count
        }
    }

    /// 量化承诺完成度: Σ min(done, target) ÷ Σ target over the items with a target. Capping each item at its
    /// target keeps one item's over-fulfilment from hiding another's shortfall.
    static func targetCompletion(_ items: [PromiseItem]) -> Rate {
        let quantified = items.compactMap { item in item.target.map { (done: min(item.doneCount ?? 0, $0.count), target: $0.count) } }
        return Rate(quantified.reduce(0) { $0 + $1.done }, of: quantified.reduce(0) { $0 + $1.target })
    }

    /// 结果公开率: of the items whose notice period ended before the as-of date, those with an `outcome`.
    static func outcomePublication(_ disclosures: [Disclosure], asOf: Day) -> Rate {
        let ended = disclosures.filter { $0.until.map { $0 < asOf } ?? false }
        return Rate(ended.filter { $0.outcome != nil }.count, of: ended.count)
    }

    /// 公示期达标率 of one 公开主题: its items whose notice period has at least `minimum` working days.
    public struct TopicNoticePeriod: Sendable, Equatable {
        public let topic: String
        public let minimum: Int
        public let rate: Rate
    }

    /// The topics whose notice rule sets `min_working_days` (the built-in 发展党员 rule included), in the order of
    /// `SiteConfig.allTopics`, each with its minimum.
    public var ruledTopics: [(topic: String, minimum: Int)] {
        let config = model.config
        let named = config.allTopics + config.noticeRules.keys.filter { !config.allTopics.contains($0) }.sorted()
        return named.compactMap { topic in
            guard let minimum = config.rule(for: topic)?.minWorkingDays, minimum > 0 else { return nil }
            return (topic, minimum)
        }
    }

    /// 公示期达标率 per ruled topic over the organisations in `ids`: items of the topic whose `published` to
    /// `until`, both included, has at least the rule's working days (`SiteConfig.workingDays(from:through:)`); an
    /// item without `until` falls short.
    public func topicNoticePeriods(for ids: Set<String>) -> [TopicNoticePeriod] {
        let disclosures = ids.sorted().flatMap { model.disclosuresByBranch[$0] ?? [] }
        return ruledTopics.map { topic, minimum in
            let items = disclosures.filter { $0.topic == topic }
            let compliant = items.filter { item in
                item.until.map { model.config.workingDays(from: item.published, through: $0) >= minimum } ?? false
            }
            return TopicNoticePeriod(topic: topic, minimum: minimum, rate: Rate(compliant.count, of: items.count))
        }
    }

    /// 公示期 compliance: at least five working days from the day after publication to `until`, inclusive.
    public func meetsNoticePeriod(_ item: Disclosure) -> Bool {
        guard let until = item.until else { return false }
        return workingDays(after: item.published, through: until) >= 5
    }

    /// Working days (Monday to Friday, minus `site.yaml` holidays) from the day after `start` to `end`, counted as
    /// `SiteConfig.workingDays(from:through:)` counts them.
    public func workingDays(after start: Day, through end: Day) -> Int {
        model.config.workingDays(from: Day(ordinal: start.ordinal + 1), through: end)
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
