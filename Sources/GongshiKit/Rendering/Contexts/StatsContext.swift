import Foundation

/// /stats/: every figure of the whole site as a table, most also as an SVG chart, with each rate defined in words.
struct StatsContext: Encodable, Sendable {
    let frame: PageFrame
    /// The definitions and open-data page, where the data files and their formats are described.
    let definitionsHref: String
    let body: StatsBody
    let indicators: IndicatorSection

    init(model: SiteModel, stats: Statistics) {
        let rows = Rows(model: model, route: .stats)
        frame = PageFrame(
            model: model, route: .stats, title: "统计", description: "组织、承诺践诺、党务公开、六有、典型事例和群众满意度统计。",
            section: .stats, trail: [])
        definitionsHref = rows.href(.statsDefinitions) + "#h-files"
        body = StatsBody(stats: stats, rows: rows)
        // The whole site; ranked are the top-level organisations, or the children of a single top one.
        let roots = model.tree.roots
        let ranked = roots.count == 1 ? (model.tree.children[roots[0]] ?? []) : roots
        indicators = IndicatorSection(model: model, scope: Set(model.branches.map(\.id)), children: ranked, rows: rows)
    }

    /// Every table of the page, for the CSV files beside it and `stats.json`.
    var tables: [StatsBody.Table] { body.tables + indicators.tables }
}

/// /branches/<id>/stats/: the same tables and charts as /stats/ over an organisation and everything below it.
struct BranchStatsContext: Encodable, Sendable {
    let frame: PageFrame
    let name: String
    let organisations: Int
    let members: Int
    /// 报到党员 of the subtree, apart from `members`.
    let registered: Int
    /// The definitions and open-data page, where this page's data files and their formats are described.
    let definitionsHref: String
    let body: StatsBody
    let section: IndicatorSection

    init(model: SiteModel, branch b: Branch) {
        let route = Route.branchStats(b.id)
        let rows = Rows(model: model, route: route)
        let subtree = model.tree.subtree(of: b.id)
        frame = PageFrame(
            model: model, route: route, title: "\(b.name)统计", description: "\(b.name)及其下属组织的承诺践诺、党务公开、六有、典型事例和满意度统计。",
            section: .stats, trail: [("组织概况", .branchIndex), (b.name, .branch(b.id))])
        name = b.name
        organisations = subtree.count
        members = subtree.reduce(0) { $0 + (model.branchByID[$1]?.members ?? 0) }
        registered = subtree.reduce(0) { $0 + (model.branchByID[$1]?.registered ?? 0) }
        definitionsHref = rows.href(.statsDefinitions) + "#h-files"
        body = StatsBody(stats: StatisticsCalculator.calculate(model, scope: Set(subtree)), rows: rows)
        section = IndicatorSection(model: model, scope: Set(subtree), children: model.tree.children[b.id] ?? [], rows: rows)
    }

    var tables: [StatsBody.Table] { body.tables + section.tables }
}
