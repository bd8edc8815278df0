/// The organisers' indicators for one organisation with everything below it (or the whole site), with the
/// direct children ranked weakest first on the main indicators.
struct IndicatorSection: Encodable, Sendable {
    let indicators: [Row]
    let rankings: [Ranking]
    let gaps: StatsContext.Table
    let hasGaps: Bool

    struct Row: Encodable, Sendable {
        let name, value, detail, definition: String
    }

    struct Ranking: Encodable, Sendable {
        let indicator: String
        let rows: [RankRow]
    }

    struct RankRow: Encodable, Sendable {
        let rank: Int
        let name, href, value, detail: String
    }

    /// The indicators organisers rank children on.
    static let ranked: [Indicator] = [.fulfilment, .overdue, .recentDisclosures, .liuyou, .satisfaction]

    init(model: SiteModel, scope ids: Set<String>, children: [String], rows: Rows) {
        let calculator = IndicatorCalculator(model: model)
        let values = calculator.values(for: ids)
        indicators = Indicator.allCases.map { indicator in
            let value = values[indicator]!
            return Row(name: indicator.name, value: value.text(for: indicator), detail: value.detail, definition: indicator.definition)
        }
        let childValues = children.map { child in (child, calculator.values(for: Set(model.tree.subtree(of: child)))) }
        rankings =
            children.isEmpty
            ? []
            : Self.ranked.map { indicator in
                let sorted = childValues.sorted { a, b in
                    Self.weaker(a.1[indicator]!, than: b.1[indicator]!, indicator) || (a.1[indicator] == b.1[indicator] && a.0 < b.0)
                }
                return Ranking(
                    indicator: indicator.name,
                    rows: sorted.enumerated().map { index, pair in
                        let (id, value) = pair
                        let hasChildren = !(model.tree.children[id] ?? []).isEmpty
                        return RankRow(
                            rank: index + 1, name: rows.branchName(id), href: rows.href(hasChildren ? .branchStats(id) : .branch(id)),
                            value: value[indicator]!.text(for: indicator), detail: value[indicator]!.detail)
                    })
            }
        let missing = ids.sorted().flatMap { calculator.timelinessGaps(for: $0) }.filter { !$0.missing.isEmpty }
        gaps = StatsContext.Table(
            caption: "定期公开缺少的季度", columns: ["组织", "类别", "缺少的季度"],
            rows: missing.map {
                StatsContext.Row(
                    head: rows.branchName($0.branchID), href: rows.href(.branch($0.branchID)), cells: [$0.category, $0.missing.joined(separator: "、")])
            })
        hasGaps = !missing.isEmpty
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

/// /branches/<id>/stats/: statistics of an organisation and everything below it.
struct BranchStatsContext: Encodable, Sendable {
    let frame: PageFrame
    let name: String
    let organisations: Int
    let members: Int
    let section: IndicatorSection

    init(model: SiteModel, branch b: Branch) {
        let route = Route.branchStats(b.id)
        let rows = Rows(model: model, route: route)
        let subtree = model.tree.subtree(of: b.id)
        frame = PageFrame(
            model: model, route: route, title: "\(b.name)统计", description: "\(b.name)及其下属组织的承诺践诺、党务公开、六有和满意度统计。",
            section: .stats, trail: [("组织概况", .branchIndex), (b.name, .branch(b.id))])
        name = b.name
        organisations = subtree.count
        members = subtree.reduce(0) { $0 + (model.branchByID[$1]?.members ?? 0) }
        section = IndicatorSection(model: model, scope: Set(subtree), children: model.tree.children[b.id] ?? [], rows: rows)
    }
}
