/// Computes `/stats/` figures from the publishable model. Definitions (also shown on the page):
/// - 承诺兑现率 = 已兑现 ÷ items that are closed (已兑现 or 未兑现) or whose due date is before the as-of date,
///   over the letters of the as-of year.
/// - 逾期 = 进行中 with due date before the as-of date.
/// - 六有达标率 = organisations with all six goals true ÷ organisations that filed a 六有 self-assessment.
/// - 群众满意度 = mean of each organisation's latest rating, weighted by its respondents.
/// - 报到党员 = the organisations' `registered`, summed apart from 党员 (`members`).
/// - Item status per 领域 (as-of year) and per year (every year, 逾期 judged on the as-of date).
/// - 典型事例 per 领域 (the example's own, else its organisation's) and per 五个服务, over all published examples.
public enum StatisticsCalculator {
    /// The same figures over one organisation and everything below it (`ids`, from `OrganisationTree.subtree`).
    public static func calculate(_ model: SiteModel, scope ids: Set<String>) -> Statistics {
        calculate(model.restricted(to: ids))
    }

    public static func calculate(_ model: SiteModel) -> Statistics {
        let asOf = model.asOf
        let year = model.currentYear
        let letters = model.promises.filter { $0.year == year }
        let pairs = letters.flatMap { letter in letter.items.map { (letter, $0) } }
        let items = pairs.map(\.1)
        let pairsByBranch = Dictionary(grouping: pairs, by: \.0.branch)
        let assessed = model.branches.filter { $0.liuyou != nil }
        let rated = model.branches.compactMap(\.latestRating)
        let respondents = rated.reduce(0) { $0 + $1.respondents }
        let weighted = rated.reduce(0.0) { $0 + $1.satisfaction * Double($1.respondents) }

        return Statistics(
            organisations: model.branches.count,
            organisationsByType: OrgType.allCases.map { type in
                Tally(label: type.rawValue, count: model.branches.filter { $0.type == type }.count)
            }.filter { $0.count > 0 },
            organisationsByField: Field.allCases.map { field in
                Tally(label: field.rawValue, count: model.branches.filter { $0.field == field }.count)
            }.filter { $0.count > 0 },
            members: model.branches.reduce(0) { $0 + ($1.members ?? 0) },
            registered: model.branches.reduce(0) { $0 + ($1.registered ?? 0) },
            promiseYear: year,
            letters: letters.count,
            items: items.count,
            itemsByStatus: statusTallies(items, asOf: asOf),
            statusByField: Field.allCases.compactMap { field in
                let group = pairs.filter { model.branchByID[$0.0.branch]?.field == field }.map(\.1)
                return group.isEmpty ? nil : TallyRow(label: field.rawValue, tallies: statusTallies(group, asOf: asOf))
            },
            statusByYear: Set(model.promises.map(\.year)).sorted().map { y in
                TallyRow(label: "\(y)年", tallies: statusTallies(model.promises.filter { $0.year == y }.flatMap(\.items), asOf: asOf))
            },
            fulfilment: fulfilmentRate(items, asOf: asOf),
            fulfilmentByField: Field.allCases.compactMap { field in
                let group = pairs.filter { model.branchByID[$0.0.branch]?.field == field }.map(\.1)
                return group.isEmpty ? nil : row(field.rawValue, field.rawValue, group, asOf: asOf)
            },
            fulfilmentByBranch: model.branches.compactMap { branch in
                guard let group = pairsByBranch[branch.id]?.map(\.1) else { return nil }
                return row(branch.id, branch.name, group, asOf: asOf)
            },
            fulfilmentByYear: Set(model.promises.map(\.year)).sorted().map { y in
                row(String(y), "\(y)年", model.promises.filter { $0.year == y }.flatMap(\.items), asOf: asOf)
            },
            overdue: pairs.filter { $0.1.isOverdue(asOf: asOf) }.map { letter, item in
                OverdueItem(letterID: letter.id, branchID: letter.branch, promiser: letter.promiser, text: item.text, due: item.due)
            }.sorted { ($0.due, $0.letterID) < ($1.due, $1.letterID) },
            disclosures: model.disclosures.count,
            disclosuresByCategory: model.config.allCategories.map { category in
                Tally(label: category, count: model.disclosures.filter { $0.category == category }.count)
            },
            disclosuresByMonth: Dictionary(grouping: model.disclosures, by: \.published.monthKey)
                .map { Tally(label: $0.key, count: $0.value.count) }.sorted { $0.label < $1.label },
            liuyou: Rate(assessed.filter(\.meetsLiuyou).count, of: assessed.count),
            liuyouByGoal: LiuyouGoal.allCases.map { goal in
                Tally(label: goal.rawValue, count: assessed.filter { $0.liuyou?[goal.rawValue] == true }.count)
            },
            satisfaction: respondents > 0 ? weighted / Double(respondents) : nil,
            satisfactionRespondents: respondents,
            satisfactionBranches: rated.count,
            examples: model.examples.count,
            examplesByField: Field.allCases.map { field in
                Tally(label: field.rawValue, count: model.examples.filter { model.field(of: $0) == field }.count)
            } + unnamed(model.examples.filter { model.field(of: $0) == nil }.count),
            examplesByService: Service.allCases.map { service in
                Tally(label: service.rawValue, count: model.examples.filter { $0.service == service }.count)
            } + unnamed(model.examples.filter { $0.service == nil }.count),
            trends: trends(model)
        )
    }

    /// A `未注明` row, only when something names no value.
    static func unnamed(_ count: Int) -> [Tally] { count > 0 ? [Tally(label: "未注明", count: count)] : [] }

    /// Counts by the status residents see, 逾期 split out of 进行中.
    static func statusTallies(_ items: [PromiseItem], asOf: Day) -> [Tally] {
        ["已兑现", "进行中", "逾期", "延期", "未兑现"].map { status in
            Tally(label: status, count: items.filter { $0.displayStatus(asOf: asOf) == status }.count)
        }
    }

    static func fulfilmentRate(_ items: [PromiseItem], asOf: Day) -> Rate {
        Rate(items.filter { $0.status == .fulfilled }.count, of: items.filter { $0.isAssessable(asOf: asOf) }.count)
    }

    static func row(_ key: String, _ label: String, _ items: [PromiseItem], asOf: Day) -> FulfilmentRow {
        FulfilmentRow(
            key: key, label: label, items: items.count, fulfilled: items.filter { $0.status == .fulfilled }.count,
            overdue: items.filter { $0.isOverdue(asOf: asOf) }.count, rate: fulfilmentRate(items, asOf: asOf))
    }

    /// Every year that has promise letters, disclosures or ratings.
    static func trends(_ model: SiteModel) -> [YearTrend] {
        let ratings = model.branches.flatMap { $0.ratings ?? [] }
        let years = Set(model.promises.map(\.year) + model.disclosures.map(\.published.year) + ratings.map(\.year)).sorted()
        return years.map { year in
            let letters = model.promises.filter { $0.year == year }
            let items = letters.flatMap(\.items)
            let rated = ratings.filter { $0.year == year }
            let respondents = rated.reduce(0) { $0 + $1.respondents }
            return YearTrend(
                year: year, letters: letters.count, items: items.count, fulfilment: fulfilmentRate(items, asOf: model.asOf),
                disclosures: model.disclosures.filter { $0.published.year == year }.count,
                satisfaction: respondents > 0 ? rated.reduce(0.0) { $0 + $1.satisfaction * Double($1.respondents) } / Double(respondents) : nil)
        }
    }
}
