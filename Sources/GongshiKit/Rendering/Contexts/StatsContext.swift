/// /stats/: every figure as a table, most also as an SVG chart, with each rate defined in words.
struct StatsContext: Encodable, Sendable {
    let frame: PageFrame
    let year: Int
    let figures: [Figure]
    let organisationsByType: Table
    let organisationsByField: Table
    let fieldChart: String
    let itemsByStatus: Table
    let statusChart: String
    let fulfilmentByField: Table
    let fulfilmentFieldChart: String
    let fulfilmentByBranch: Table
    let fulfilmentByYear: Table
    let overdue: [Overdue]
    let disclosuresByCategory: Table
    let categoryChart: String
    let disclosuresByMonth: Table
    let monthChart: String
    let liuyouByGoal: Table
    let definitions: [Definition]
    let trendTable: Table
    let trendChart: String
    let trendCountChart: String
    let indicators: IndicatorSection

    struct Figure: Encodable, Sendable {
        let label, value, note: String
    }

    struct Table: Encodable, Sendable {
        let caption: String
        let columns: [String]
        let rows: [Row]
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

    init(model: SiteModel, stats s: Statistics) {
        let rows = Rows(model: model, route: .stats)
        frame = PageFrame(
            model: model, route: .stats, title: "统计", description: "组织、承诺践诺、党务公开、六有和群众满意度统计。",
            section: .stats, trail: [])
        year = s.promiseYear
        figures = [
            Figure(label: "基层党组织", value: "\(s.organisations) 个", note: "党员合计 \(s.members) 名"),
            Figure(
                label: "\(s.promiseYear)年承诺兑现率", value: s.fulfilment.percentText,
                note: "\(s.fulfilment.numerator) ÷ \(s.fulfilment.denominator)"),
            Figure(label: "逾期承诺事项", value: "\(s.overdue.count) 项", note: "进行中且已过期限"),
            Figure(label: "党务公开事项", value: "\(s.disclosures) 项", note: "仅计已审批的社会公开事项"),
            Figure(label: "六有达标率", value: s.liuyou.percentText, note: "\(s.liuyou.numerator) ÷ \(s.liuyou.denominator) 个组织"),
            Figure(
                label: "群众满意度", value: s.satisfaction.map(Statistics.percent) ?? "—",
                note: "\(s.satisfactionBranches) 个组织、\(s.satisfactionRespondents) 人次测评"),
        ]
        organisationsByType = Self.counts("按组织类型统计", "组织类型", "组织数", s.organisationsByType)
        organisationsByField = Self.counts("按领域统计", "领域", "组织数", s.organisationsByField)
        fieldChart = BarChart(id: "chart-field", title: "各领域基层党组织数量", tallies: s.organisationsByField).svg
        itemsByStatus = Self.counts("\(s.promiseYear)年承诺事项按状态统计", "状态", "事项数", s.itemsByStatus)
        statusChart = BarChart(id: "chart-status", title: "\(s.promiseYear)年承诺事项状态", tallies: s.itemsByStatus).svg
        fulfilmentByField = Self.fulfilment("按领域统计兑现率", "领域", s.fulfilmentByField, href: nil)
        fulfilmentFieldChart =
            BarChart(
                id: "chart-fulfilment", title: "\(s.promiseYear)年各领域承诺兑现率",
                bars: s.fulfilmentByField.map { BarChart.Bar(label: $0.label, value: ($0.rate.fraction ?? 0) * 100, valueText: $0.rate.percentText) },
                scaleMax: 100
            ).svg
        fulfilmentByBranch = Self.fulfilment("按组织统计兑现率", "组织", s.fulfilmentByBranch) { rows.href(.branch($0)) }
        fulfilmentByYear = Self.fulfilment("各年度兑现率", "年度", s.fulfilmentByYear, href: nil)
        overdue = s.overdue.map {
            Overdue(
                text: $0.text, promiser: $0.promiser, branchName: rows.branchName($0.branchID), due: $0.due.description,
                href: rows.href(.promise($0.letterID)))
        }
        disclosuresByCategory = Self.counts("按类别统计", "类别", "事项数", s.disclosuresByCategory)
        categoryChart = BarChart(id: "chart-category", title: "党务公开事项类别", tallies: s.disclosuresByCategory).svg
        disclosuresByMonth = Self.counts("按月份统计", "月份", "事项数", s.disclosuresByMonth)
        monthChart = BarChart(id: "chart-month", title: "每月党务公开事项数", tallies: s.disclosuresByMonth).svg
        liuyouByGoal = Self.counts("六有各项达到情况（共 \(s.liuyou.denominator) 个组织填报）", "目标", "达到的组织数", s.liuyouByGoal)
        definitions = Self.definitions(year: s.promiseYear)
        trendTable = Table(
            caption: "逐年情况", columns: ["年度", "承诺书", "承诺事项", "兑现率", "党务公开事项", "群众满意度"],
            rows: s.trends.map {
                Row(
                    head: "\($0.year)", href: nil,
                    cells: ["\($0.letters)", "\($0.items)", $0.fulfilment.percentText, "\($0.disclosures)", $0.satisfaction.map(Statistics.percent) ?? "—"])
            })
        let years = s.trends.map { "\($0.year)" }
        trendChart =
            LineChart(
                id: "chart-trend", title: "逐年承诺兑现率和群众满意度（%）", labels: years,
                series: [
                    .init(name: "承诺兑现率", values: s.trends.map { $0.fulfilment.fraction.map { $0 * 100 } }),
                    .init(name: "群众满意度", values: s.trends.map(\.satisfaction)),
                ], maximum: 100, unit: "%"
            ).svg
        trendCountChart =
            BarChart(
                id: "chart-trend-count", title: "逐年党务公开事项数", tallies: s.trends.map { Tally(label: "\($0.year)年", count: $0.disclosures) }
            ).svg
        // The whole site; ranked are the top-level organisations, or the children of a single top one.
        let roots = model.tree.roots
        let ranked = roots.count == 1 ? (model.tree.children[roots[0]] ?? []) : roots
        indicators = IndicatorSection(model: model, scope: Set(model.branches.map(\.id)), children: ranked, rows: rows)
    }

