/// The tables and charts of a statistics page, the same on `/stats/` (the whole site) and on
/// `/branches/<id>/stats/` (one organisation with everything below it). Every table names the CSV file beside
/// the page that holds the same rows (`OpenData` writes it from `tables`); every chart has a table.
struct StatsBody: Encodable, Sendable {
    let year: Int
    let figures: [Figure]
    let organisationsByType: Table
    let organisationsByField: Table
    let fieldChart: String
    let itemsByStatus: Table
    let statusChart: String
    let statusByField: Table
    let statusFieldChart: String
    let statusByYear: Table
    let statusYearChart: String
    let fulfilmentByField: Table
    let fulfilmentFieldChart: String
    let fulfilmentByBranch: Table
    let fulfilmentByYear: Table
    let overdue: [Overdue]
    let overdueTable: Table
    let disclosuresByCategory: Table
    let categoryChart: String
    let disclosuresByMonth: Table
    let monthChart: String
    let liuyouByGoal: Table
    let examples: Int
    let examplesByField: Table
    let examplesFieldChart: String
    let examplesByService: Table
    let examplesServiceChart: String
    let trendTable: Table
    let trendChart: String
    let trendCountChart: String
    let definitions: [Definition]

    struct Figure: Encodable, Sendable {
        let label, value, note: String
    }

    /// A table on the page; `csv` is the file name of its twin beside the page.
    struct Table: Encodable, Sendable {
        let caption: String
        let columns: [String]
        let rows: [Row]
        let csv: String?

        init(caption: String, columns: [String], rows: [Row], csv: String? = nil) {
            self.caption = caption
            self.columns = columns
            self.rows = rows
            self.csv = csv
        }

        /// Header row, then one row per table row (its head first), as the CSV and `stats.json` hold it.
        var records: [[String]] { [columns] + rows.map { [$0.head] + $0.cells } }
    }

    struct Row: Encodable, Sendable {
        let head: String
        let href: String?
        let cells: [String]
    }

    struct Overdue: Encodable, Sendable {
        let text, promiser, branchName, due, href: String
    }

    struct Definition: Encodable, Sendable {
        let term, meaning: String
    }

    /// The parts of a promise item's status, in the order of the tables and charts.
    static let statuses = ["已兑现", "进行中", "逾期", "延期", "未兑现"]

