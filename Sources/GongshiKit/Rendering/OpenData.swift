import Foundation

/// Machine-readable twins of the statistics pages and the published records, built only from the publishable
/// model: JSON (sorted keys) and CSV (UTF-8 with BOM and CRLF, so Excel opens Chinese correctly).
enum OpenData {
    /// A table as CSV: header row first.
    static func csv(_ rows: [[String]]) -> Data {
        let text = rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    }

    /// Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"): such a cell gets a
    /// leading `'`. Numbers gongshi computes are never negative, so only text typed by a secretary is affected.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    static func field(_ value: String) -> String {
        let value = value.first.map { formulaStarts.contains($0) || $0 == "\r\n" } == true ? "'" + value : value
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Compact JSON, one line: the files are for programs, and indenting `data/` and the `stats.json` files of
    /// 1000 organisations took about 4 MB more.
    static func json(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(value)) ?? Data("{}".utf8)) + Data("\n".utf8)
    }

    /// One indicator in `stats.json`: one per indicator, and for 公示期达标率 one per topic with a rule.
    struct IndicatorRecord: Encodable, Sendable {
        let id, name, definition: String
        let numerator: Int?
        let denominator: Int?
        /// A fraction (0–1) for ratios, a percentage for satisfaction, a count otherwise; null when nothing was counted.
        let value: Double?
        /// 公示期达标率 only: the 公开主题 and the working days its rule requires.
        let topic: String?
        let minWorkingDays: Int?
    }

    /// One table of a statistics page in `stats.json`: its CSV file's name and rows.
    struct TableRecord: Encodable, Sendable {
        let file, caption: String
        let columns: [String]
        let rows: [[String]]
    }

    static func indicatorRecords(_ lines: [IndicatorLine]) -> [IndicatorRecord] {
        lines.map { line in
            IndicatorRecord(
                id: line.indicator.rawValue, name: line.name, definition: line.definition, numerator: line.value.rate?.numerator,
                denominator: line.value.rate?.denominator, value: line.value.sortValue.map { ($0 * 10000).rounded() / 10000 }, topic: line.topic,
                minWorkingDays: line.minimumWorkingDays)
        }
    }

    /// `indicators.csv`: the topic columns last, so the earlier columns keep their places.
    static func indicatorCSV(_ lines: [IndicatorLine]) -> Data {
        let header = ["指标代码", "指标", "分子", "分母", "数值", "定义", "公开主题", "规定工作日"]
        return csv([header] + indicatorRecords(lines).map(indicatorRow))
    }

    static func indicatorRow(_ record: IndicatorRecord) -> [String] {
        let numerator: String = record.numerator.map { String($0) } ?? ""
        let denominator: String = record.denominator.map { String($0) } ?? ""
        let value: String = record.value.map { "\($0)" } ?? ""
        let minimum: String = record.minWorkingDays.map { String($0) } ?? ""
        return [record.id, record.name, numerator, denominator, value, record.definition, record.topic ?? "", minimum]
    }

    /// The published records themselves, as CSV and JSON rows (column name → value), in a stable order.
    static func records(_ model: SiteModel) -> [(name: String, columns: [String], rows: [[String]])] {
        let name = { (id: String) in model.branchByID[id]?.name ?? id }
        let branches = model.branches.map { b -> [String] in
            [
                b.id, b.name, b.type.rawValue, b.field.rawValue, b.parent ?? "", b.secretary ?? "", b.members.map(String.init) ?? "",
                b.registered.map(String.init) ?? "",
                b.established?.description ?? "", b.meetsLiuyou ? "是" : (b.liuyou == nil ? "" : "否"),
                b.latestRating.map { Statistics.percent($0.satisfaction) } ?? "",
            ]
        }
        let items = model.promises.flatMap { letter in
            letter.items.enumerated().map { index, item -> [String] in
                [
                    letter.id, String(index + 1), letter.branch, name(letter.branch), String(letter.year), letter.promiser, letter.role.rawValue,
                    item.text, item.service.rawValue, item.due.description, item.displayStatus(asOf: model.asOf), item.done?.description ?? "",
                    item.note ?? "",
                ]
            }
        }
        let disclosures = model.disclosures.map { d -> [String] in
            [
                d.id, d.branch, name(d.branch), d.title, d.category, d.published.description, d.cadence?.rawValue ?? "", d.period ?? "",
                d.until?.description ?? "", d.reviewed?.date.description ?? "", d.approved?.date.description ?? "",
            ]
        }
        let examples = model.examples.map { e -> [String] in
            [e.id, e.branch, name(e.branch), e.title, e.date.description, model.field(of: e)?.rawValue ?? "", e.service?.rawValue ?? ""]
        }
        return [
            ("branches", ["id", "名称", "类型", "领域", "上级组织", "书记", "党员人数", "报到党员人数", "成立时间", "六有达标", "最近满意度"], branches),
            ("promise-items", ["承诺书", "序号", "组织id", "组织", "年度", "承诺人", "身份", "承诺内容", "服务类别", "期限", "状态", "兑现日期", "说明"], items),
            ("disclosures", ["id", "组织id", "组织", "标题", "类别", "发布日期", "公开方式", "所属期间", "公示截止", "审核日期", "审批日期"], disclosures),
            ("examples", ["id", "组织id", "组织", "标题", "日期", "领域", "服务类别"], examples),
        ]
    }

    /// JSON objects keyed by the column names.
    static func jsonRows(columns: [String], rows: [[String]]) -> [[String: String]] {
        rows.map { Dictionary(uniqueKeysWithValues: zip(columns, $0)) }
    }
}
