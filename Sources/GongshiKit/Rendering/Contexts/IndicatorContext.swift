/// The organisers' indicators for one organisation with everything below it (or the whole site), with the
/// direct children ranked weakest first on the main indicators.
struct IndicatorSection: Encodable, Sendable {
    let indicators: [Row]
    let rankings: [Ranking]
    let gaps: StatsBody.Table
    let hasGaps: Bool

    struct Row: Encodable, Sendable {
        let name, value, detail, definition: String
    }

    struct Ranking: Encodable, Sendable {
        let indicator: String
        /// The file name of the CSV twin beside the page, `ranking-fulfilment.csv`.
        let csv: String
        let rows: [RankRow]
    }

    struct RankRow: Encodable, Sendable {
        let rank: Int
        let id, name, href, value, detail: String
        let numerator, denominator: String
    }

    /// The indicators organisers rank children on.
    static let ranked: [Indicator] = [
        .fulfilment, .overdue, .progressCoverage, .stale, .targetCompletion, .recentDisclosures, .outcomePublication, .liuyou, .satisfaction,
    ]

    init(model: SiteModel, scope ids: Set<String>, children: [String], rows: Rows) {
        let calculator = IndicatorCalculator(model: model)
        indicators = calculator.lines(for: ids).map { Row(name: $0.name, value: $0.text, detail: $0.detail, definition: $0.definition) }
        let childValues = children.map { child in (child, calculator.values(for: Set(model.tree.subtree(of: child)))) }
        rankings =
            children.isEmpty
            ? []
            : Self.ranked.map { indicator in
                let sorted = childValues.sorted { a, b in
                    Self.weaker(a.1[indicator]!, than: b.1[indicator]!, indicator) || (a.1[indicator] == b.1[indicator] && a.0 < b.0)
                }
                return Ranking(
                    indicator: indicator.name, csv: "ranking-\(indicator.rawValue).csv",
                    rows: sorted.enumerated().map { index, pair in
                        let (id, value) = pair
                        let hasChildren = !(model.tree.children[id] ?? []).isEmpty
                        let rate = value[indicator]!.rate
                        return RankRow(
                            rank: index + 1, id: id, name: rows.branchName(id), href: rows.href(hasChildren ? .branchStats(id) : .branch(id)),
                            value: value[indicator]!.text(for: indicator), detail: value[indicator]!.detail(for: indicator),
                            numerator: rate.map { "\($0.numerator)" } ?? "", denominator: rate.map { "\($0.denominator)" } ?? "")
                    })
            }
        let missing = ids.sorted().flatMap { calculator.timelinessGaps(for: $0) }.filter { !$0.missing.isEmpty }
        gaps = StatsBody.Table(
            caption: "定期公开缺少的季度", columns: ["组织", "类别", "缺少的季度"],
            rows: missing.map {
                StatsBody.Row(
                    head: rows.branchName($0.branchID), href: rows.href(.branch($0.branchID)), cells: [$0.category, $0.missing.joined(separator: "、")])
            }, csv: "timeliness-gaps.csv")
        hasGaps = !missing.isEmpty
    }

    /// The ranking tables and the missing quarters as tables, for their CSV files and `stats.json`. A ranking's
    /// CSV has the organisation's id and the ratio's two counts in columns of their own.
    var tables: [StatsBody.Table] {
        rankings.map { ranking in
            StatsBody.Table(
                caption: "下属组织按\(ranking.indicator)排列（较弱的在前）", columns: ["名次", "组织id", "组织", ranking.indicator, "分子", "分母"],
                rows: ranking.rows.map { StatsBody.Row(head: "\($0.rank)", href: nil, cells: [$0.id, $0.name, $0.value, $0.numerator, $0.denominator]) },
                csv: ranking.csv)
        } + [gaps]
    }

    /// Nil values (nothing counted) rank last; otherwise the worse value first.
    static func weaker(_ a: IndicatorValue, than b: IndicatorValue, _ indicator: Indicator) -> Bool {
        switch (a.sortValue, b.sortValue) {
        case (nil, _): return false
        case (_, nil): return true
        case (let x?, let y?): return indicator.higherIsBetter ? x < y : x > y
        }
    }
}
