import Foundation

/// The statistics pages of a site as the plan sees them: each one's folder, its data files, the versions it reads
/// and its context, shared by the page and the files beside it and made only when one of them is rendered
/// (building every organisation's statistics to key them was a tenth of a one-edit rebuild).
struct StatsPlan {
    /// One statistics page: `/stats/` or `/branches/<id>/stats/`.
    struct Folder<Context: StatsPageContext>: Sendable {
        /// `stats/` or `branches/<id>/stats/`.
        let folder: String
        /// The organisations counted.
        let scope: Set<String>
        /// The statistics are a function of the facts of every record of the scope (with the site's settings and
        /// the as-of date, which every key has): `stats.json`, the CSV files and the page alike.
        let dependencies: @Sendable () -> [String]
        /// The CSV file of each table, named as the context names them.
        let tables: [String]
        let context: SharedValue<Context>
    }

    let site: Folder<StatsContext>
    /// Every organisation that has children, in the model's order.
    let branches: [(id: String, folder: Folder<BranchStatsContext>)]

    init(model: SiteModel, stats: SiteStatistics, versions: ModelVersions) {
        let names = Self.tableFiles(model)
        // The page, stats.json, indicators.csv and the tables; the site's also has the definitions page.
        let users = { (tables: [String]) in 3 + tables.count }
        let siteTables = names(!Self.ranked(model).isEmpty)
        site = Folder(
            folder: "stats/", scope: Set(model.branches.map(\.id)), dependencies: { [versions.siteFacts] }, tables: siteTables,
            context: SharedValue(users: users(siteTables) + 1) { StatsContext(model: model, stats: stats.value) })
        let parents = model.branches.filter { !(model.tree.children[$0.id] ?? []).isEmpty }
        let branchTables = names(true)
        branches = parents.map { branch in
            let subtree = model.tree.subtree(of: branch.id)
            return (
                branch.id,
                Folder(
                    folder: "branches/\(branch.id)/stats/", scope: Set(subtree),
                    dependencies: { ModelVersions.list("subtree", subtree.map { versions.factsByBranch[$0] ?? "no branch \($0)" }) },
                    tables: branchTables, context: SharedValue(users: users(branchTables)) { BranchStatsContext(model: model, branch: branch) })
            )
        }
    }

    /// The organisations the whole site's page ranks: the top-level ones, or the children of a single top one.
    static func ranked(_ model: SiteModel) -> [String] {
        let roots = model.tree.roots
        return roots.count == 1 ? (model.tree.children[roots[0]] ?? []) : roots
    }

    /// The CSV files of a statistics page, with or without the rankings of its children, as the page's own code
    /// names them: made over the site without any organisation, which costs nothing.
    static func tableFiles(_ model: SiteModel) -> (_ ranking: Bool) -> [String] {
        let empty = model.restricted(to: [])
        let rows = Rows(model: empty, route: .stats)
        let body = StatsBody(stats: StatisticsCalculator.calculate(empty), rows: rows).tables.compactMap(\.csv)
        let withRankings = IndicatorSection(model: empty, scope: [], children: ["-"], rows: rows).tables.compactMap(\.csv)
        let without = IndicatorSection(model: empty, scope: [], children: [], rows: rows).tables.compactMap(\.csv)
        return { ranking in body + (ranking ? withRankings : without) }
    }
}

/// A statistics page's context, with the tables its CSV files and `stats.json` hold.
protocol StatsPageContext: Encodable, Sendable {
    var tables: [StatsBody.Table] { get }
}

extension StatsContext: StatsPageContext {}
extension BranchStatsContext: StatsPageContext {}
