import Foundation
import Testing

@testable import GongshiKit

@Suite("Organisers' indicators")
struct IndicatorTests {
    /// root → a → b, plus a sibling c under root; hand-computed figures below.
    static func model(holidays: String = "") throws -> SiteModel {
        let site = try Self.site(holidays: holidays)
        let (model, _, diagnostics) = SiteBuilder.check(site.options)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        return try #require(model)
    }

    /// A 典型事例; `field` and `service` are left out when nil.
    static func example(_ id: String, branch: String, field: String? = nil, service: String? = nil) -> String {
        TestContent.document(
            ["id: \(id)", "title: \(id) 事例", "branch: \(branch)", "date: 2026-06-01"] + (field.map { ["field: \($0)"] } ?? [])
                + (service.map { ["service: \($0)"] } ?? []))
    }

    static func site(holidays: String = "") throws -> TestSite {
        let regular = { (id: String, branch: String, published: String) in
            Sample.disclosure(id, branch: branch, published: published, category: "党费管理")
                .replacingOccurrences(of: "---\n\n", with: "---\n")
                .replacingOccurrences(of: "category: 党费管理", with: "category: 党费管理\ncadence: 定期")
        }
        return try TestSite([
            "site.yaml": Sample.site + (holidays.isEmpty ? "" : "\nholidays: [\(holidays)]\n"),
            "content/branches/root.md": Sample.branch("root"),
            "content/branches/a.md": Sample.branch("a", parent: "root", extra: "ratings:\n  - {year: 2025, satisfaction: 90, respondents: 100}"),
            "content/branches/b.md": Sample.branch("b", parent: "a", extra: "ratings:\n  - {year: 2025, satisfaction: 80, respondents: 300}"),
            "content/branches/c.md": Sample.branch("c", parent: "root", extra: "ratings:\n  - {year: 2025, satisfaction: 70, respondents: 100}"),
            // a: 已兑现 + overdue (进行中, due 10-01) → 1 ÷ 2. b: 已兑现 + 未兑现 → 1 ÷ 2. c: 进行中 future only → 0 ÷ 0.
            "content/promises/pa.md": Sample.promise("pa", branch: "a", items: [("已兑现", "2026-05-01", "2026-04-01", nil), ("进行中", "2026-10-01", nil, nil)]),
            "content/promises/pb.md": Sample.promise(
                "pb", branch: "b", items: [("已兑现", "2026-05-01", "2026-04-01", nil), ("未兑现", "2026-06-01", nil, "资金未到位")]),
            "content/promises/pc.md": Sample.promise("pc", branch: "c", items: [("进行中", "2026-12-31", nil, nil)]),
            // b publishes 党费管理 regularly in Q1 and Q3 2026: Q2 is missing (as of 2026-11-21, Q3 is the last complete quarter).
            "content/disclosures/b1.md": regular("b1", "b", "2026-03-10"),
            "content/disclosures/b3.md": regular("b3", "b", "2026-08-10"),
            "content/disclosures/notice.md": Sample.disclosure("notice", branch: "c", published: "2026-11-18")
                .replacingOccurrences(of: "scope: 社会公开", with: "scope: 社会公开\nuntil: 2026-11-26"),
            // Every branch is 街道社区 unless an example names its own 领域.
            "content/examples/eb1.md": example("eb1", branch: "b", service: "服务民生"),
            "content/examples/eb2.md": example("eb2", branch: "b", field: "农村", service: "服务民生"),
            "content/examples/ea.md": example("ea", branch: "a", field: "机关", service: "服务群众"),
            "content/examples/ec.md": example("ec", branch: "c"),
            "content/examples/eroot.md": example("eroot", branch: "root", service: "服务党员"),
        ])
    }

    @Test func rollUpAlongTheTree() throws {
        let model = try Self.model()
        let calculator = IndicatorCalculator(model: model)
        let all = calculator.values(for: Set(model.tree.subtree(of: "root")))
        #expect(all[.fulfilment]?.rate == Rate(2, of: 4))
        #expect(all[.overdue]?.rate == Rate(1, of: 5))
        #expect(all[.unfulfilled]?.rate == Rate(1, of: 3))
        // (90×100 + 80×300 + 70×100) ÷ 500 = 80.
        #expect(all[.satisfaction]?.number == 80)
        let a = calculator.values(for: Set(model.tree.subtree(of: "a")))
        #expect(model.tree.subtree(of: "a") == ["a", "b"])
        #expect(a[.fulfilment]?.rate == Rate(2, of: 4))
        #expect(a[.satisfaction]?.number == 82.5)
        let c = calculator.values(for: ["c"])
        #expect(c[.fulfilment]?.rate == Rate(0, of: 0))
        #expect(c[.fulfilment]?.text(for: .fulfilment) == "—")
    }

    @Test func timelinessFindsTheMissingQuarter() throws {
        let model = try Self.model()
        let gaps = IndicatorCalculator(model: model).timelinessGaps(for: "b")
        #expect(gaps == [IndicatorCalculator.Timeliness(branchID: "b", category: "党费管理", expected: 3, covered: 2, missing: ["2026-Q2"])])
        #expect(IndicatorCalculator(model: model).values(for: ["b"])[.timeliness]?.rate == Rate(2, of: 3))
    }