    init(stats s: Statistics, rows: Rows) {
        year = s.promiseYear
        figures = Self.figures(s)
        organisationsByType = Self.counts("按组织类型统计", "组织类型", "组织数", s.organisationsByType, csv: "organisations-by-type.csv")
        organisationsByField = Self.counts("按领域统计", "领域", "组织数", s.organisationsByField, csv: "organisations-by-field.csv")
        fieldChart = BarChart(id: "chart-field", title: "各领域基层党组织数量", tallies: s.organisationsByField).svg
        itemsByStatus = Self.counts("\(s.promiseYear)年承诺事项按状态统计", "状态", "事项数", s.itemsByStatus, csv: "items-by-status.csv")
        statusChart = DonutChart(id: "chart-status", title: "\(s.promiseYear)年承诺事项状态", tallies: s.itemsByStatus, unit: "项").svg
        statusByField = Self.parts("\(s.promiseYear)年各领域承诺事项状态", "领域", s.statusByField, csv: "status-by-field.csv")
        statusFieldChart = Self.stacked("chart-status-field", "\(s.promiseYear)年各领域承诺事项状态", s.statusByField)
        statusByYear = Self.parts("各年度承诺事项状态", "年度", s.statusByYear, csv: "status-by-year.csv")
        statusYearChart = Self.stacked("chart-status-year", "各年度承诺事项状态", s.statusByYear)
        fulfilmentByField = Self.fulfilment("按领域统计兑现率", "领域", s.fulfilmentByField, csv: "fulfilment-by-field.csv", href: nil)
        fulfilmentFieldChart =
            BarChart(
                id: "chart-fulfilment", title: "\(s.promiseYear)年各领域承诺兑现率",
                bars: s.fulfilmentByField.map { BarChart.Bar(label: $0.label, value: ($0.rate.fraction ?? 0) * 100, valueText: $0.rate.percentText) },
                scaleMax: 100
            ).svg
        fulfilmentByBranch = Self.fulfilment("按组织统计兑现率", "组织", s.fulfilmentByBranch, csv: "fulfilment-by-branch.csv") { rows.href(.branch($0)) }
        fulfilmentByYear = Self.fulfilment("各年度兑现率", "年度", s.fulfilmentByYear, csv: "fulfilment-by-year.csv", href: nil)
        overdue = s.overdue.map {
            Overdue(
                text: $0.text, promiser: $0.promiser, branchName: rows.branchName($0.branchID), due: $0.due.description,
                href: rows.href(.promise($0.letterID)))
        }
        overdueTable = Table(
            caption: "逾期承诺事项（进行中且已过期限）", columns: ["承诺内容", "承诺人", "组织", "期限"],
            rows: overdue.map { Row(head: $0.text, href: nil, cells: [$0.promiser, $0.branchName, $0.due]) }, csv: "overdue-items.csv")
        disclosuresByCategory = Self.counts("按类别统计", "类别", "事项数", s.disclosuresByCategory, csv: "disclosures-by-category.csv")
        categoryChart = BarChart(id: "chart-category", title: "党务公开事项类别", tallies: s.disclosuresByCategory).svg
        disclosuresByMonth = Self.counts("按月份统计", "月份", "事项数", s.disclosuresByMonth, csv: "disclosures-by-month.csv")
        monthChart = BarChart(id: "chart-month", title: "每月党务公开事项数", tallies: s.disclosuresByMonth).svg
        liuyouByGoal = Self.counts(
            "六有各项达到情况（共 \(s.liuyou.denominator) 个组织填报）", "目标", "达到的组织数", s.liuyouByGoal, csv: "liuyou-by-goal.csv")
        examples = s.examples
        examplesByField = Self.counts("典型事例按领域统计", "领域", "事例数", s.examplesByField, csv: "examples-by-field.csv")
        examplesFieldChart = BarChart(id: "chart-examples-field", title: "各领域典型事例数", tallies: s.examplesByField).svg
        examplesByService = Self.counts("典型事例按五个服务统计", "服务类别", "事例数", s.examplesByService, csv: "examples-by-service.csv")
        examplesServiceChart = DonutChart(id: "chart-examples-service", title: "典型事例的服务类别", tallies: s.examplesByService, unit: "篇").svg
        (trendTable, trendChart, trendCountChart) = Self.trends(s.trends)
        definitions = Self.definitions(year: s.promiseYear)
    }

    /// Every table of the page, in page order, for the CSV files and `stats.json`.
    var tables: [Table] {
        [
            organisationsByType, organisationsByField, itemsByStatus, statusByField, statusByYear, fulfilmentByField, fulfilmentByBranch,
            fulfilmentByYear, overdueTable, disclosuresByCategory, disclosuresByMonth, liuyouByGoal, examplesByField, examplesByService,
            trendTable,
        ]
    }

    static func figures(_ s: Statistics) -> [Figure] {
        [
            Figure(label: "基层党组织", value: "\(s.organisations) 个", note: "党员合计 \(s.members) 名，另有报到党员 \(s.registered) 名"),
            Figure(
                label: "\(s.promiseYear)年承诺兑现率", value: s.fulfilment.percentText, note: Indicator.fulfilment.meaning(of: s.fulfilment)),
            Figure(label: "逾期承诺事项", value: "\(s.overdue.count) 项", note: "进行中且已过期限"),
            Figure(label: "党务公开事项", value: "\(s.disclosures) 项", note: "仅计已审批的社会公开事项"),
            Figure(label: "六有达标率", value: s.liuyou.percentText, note: Indicator.liuyou.meaning(of: s.liuyou)),
            Figure(
                label: "群众满意度", value: s.satisfaction.map(Statistics.percent) ?? "—",
                note: "\(s.satisfactionBranches) 个组织、\(s.satisfactionRespondents) 人次测评"),
        ]
    }

    static func counts(_ caption: String, _ head: String, _ column: String, _ tallies: [Tally], csv: String) -> Table {
        Table(caption: caption, columns: [head, column], rows: tallies.map { Row(head: $0.label, href: nil, cells: ["\($0.count)"]) }, csv: csv)
    }

    static func parts(_ caption: String, _ head: String, _ data: [TallyRow], csv: String) -> Table {
        Table(
            caption: caption, columns: [head] + statuses + ["合计"],
            rows: data.map { row in
                Row(head: row.label, href: nil, cells: row.tallies.map { "\($0.count)" } + ["\(row.tallies.reduce(0) { $0 + $1.count })"])
            }, csv: csv)
    }

