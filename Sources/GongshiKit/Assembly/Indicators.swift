/// The organisers' indicators, each defined once here — name, definition in words, direction — and computed
/// over any set of organisations (one organisation with everything below it, or the whole site).
public enum Indicator: String, CaseIterable, Sendable, Encodable {
    case fulfilment, overdue, unfulfilled, progressCoverage, stale, targetCompletion, reviewApproval, timeliness, noticePeriod
    case topicNoticePeriod, outcomePublication, liuyou, satisfaction, recentDisclosures

    public var name: String {
        switch self {
        case .fulfilment: return "承诺兑现率"
        case .overdue: return "逾期率"
        case .unfulfilled: return "未兑现率"
        case .progressCoverage: return "践诺记录覆盖率"
        case .stale: return "久未更新事项"
        case .targetCompletion: return "量化承诺完成度"
        case .reviewApproval: return "述职评议认可率"
        case .timeliness: return "定期公开及时率"
        case .noticePeriod: return "公示期合规率"
        case .topicNoticePeriod: return "公示期达标率"
        case .outcomePublication: return "结果公开率"
        case .liuyou: return "六有达标率"
        case .satisfaction: return "群众满意度"
        case .recentDisclosures: return "近 3 个月公开事项"
        }
    }

    /// The definition shown on every statistics page and in `stats.json`, without the site's settings (they are
    /// named with their defaults); `definition(_:)` fills them in.
    public var definition: String { definition(nil) }

    /// The definition with `config`'s settings (`stale_days`) filled in.
    public func definition(_ config: SiteConfig?) -> String {
        switch self {
        case .fulfilment:
            return "应兑现的承诺事项（已有结果的，加上期限早于数据截至日期的）中已兑现的比例，统计数据截至日期所在年度的承诺书"
        case .overdue: return "全部承诺事项中逾期事项（进行中且期限已过）的比例，同一年度"
        case .unfulfilled: return "已有结果（已兑现或未兑现）的事项中以“未兑现”结束（都写明了原因）的比例，同一年度"
        case .progressCoverage:
            return "状态为进行中（含逾期）或已有结果（已兑现、未兑现）的承诺事项中，至少有一条践诺记录（progress）的比例；延期的事项不计入，同一年度"
        case .stale:
            let days = config.map { "\($0.staleDays) 天（site.yaml 的 stale_days，默认 90）" } ?? "site.yaml 的 stale_days 天（默认 90）"
            return "状态为进行中（含逾期）、最近一条践诺记录的日期（没有记录时为承诺书的发布日期）早于数据截至日期超过 \(days)的承诺事项数，越少越好；同一年度"
        case .targetCompletion:
            return "写明量化目标（target）的承诺事项（不论状态）中，各项已完成数量之和占各项目标数量之和的比例；一项的已完成数量是它的践诺记录中 count 之和，"
                + "超过目标的按目标计，以免一项超额完成掩盖另一项的不足；不同单位的数量直接相加；同一年度"
        case .reviewApproval:
            return "年终述职评议的全部票数中“满意”和“基本满意”票的比例，统计数据截至日期前 12 个月内的评议；"
                + "有票数因小数保护显示为「<5」的承诺书不计入，以免用合计减去其他承诺书的票数推算出被隐藏的票数"
        case .timeliness:
            return "定期公开的类别，组织一旦用过，此后每个季度都应至少公开一次：应公开的季度（到上一个完整季度为止）中已公开的比例"
        case .noticePeriod:
            return "有公示期（until）的事项中，公示期从发布次日起至少含 5 个工作日的比例；周六、周日和 site.yaml 中 holidays 列出的日期不算工作日，其他法定节假日不计入"
        case .topicNoticePeriod:
            return "按公开主题（topic）分别计算，只算 site.yaml 的 notice_rules（含内置的“发展党员”至少 5 个工作日）规定了 min_working_days 的主题：该主题的党务公开事项中，"
                + "从发布日期到公示截止日期（until）的工作日数（首尾两天都算，这一点与公示期合规率不同）不少于规定天数的比例；没有写 until 的算作不达标；"
                + "周六、周日和 holidays 列出的日期不算工作日；不分年度"
        case .outcomePublication:
            return "公示截止日期（until）早于数据截至日期的党务公开事项中，已公开结果（outcome）的比例，不分年度；公示刚结束、还没到结果公开期限（outcome_due_days）的事项也计入"
        case .liuyou: return "填报了六有自评的组织中六项全部达到的比例"
        case .satisfaction: return "各组织最近一年的群众测评满意度，按参评人数加权平均"
        case .recentDisclosures: return "数据截至日期前 3 个月内发布的党务公开事项数"
        }
    }

