import Foundation

extension PageRenderer {
    /// `stats.json` and CSV files beside every statistics page, the published records under `data/`,
    /// the definitions page and the JSON schema of `stats.json`.
    func addOpenData(_ model: SiteModel, stats: Statistics, to builder: inout PlanBuilder) {
        let calculator = IndicatorCalculator(model: model)
        func addStats(under folder: String, scope: Set<String>, extra: [(String, Data)]) {
            let values = calculator.values(for: scope)
            let document = StatsDocument(
                asOf: model.asOf.description, organisations: scope.count,
                members: scope.reduce(0) { $0 + (model.branchByID[$1]?.members ?? 0) }, indicators: OpenData.indicatorRecords(values))
            builder.addContent(RenderedPage(path: folder + "stats.json", contents: OpenData.json(document)))
            builder.addContent(RenderedPage(path: folder + "indicators.csv", contents: OpenData.indicatorCSV(values)))
            for (name, data) in extra { builder.addContent(RenderedPage(path: folder + name, contents: data)) }
        }
        let tallies: [(String, String, [Tally])] = [
            ("organisations-by-type.csv", "组织类型", stats.organisationsByType), ("organisations-by-field.csv", "领域", stats.organisationsByField),
            ("items-by-status.csv", "状态", stats.itemsByStatus), ("disclosures-by-category.csv", "类别", stats.disclosuresByCategory),
            ("disclosures-by-month.csv", "月份", stats.disclosuresByMonth), ("liuyou-by-goal.csv", "六有目标", stats.liuyouByGoal),
        ]
        let fulfilment: [(String, String, [FulfilmentRow])] = [
            ("fulfilment-by-field.csv", "领域", stats.fulfilmentByField), ("fulfilment-by-branch.csv", "组织", stats.fulfilmentByBranch),
            ("fulfilment-by-year.csv", "年度", stats.fulfilmentByYear),
        ]
        let siteTables =
            tallies.map { ($0.0, OpenData.csv([[$0.1, "数量"]] + $0.2.map { [$0.label, String($0.count)] })) }
            + fulfilment.map { name, head, rows in
                (
                    name,
                    OpenData.csv(
                        [[head, "承诺事项", "已兑现", "逾期", "应兑现", "兑现率"]]
                            + rows.map { [$0.label, "\($0.items)", "\($0.fulfilled)", "\($0.overdue)", "\($0.rate.denominator)", $0.rate.percentText] })
                )
            }
        addStats(under: "stats/", scope: Set(model.branches.map(\.id)), extra: siteTables)
        for branch in model.branches where !(model.tree.children[branch.id] ?? []).isEmpty {
            addStats(under: "branches/\(branch.id)/stats/", scope: Set(model.tree.subtree(of: branch.id)), extra: [])
        }
        for (name, columns, rows) in OpenData.records(model) {
            builder.addContent(RenderedPage(path: "data/\(name).csv", contents: OpenData.csv([columns] + rows)))
            builder.addContent(RenderedPage(path: "data/\(name).json", contents: OpenData.json(OpenData.jsonRows(columns: columns, rows: rows))))
        }
        builder.addContent(RenderedPage(path: "stats/schema.json", contents: Data(StatsDocument.schema.utf8)))
        builder.add(.statsDefinitions, "definitions", DefinitionsContext(model: model))
    }
}

/// `stats.json`
struct StatsDocument: Encodable, Sendable {
    let asOf: String
    let organisations: Int
    let members: Int
    let indicators: [OpenData.IndicatorRecord]

    /// JSON Schema (draft 2020-12) describing every field.
    static let schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "gongshi stats.json",
          "description": "一个统计页（全站或某组织及其下属组织）的指标；只根据网站公开的内容计算。",
          "type": "object",
          "required": ["asOf", "organisations", "members", "indicators"],
          "properties": {
            "asOf": {"type": "string", "format": "date", "description": "数据截至日期"},
            "organisations": {"type": "integer", "minimum": 0, "description": "统计范围内的组织数"},
            "members": {"type": "integer", "minimum": 0, "description": "统计范围内各组织直接管理的党员人数之和"},
            "indicators": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["id", "name", "definition"],
                "properties": {
                  "id": {"type": "string", "description": "指标代码，如 fulfilment"},
                  "name": {"type": "string", "description": "指标名称"},
                  "definition": {"type": "string", "description": "指标定义"},
                  "numerator": {"type": ["integer", "null"], "description": "比率的分子"},
                  "denominator": {"type": ["integer", "null"], "description": "比率的分母"},
                  "value": {"type": ["number", "null"], "description": "比率为 0–1 的小数；群众满意度为百分数；其他为数量；没有可统计内容时为 null"}
                }
              }
            }
          }
        }

        """
}

/// /stats/definitions/: every indicator and every downloadable file, explained.
struct DefinitionsContext: Encodable, Sendable {
    let frame: PageFrame
    let indicators: [IndicatorSection.Row]
    let files: [PageFrame.Link]

    init(model: SiteModel) {
        let rows = Rows(model: model, route: .statsDefinitions)
        frame = PageFrame(
            model: model, route: .statsDefinitions, title: "指标说明和开放数据", description: "统计指标的定义和可下载的数据文件。", section: .stats,
            trail: [("统计", .stats)])
        indicators = Indicator.allCases.map { IndicatorSection.Row(name: $0.name, value: "", detail: "", definition: $0.definition) }
        let root = rows.href(.home)
        files = [
            ("全站指标 stats.json", "stats/stats.json"), ("全站指标 indicators.csv", "stats/indicators.csv"), ("stats.json 的 JSON Schema", "stats/schema.json"),
            ("组织名录 data/branches.csv", "data/branches.csv"), ("组织名录 data/branches.json", "data/branches.json"),
            ("承诺事项 data/promise-items.csv", "data/promise-items.csv"), ("承诺事项 data/promise-items.json", "data/promise-items.json"),
            ("党务公开事项 data/disclosures.csv", "data/disclosures.csv"), ("党务公开事项 data/disclosures.json", "data/disclosures.json"),
            ("典型事例 data/examples.csv", "data/examples.csv"), ("典型事例 data/examples.json", "data/examples.json"),
        ].map { PageFrame.Link(label: $0.0, href: root + $0.1, current: false) }
    }
}
