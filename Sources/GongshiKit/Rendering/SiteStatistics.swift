import Foundation

/// The whole site's statistics (`StatisticsCalculator.calculate`), made by the first job that reads them — the home
/// page or `/stats/` and its files — and kept for the others. A build in which none of those files' keys changed
/// (an edit of a body or a title, which no statistic reads) never computes them: they were 8 % of a one-edit
/// rebuild at 1000 organisations.
final class SiteStatistics: @unchecked Sendable {
    private let lock = NSLock()
    private let model: SiteModel
    private var made: Statistics?

    init(model: SiteModel, made: Statistics? = nil) {
        self.model = model
        self.made = made
    }

    var value: Statistics {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = StatisticsCalculator.calculate(model)
        made = value
        return value
    }

    /// Whether the statistics were computed (for tests).
    var wasMade: Bool {
        lock.lock()
        defer { lock.unlock() }
        return made != nil
    }
}