    static func stacked(_ id: String, _ title: String, _ data: [TallyRow]) -> String {
        StackedBarChart(
            id: id, title: title, parts: statuses, rows: data.map { .init(label: $0.label, values: $0.tallies.map(\.count)) }
        ).svg
    }

    static func fulfilment(_ caption: String, _ head: String, _ data: [FulfilmentRow], csv: String, href: ((String) -> String)?) -> Table {
        Table(
            caption: caption, columns: [head, "承诺事项", "已兑现", "逾期", "应兑现", "兑现率"],
            rows: data.map {
                Row(
                    head: $0.label, href: href?($0.key),
                    cells: ["\($0.items)", "\($0.fulfilled)", "\($0.overdue)", "\($0.rate.denominator)", $0.rate.percentText])
            }, csv: csv)
    }

    static func trends(_ trends: [YearTrend]) -> (Table, String, String) {
        let table = Table(
            caption: "逐年情况", columns: ["年度", "承诺书", "承诺事项", "兑现率", "党务公开事项", "群众满意度"],
            rows: trends.map {
                Row(
                    head: "\($0.year)", href: nil,
                    cells: ["\($0.letters)", "\($0.items)", $0.fulfilment.percentText, "\($0.disclosures)", $0.satisfaction.map(Statistics.percent) ?? "—"])
            }, csv: "trends.csv")
        let line = LineChart(
            id: "chart-trend", title: "逐年承诺兑现率和群众满意度（%）", labels: trends.map { "\($0.year)" },
            series: [
                .init(name: "承诺兑现率", values: trends.map { $0.fulfilment.fraction.map { $0 * 100 } }),
                .init(name: "群众满意度", values: trends.map(\.satisfaction)),
            ], maximum: 100, unit: "%")
        let bars = BarChart(
            id: "chart-trend-count", title: "逐年党务公开事项数", tallies: trends.map { Tally(label: "\($0.year)年", count: $0.disclosures) })
        return (table, line.svg, bars.svg)
    }

    static func definitions(year: Int) -> [Definition] {
        [
            Definition(term: "统计范围", meaning: "只统计本网站公开的内容：党内公开事项和未经审核、审批的事项不计入任何数字。承诺相关数字统计\(year)年度的承诺书。"),
            Definition(term: "逾期", meaning: "状态为“进行中”、承诺期限早于数据截至日期的承诺事项。逾期由系统根据日期判断，不由人工填写。"),
            Definition(
                term: "承诺事项状态", meaning: "已兑现、进行中、逾期、延期、未兑现五种，逾期从进行中分出；各年度的状态都按数据截至日期判断，往年仍为“进行中”且已过期限的事项算作逾期。"),
            Definition(term: "应兑现事项", meaning: "已经有结果（已兑现或未兑现）的事项，加上承诺期限早于数据截至日期的其他事项（逾期、延期）。"),
            Definition(
                term: "承诺兑现率",
                meaning: "应兑现事项中已兑现的比例，旁边写明两个数，如“\(Indicator.fulfilment.meaning(of: Rate(14, of: 19)))”。期限未到且仍在进行中的事项不算应兑现；没有应兑现事项时显示“—”。"),
            Definition(term: "六有达标率", meaning: "填报了六有自评的组织中，六有（领导班子、骨干队伍、服务场所、服务载体、制度机制、服务业绩）六项全部达到的组织所占的比例。"),
            Definition(term: "群众满意度", meaning: "每个组织取最近一年的群众测评满意度，按参评人数加权平均：参评人数多的组织，分量相应大。"),
            Definition(term: "党员人数", meaning: "各组织直接管理的党员人数之和；上级组织的人数不重复计算下级组织的党员。"),
            Definition(
                term: "报到党员",
                meaning: "各组织填写的报到党员人数（registered，如到社区报到的在职党员、功能型党支部的成员）之和，单独统计，不计入党员人数：他们的组织关系在别的组织。"),
            Definition(
                term: "典型事例统计", meaning: "只计网站上发布的典型事例，不分年度。领域取事例自己填写的领域，没有填写的取所属组织的领域；服务类别按五个服务计数，没有填写的计为“未注明”。"),
        ]
    }
}
