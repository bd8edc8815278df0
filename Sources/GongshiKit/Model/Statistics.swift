/// A ratio kept as its two counts, so pages can show both and never divide by zero.
public struct Rate: Sendable, Equatable {
    public let numerator: Int
    public let denominator: Int

    public init(_ numerator: Int, of denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public var fraction: Double? { denominator == 0 ? nil : Double(numerator) / Double(denominator) }

    /// `66.7%`, or `—` when nothing is counted.
    public var percentText: String { fraction.map { Statistics.percent($0 * 100) } ?? "—" }
}

/// A labelled count for tables and charts, in a fixed order.
public struct Tally: Sendable, Equatable {
    public let label: String
    public let count: Int
}

/// Several labelled counts of one group, for a table row and a stacked bar (statuses of one 领域 or year).
public struct TallyRow: Sendable, Equatable {
    public let label: String
    public let tallies: [Tally]
}

/// Fulfilment of one group of promise items (a 领域, a branch, a year).
public struct FulfilmentRow: Sendable, Equatable {
    public let key: String
    public let label: String
    public let items: Int
    public let fulfilled: Int
    public let overdue: Int
    public let rate: Rate
}

/// The headline figures of `/stats/`; every definition is in `StatisticsCalculator`.
public struct Statistics: Sendable {
    public let organisations: Int
    public let organisationsByType: [Tally]
    public let organisationsByField: [Tally]
    public let members: Int
    /// 报到党员 of the organisations counted, never part of `members`.
    public let registered: Int
    public let promiseYear: Int
    public let letters: Int
    public let items: Int
    public let itemsByStatus: [Tally]
    /// Items of the as-of year by 领域 and status, for the 领域 that have any.
    public let statusByField: [TallyRow]
    /// Items of every year's letters by status (逾期 as of the as-of date).
    public let statusByYear: [TallyRow]
    public let fulfilment: Rate
    public let fulfilmentByField: [FulfilmentRow]
    public let fulfilmentByBranch: [FulfilmentRow]
    public let fulfilmentByYear: [FulfilmentRow]
    public let overdue: [OverdueItem]
    public let disclosures: Int
    public let disclosuresByCategory: [Tally]
    public let disclosuresByMonth: [Tally]
    public let liuyou: Rate
    public let liuyouByGoal: [Tally]
    /// Respondent-weighted mean of each branch's latest rating, percent.
    public let satisfaction: Double?
    public let satisfactionRespondents: Int
    public let satisfactionBranches: Int
    public let examples: Int
    /// Published 典型事例 per 领域 (the example's own, else its organisation's), every 领域 listed.
    public let examplesByField: [Tally]
    /// Published 典型事例 per 五个服务, every service listed; `未注明` added when some name none.
    public let examplesByService: [Tally]
    /// One row per year present in the content, oldest first.
    public let trends: [YearTrend]

    static func percent(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded))%" : "\(rounded)%"
    }
}

/// 逾期 item with where it belongs.
public struct OverdueItem: Sendable, Equatable {
    public let letterID: String
    public let branchID: String
    public let promiser: String
    public let text: String
    public let due: Day
}

/// The figures of one year, for the trend charts.
public struct YearTrend: Sendable, Equatable {
    public let year: Int
    public let letters: Int
    public let items: Int
    public let fulfilment: Rate
    public let disclosures: Int
    /// Respondent-weighted mean of that year's ratings, percent.
    public let satisfaction: Double?
}
