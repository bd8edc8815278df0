/// One row of a statistics page's indicator table and of `stats.json` and `indicators.csv`: an indicator's value
/// over a set of organisations, or, for 公示期达标率, one 公开主题's (one row per topic whose notice rule sets
/// `min_working_days`).
public struct IndicatorLine: Sendable, Equatable {
    public let indicator: Indicator
    /// The 公开主题 of a 公示期达标率 row, and the working days its rule requires.
    public let topic: String?
    public let minimumWorkingDays: Int?
    public let value: IndicatorValue
    /// The indicator's definition with the site's settings, and for a topic's row the topic and its minimum.
    public let definition: String

    public init(indicator: Indicator, value: IndicatorValue, config: SiteConfig?, topic: String? = nil, minimumWorkingDays: Int? = nil) {
        self.indicator = indicator
        self.topic = topic
        self.minimumWorkingDays = minimumWorkingDays
        self.value = value
        let general = indicator.definition(config)
        if let topic, let minimumWorkingDays {
            definition = general + "。本行为“\(topic)”，规定至少 \(minimumWorkingDays) 个工作日"
        } else {
            definition = general
        }
    }

    /// 「公示期达标率（发展党员）」 for a topic's row, the indicator's name otherwise.
    public var name: String { topic.map { "\(indicator.name)（\($0)）" } ?? indicator.name }

    /// The value as the page shows it: `66.7%`, a count, or `—`.
    public var text: String { value.text(for: indicator) }

    /// The ratio in words (「发展党员的 3 项中公示期达标的 2 项」); empty for a plain figure.
    public var detail: String { value.rate.map { indicator.meaning(of: $0, topic: topic) } ?? "" }
}