    @Test func noticePeriodCountsWorkingDaysAndHolidays() throws {
        // 2026-11-18 (Wednesday) to 2026-11-26: 19, 20, 23, 24, 25, 26 → six working days.
        let model = try Self.model()
        let calculator = IndicatorCalculator(model: model)
        #expect(calculator.workingDays(after: Day("2026-11-18")!, through: Day("2026-11-26")!) == 6)
        #expect(calculator.values(for: ["c"])[.noticePeriod]?.rate == Rate(1, of: 1))
        let withHolidays = try Self.model(holidays: "2026-11-23, 2026-11-24")
        #expect(IndicatorCalculator(model: withHolidays).workingDays(after: Day("2026-11-18")!, through: Day("2026-11-26")!) == 4)
        #expect(IndicatorCalculator(model: withHolidays).values(for: ["c"])[.noticePeriod]?.rate == Rate(0, of: 1))
    }

    @Test func childrenAreRankedWeakestFirst() throws {
        let model = try Self.model()
        let section = IndicatorSection(model: model, scope: Set(model.branches.map(\.id)), children: ["a", "c"], rows: Rows(model: model, route: .stats))
        let fulfilment = try #require(section.rankings.first { $0.indicator == "承诺兑现率" })
        // a's subtree: 50 %; c counts nothing, so it ranks last.
        #expect(fulfilment.rows.map(\.name) == ["a党支部", "c党支部"])
        let satisfaction = try #require(section.rankings.first { $0.indicator == "群众满意度" })
        #expect(satisfaction.rows.map(\.name) == ["c党支部", "a党支部"])
        #expect(satisfaction.rows.map(\.value) == ["70%", "82.5%"])
        let overdue = try #require(section.rankings.first { $0.indicator == "逾期率" })
        #expect(overdue.rows.first?.name == "a党支部", "more overdue is weaker")
    }

    @Test func dayOrdinalRoundTrips() {
        for text in ["1970-01-01", "2000-02-29", "2026-11-21", "2100-03-01", "1949-10-01"] {
            let day = Day(text)!
            #expect(Day(ordinal: day.ordinal) == day)
        }
        #expect(Quarter(Day("2026-11-21")!).previous.label == "2026-Q3")
        #expect(Quarter(year: 2026, number: 4).next.label == "2027-Q1")
    }

    @Test func branchStatisticsPagesExistForOrganisationsWithChildren() throws {
        let site = try BuildEndToEndTests.smallSite()
        _ = try site.build()
        let files = site.outputFiles()
        #expect(files.contains("branches/root/stats/index.html") && files.contains("branches/a/stats/index.html"))
        #expect(!files.contains("branches/b/stats/index.html"))
        let page = try site.page("branches/root/stats/index.html")
        #expect(page.contains("共 3 个组织、47 名党员"))
        #expect(page.contains("<caption>下属组织按承诺兑现率排列（较弱的在前）</caption>"))
        #expect(LinkChecker.brokenLinks(in: site.output, baseURL: "https://example.org/site/") == [])
    }
}

@Suite("Open data")
struct OpenDataTests {
    @Test func csvIsExcelFriendlyAndQuoted() {
        let data = OpenData.csv([["组织", "说明"], ["a", "含,逗号和\"引号\""]])
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self) == "组织,说明\r\na,\"含,逗号和\"\"引号\"\"\"\r\n")
    }

    @Test func jsonIsCompactWithSortedKeys() throws {
        struct Row: Encodable { let 组织, id: String; let 数量: Int; let 网址: String }
        let data = OpenData.json([Row(组织: "a党支部", id: "a", 数量: 3, 网址: "https://example.org/a/")])
        #expect(String(decoding: data, as: UTF8.self) == "[{\"id\":\"a\",\"数量\":3,\"组织\":\"a党支部\",\"网址\":\"https://example.org/a/\"}]\n")
    }

    @Test func statisticsAndRecordsAreExportedFromThePublishedSetOnly() throws {
        let site = try BuildEndToEndTests.smallSite()
        _ = try site.build()
        let stats = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: site.output.appendingPathComponent("stats/stats.json"))) as? [String: Any])
        let indicators = try #require(stats["indicators"] as? [[String: Any]])
        let fulfilment = try #require(indicators.first { $0["id"] as? String == "fulfilment" })
        #expect(fulfilment["numerator"] as? Int == 1 && fulfilment["denominator"] as? Int == 3)
        #expect(stats["members"] as? Int == 47)
        let disclosures = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: site.output.appendingPathComponent("data/disclosures.json"))) as? [[String: String]])
        #expect(disclosures.map { $0["id"] } == ["d2", "d1"])
        let csv = try site.page("data/promise-items.csv")
        #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1 + 6, "header plus six items")
        #expect(csv.contains("p1,2,a,a党支部,2026,张三,在职党员,每月组织一次环境卫生清理,服务民生,2026-10-01,逾期,,"))
        #expect(site.outputFiles().contains("branches/root/stats/stats.json"))
        #expect(site.outputFiles().contains("stats/definitions/index.html"))
        #expect(try site.page("stats/schema.json").contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""))
    }
}
