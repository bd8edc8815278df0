import Foundation

extension PageRenderer {
    /// `stats.json` and CSV files beside every statistics page, the published records under `data/`,
    /// the definitions page and the JSON schema of `stats.json`. The files of a statistics page share its
    /// dependencies and its context (`StatsPlan`); each record file reads the listed versions of its kind, and the
    /// entries of the organisations it names.
    func addOpenData(_ model: SiteModel, statsPages: StatsPlan, to builder: inout PlanBuilder) {
        let v = builder.versions
        func addStats<Context>(_ stats: StatsPlan.Folder<Context>) {
            let dependencies: @Sendable () -> [String] = { [v.site] + stats.dependencies() }
            let scope = stats.scope
            func add(_ name: String, _ produce: @escaping @Sendable (Context) -> Data) {
                builder.add(PageDescriptor(path: stats.folder + name, kind: "stats \(name)", dependencies: dependencies) { produce(stats.context.take()) })
            }
            add("stats.json") { context in
                let calculator = IndicatorCalculator(model: model)
                let document = StatsDocument(
                    asOf: model.asOf.description, organisations: scope.count,
                    members: scope.reduce(0) { $0 + (model.branchByID[$1]?.members ?? 0) },
                    registered: scope.reduce(0) { $0 + (model.branchByID[$1]?.registered ?? 0) },
                    indicators: OpenData.indicatorRecords(calculator.lines(for: scope)),
                    tables: context.tables.compactMap { table in
                        table.csv.map { OpenData.TableRecord(file: $0, caption: table.caption, columns: table.columns, rows: Array(table.records.dropFirst())) }
                    })
                return OpenData.json(document)
            }
            add("indicators.csv") { _ in OpenData.indicatorCSV(IndicatorCalculator(model: model).lines(for: scope)) }
            for name in stats.tables {
                add(name) { context in OpenData.csv(context.tables.first { $0.csv == name }?.records ?? []) }
            }
        }
        addStats(statsPages.site)
        for (_, folder) in statsPages.branches { addStats(folder) }
        let records = SharedValue(users: 8) { OpenData.records(model) }
        let kinds: [(name: String, rows: @Sendable () -> [String])] = [
            ("branches", { model.branches.map { v.branches[$0.id]?.listed ?? "" } }),
            ("promise-items", { [v.directory] + v.letters.map(\.listed) }),
            ("disclosures", { [v.directory] + v.disclosures.map(\.listed) }),
            ("examples", { [v.directory] + v.examples.map(\.listed) }),
        ]
        for (index, kind) in kinds.enumerated() {
            let dependencies: @Sendable () -> [String] = { [v.site] + ModelVersions.list(kind.name, kind.rows()) }
            builder.add(
                PageDescriptor(path: "data/\(kind.name).csv", kind: "data csv", dependencies: dependencies) {
                    let (_, columns, rows) = records.take()[index]
                    return OpenData.csv([columns] + rows)
                })
            builder.add(
                PageDescriptor(path: "data/\(kind.name).json", kind: "data json", dependencies: dependencies) {
                    let (_, columns, rows) = records.take()[index]
                    return OpenData.json(OpenData.jsonRows(columns: columns, rows: rows))
                })
        }
        builder.add(PageDescriptor(path: "stats/schema.json", kind: "schema", dependencies: { [] }) { Data(StatsDocument.schema.utf8) })
        let site = statsPages.site
        builder.add(.statsDefinitions, "definitions", DefinitionsContext(model: model, tables: site.context.take().tables), dependencies: site.dependencies)
    }
}

/// `stats.json`
struct StatsDocument: Encodable, Sendable {
    let asOf: String
    let organisations: Int
    let members: Int
    /// 报到党员, summed apart from `members`.
    let registered: Int
    let indicators: [OpenData.IndicatorRecord]
    /// Every table of the page, the same rows as its CSV file.
    let tables: [OpenData.TableRecord]