    /// How a ratio's two counts read, for the indicators that are ratios: what the denominator counts (`whole`, then
    /// its unit), what the numerator counts (`part`), and what to say when nothing is counted.
    struct RatioWords {
        let whole, unit, part, none: String
    }

    var ratioWords: RatioWords? {
        switch self {
        case .fulfilment: return RatioWords(whole: "", unit: "项", part: "已兑现", none: "暂无应兑现的事项")
        case .overdue: return RatioWords(whole: "", unit: "项", part: "已逾期", none: "暂无承诺事项")
        case .unfulfilled: return RatioWords(whole: "已有结果的 ", unit: "项", part: "未兑现", none: "暂无已有结果的事项")
        case .reviewApproval: return RatioWords(whole: "", unit: "票", part: "满意和基本满意", none: "暂无评议票数")
        case .timeliness: return RatioWords(whole: "应公开的 ", unit: "个季度", part: "已公开", none: "暂无应公开的季度")
        case .noticePeriod: return RatioWords(whole: "有公示期的 ", unit: "项", part: "公示满 5 个工作日的", none: "暂无有公示期的事项")
        case .progressCoverage:
            return RatioWords(whole: "进行中或已有结果的 ", unit: "项", part: "有践诺记录的", none: "暂无进行中或已有结果的事项")
        // The targets' units differ (人次, 户, 次), so the sum has none.
        case .targetCompletion: return RatioWords(whole: "量化目标合计 ", unit: "", part: "已完成", none: "暂无有量化目标的事项")
        case .outcomePublication: return RatioWords(whole: "公示期已过的 ", unit: "项", part: "已公开结果的", none: "暂无公示期已过的事项")
        case .topicNoticePeriod: return RatioWords(whole: "", unit: "项", part: "公示期达标的", none: "暂无事项")
        case .liuyou: return RatioWords(whole: "填报自评的 ", unit: "个组织", part: "已达标", none: "暂无填报自评的组织")
        case .stale, .satisfaction, .recentDisclosures: return nil
        }
    }

    /// A ratio of this indicator in words, as every statistics page shows it: 「19 项中已兑现 14 项」 (the unit is
    /// said once more after the numerator, shortened to its last character: 「4 个组织中已达标 3 个」). Empty for
    /// indicators that are not ratios. CSV and JSON keep the two numbers. `topic` names the 公开主题 of a
    /// 公示期达标率: 「发展党员的 3 项中公示期达标的 2 项」.
    public func meaning(of rate: Rate, topic: String? = nil) -> String {
        guard let words = ratioWords else { return "" }
        let whole = topic.map { "\($0)的 " } ?? words.whole
        if rate.denominator == 0 { return topic.map { "暂无\($0)的事项" } ?? words.none }
        let again = words.unit.hasPrefix("个") ? "个" : words.unit
        let unit = words.unit.isEmpty ? " " : " \(words.unit)"
        return "\(whole)\(rate.denominator)\(unit)中\(words.part) \(rate.numerator)\(again.isEmpty ? "" : " " + again)"
    }

    /// Whether a higher value is better, for ranking the weakest first.
    public var higherIsBetter: Bool { self != .overdue && self != .unfulfilled && self != .stale }
}

/// One indicator's value: a ratio with its counts, or a plain figure.
public struct IndicatorValue: Sendable, Equatable {
    public let rate: Rate?
    public let number: Double?

    public static func ratio(_ rate: Rate) -> IndicatorValue { IndicatorValue(rate: rate, number: nil) }
    public static func figure(_ number: Double?) -> IndicatorValue { IndicatorValue(rate: nil, number: number) }

    /// The value used for ranking; nil when nothing was counted.
    public var sortValue: Double? { rate?.fraction ?? number }

    public func text(for indicator: Indicator) -> String {
        if let rate { return rate.percentText }
        guard let number else { return "—" }
        return indicator == .satisfaction ? Statistics.percent(number) : "\(Int(number))"
    }

    /// What a ratio means in words (「19 项中已兑现 14 项」); empty for a plain figure.
    public func detail(for indicator: Indicator) -> String { rate.map { indicator.meaning(of: $0) } ?? "" }
}