    static func counts(_ caption: String, _ head: String, _ column: String, _ tallies: [Tally]) -> Table {
        Table(caption: caption, columns: [head, column], rows: tallies.map { Row(head: $0.label, href: nil, cells: ["\($0.count)"]) })
    }

    static func fulfilment(_ caption: String, _ head: String, _ data: [FulfilmentRow], href: ((String) -> String)?) -> Table {
        Table(
            caption: caption, columns: [head, "承诺事项", "已兑现", "逾期", "应兑现", "兑现率"],
            rows: data.map {
                Row(
                    head: $0.label, href: href?($0.key),
                    cells: ["\($0.items)", "\($0.fulfilled)", "\($0.overdue)", "\($0.rate.denominator)", $0.rate.percentText])
            })
    }

    static func definitions(year: Int) -> [Definition] {
        [
            Definition(term: "统计范围", meaning: "只统计本网站公开的内容：党内公开事项和未经审核、审批的事项不计入任何数字。承诺相关数字统计\(year)年度的承诺书。"),
            Definition(term: "逾期", meaning: "状态为“进行中”、承诺期限早于数据截至日期的承诺事项。逾期由系统根据日期判断，不由人工填写。"),
            Definition(term: "应兑现事项", meaning: "已经有结果（已兑现或未兑现）的事项，加上承诺期限早于数据截至日期的其他事项（逾期、延期）。"),
            Definition(term: "承诺兑现率", meaning: "已兑现事项数 ÷ 应兑现事项数。期限未到且仍在进行中的事项不计入分母；分母为 0 时显示“—”。"),
            Definition(term: "六有达标率", meaning: "六有（领导班子、骨干队伍、服务场所、服务载体、制度机制、服务业绩）六项全部达到的组织数 ÷ 填报了六有自评的组织数。"),
            Definition(term: "群众满意度", meaning: "每个组织取最近一年的群众测评满意度，按参评人数加权平均：Σ(满意度 × 参评人数) ÷ Σ参评人数。"),
            Definition(term: "党员人数", meaning: "各组织直接管理的党员人数之和；上级组织的人数不重复计算下级组织的党员。"),
        ]
    }
}