    /// JSON Schema (draft 2020-12) describing every field.
    static let schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "gongshi stats.json",
          "description": "一个统计页（全站或某组织及其下属组织）的指标；只根据网站公开的内容计算。",
          "type": "object",
          "required": ["asOf", "organisations", "members", "registered", "indicators", "tables"],
          "properties": {
            "asOf": {"type": "string", "format": "date", "description": "数据截至日期"},
            "organisations": {"type": "integer", "minimum": 0, "description": "统计范围内的组织数"},
            "members": {"type": "integer", "minimum": 0, "description": "统计范围内各组织直接管理的党员人数之和（不含报到党员）"},
            "registered": {"type": "integer", "minimum": 0, "description": "统计范围内各组织的报到党员（registered）人数之和，不计入 members"},
            "indicators": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["id", "name", "definition"],
                "properties": {
                  "id": {"type": "string", "description": "指标代码，如 fulfilment；公示期达标率（topicNoticePeriod）每个有规定的公开主题一条，用 topic 区分"},
                  "name": {"type": "string", "description": "指标名称"},
                  "definition": {"type": "string", "description": "指标定义"},
                  "numerator": {"type": ["integer", "null"], "description": "比率的分子"},
                  "denominator": {"type": ["integer", "null"], "description": "比率的分母"},
                  "value": {"type": ["number", "null"], "description": "比率为 0–1 的小数；群众满意度为百分数；其他为数量；没有可统计内容时为 null"},
                  "topic": {"type": "string", "description": "只有公示期达标率有：公开主题，如 发展党员"},
                  "minWorkingDays": {"type": "integer", "minimum": 1, "description": "只有公示期达标率有：该主题规定的最少工作日数（min_working_days）"}
                }
              }
            },
            "tables": {
              "type": "array",
              "description": "页面上的每张表，与同目录下同名 CSV 文件的内容相同",
              "items": {
                "type": "object",
                "required": ["file", "caption", "columns", "rows"],
                "properties": {
                  "file": {"type": "string", "description": "同目录下 CSV 文件的文件名，如 status-by-field.csv、ranking-fulfilment.csv"},
                  "caption": {"type": "string", "description": "表格标题"},
                  "columns": {"type": "array", "items": {"type": "string"}, "description": "列名，与 CSV 的第一行相同"},
                  "rows": {
                    "type": "array",
                    "items": {"type": "array", "items": {"type": "string"}},
                    "description": "各行的单元格文字，与页面和 CSV 相同（数量为十进制整数，比率如 66.7%，没有可统计内容时为 —）"
                  }
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
    /// The wording of the tables (逾期, 承诺事项状态, 典型事例统计 …), as at the end of every statistics page.
    let terms: [StatsBody.Definition]
    let files: [PageFrame.Link]
    /// One CSV per table of `/stats/`, named after the table.
    let tables: [PageFrame.Link]

    init(model: SiteModel, tables: [StatsBody.Table]) {
        let rows = Rows(model: model, route: .statsDefinitions)
        frame = PageFrame(
            model: model, route: .statsDefinitions, title: "指标说明和开放数据", description: "统计指标的定义和可下载的数据文件。", section: .stats,
            trail: [("统计", .stats)])
        indicators = IndicatorCalculator(model: model).lines(for: []).map {
            IndicatorSection.Row(name: $0.name, value: "", detail: "", definition: $0.definition)
        }
        terms = StatsBody.definitions(year: model.currentYear)
        let root = rows.href(.home)
        self.tables = tables.compactMap { table in
            table.csv.map { PageFrame.Link(label: "\(table.caption) \($0)", href: root + "stats/" + $0, current: false) }
        }
        files = [
            ("全站指标 stats.json", "stats/stats.json"), ("全站指标 indicators.csv", "stats/indicators.csv"), ("stats.json 的 JSON Schema", "stats/schema.json"),
            ("组织名录 data/branches.csv", "data/branches.csv"), ("组织名录 data/branches.json", "data/branches.json"),
            ("承诺事项 data/promise-items.csv", "data/promise-items.csv"), ("承诺事项 data/promise-items.json", "data/promise-items.json"),
            ("党务公开事项 data/disclosures.csv", "data/disclosures.csv"), ("党务公开事项 data/disclosures.json", "data/disclosures.json"),
            ("典型事例 data/examples.csv", "data/examples.csv"), ("典型事例 data/examples.json", "data/examples.json"),
        ].map { PageFrame.Link(label: $0.0, href: root + $0.1, current: false) }
    }
}
