import Foundation
import Testing

@testable import GongshiKit

/// The `/stats/` tables over one organisation and its descendants, on the three-level tree of `IndicatorTests`
/// (root → a → b, root → c), as of 2026-11-21. Every expected figure is counted by hand from that fixture.
@Suite("Statistics of one organisation and its descendants")
struct ScopedStatisticsTests {
    static func stats(_ root: String) throws -> Statistics {
        let model = try IndicatorTests.model()
        return StatisticsCalculator.calculate(model, scope: Set(model.tree.subtree(of: root)))
    }

    static func counts(_ tallies: [Tally]) -> [String: Int] { Dictionary(uniqueKeysWithValues: tallies.map { ($0.label, $0.count) }) }

    @Test func typicalExamplesPerFieldAndService() throws {
        let all = try Self.stats("root")
        // eb1 (b, 街道社区 from b), eb2 (农村, its own), ea (机关, its own), ec (c, 街道社区), eroot (root, 街道社区).
        #expect(all.examples == 5)
        #expect(all.examplesByField.map(\.label) == Field.allCases.map(\.rawValue), "every 领域 listed, none unnamed")
        #expect(all.examplesByField.map(\.count) == [1, 0, 3, 1, 0, 0, 0, 0])
        #expect(all.examplesByService.map(\.label) == Service.allCases.map(\.rawValue) + ["未注明"])
        #expect(all.examplesByService.map(\.count) == [0, 0, 2, 1, 1, 1])
        let a = try Self.stats("a")
        #expect(a.examples == 3)  // ea, eb1, eb2
        #expect(Self.counts(a.examplesByField) == ["农村": 1, "国有企业": 0, "街道社区": 1, "机关": 1, "高校": 0, "事业单位": 0, "非公有制企业": 0, "社会组织": 0])
        #expect(a.examplesByService.map(\.count) == [0, 0, 2, 1, 0], "no 未注明 row when every example names its service")
        let c = try Self.stats("c")
        #expect(Self.counts(c.examplesByService)["未注明"] == 1 && c.examplesByField[2] == Tally(label: "街道社区", count: 1))
    }

    @Test func itemStatusPerFieldAndYear() throws {
        // root: pa (a) 已兑现 + 逾期; pb (b) 已兑现 + 未兑现; pc (c) 进行中, due 2026-12-31. All 街道社区.
        let all = try Self.stats("root")
        #expect(all.statusByField == [TallyRow(label: "街道社区", tallies: Self.status([2, 1, 1, 0, 1]))])
        #expect(all.statusByYear == [TallyRow(label: "2026年", tallies: Self.status([2, 1, 1, 0, 1]))])
        let a = try Self.stats("a")
        #expect(a.itemsByStatus == Self.status([2, 0, 1, 0, 1]))
        #expect(a.statusByField == [TallyRow(label: "街道社区", tallies: Self.status([2, 0, 1, 0, 1]))])
    }

    @Test func perYearTrendsOverTheSubtree() throws {
        let a = try Self.stats("a")
        // 2025: only the ratings of a (90 × 100) and b (80 × 300) → 82.5. 2026: pa and pb, 2 ÷ 4; b1 and b3.
        #expect(
            a.trends == [
                YearTrend(year: 2025, letters: 0, items: 0, fulfilment: Rate(0, of: 0), disclosures: 0, satisfaction: 82.5),
                YearTrend(year: 2026, letters: 2, items: 4, fulfilment: Rate(2, of: 4), disclosures: 2, satisfaction: nil),
            ])
        #expect(a.organisations == 2 && a.fulfilmentByYear.map(\.rate) == [Rate(2, of: 4)])
        let c = try Self.stats("c")
        #expect(
            c.trends == [
                YearTrend(year: 2025, letters: 0, items: 0, fulfilment: Rate(0, of: 0), disclosures: 0, satisfaction: 70),
                YearTrend(year: 2026, letters: 1, items: 1, fulfilment: Rate(0, of: 0), disclosures: 1, satisfaction: nil),
            ])
        // The whole site's trends equal the root's: root has everything below it.
        let model = try IndicatorTests.model()
        #expect(StatisticsCalculator.calculate(model).trends == (try Self.stats("root")).trends)
    }

    /// A CSV file's text after checking its UTF-8 byte-order mark.
    static func csv(_ site: TestSite, _ path: String) throws -> String {
        let data = try Data(contentsOf: site.output.appendingPathComponent(path))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(path) starts with a BOM")
        return String(decoding: data.dropFirst(3), as: UTF8.self)
    }

    static func status(_ counts: [Int]) -> [Tally] { zip(StatsBody.statuses, counts).map { Tally(label: $0, count: $1) } }

    @Test func everyTableHasItsCSVAndStatsJSONBesideTheOrganisationPage() throws {
        let site = try IndicatorTests.site()
        _ = try site.build()
        // Children of root: a (subtree 2 ÷ 4) before c (nothing to assess, ranked last).
        #expect(
            try Self.csv(site, "branches/root/stats/ranking-fulfilment.csv")
                == "名次,组织id,组织,承诺兑现率,分子,分母\r\n1,a,a党支部,50%,2,4\r\n2,c,c党支部,—,0,0\r\n")
        #expect(try Self.csv(site, "branches/a/stats/examples-by-service.csv") == "服务类别,事例数\r\n服务改革,0\r\n服务发展,0\r\n服务民生,2\r\n服务群众,1\r\n服务党员,0\r\n")
        #expect(
            try Self.csv(site, "branches/a/stats/trends.csv")
                == "年度,承诺书,承诺事项,兑现率,党务公开事项,群众满意度\r\n2025,0,0,—,0,82.5%\r\n2026,2,4,50%,2,—\r\n")
        #expect(try Self.csv(site, "branches/a/stats/status-by-field.csv") == "领域,已兑现,进行中,逾期,延期,未兑现,合计\r\n街道社区,2,0,1,0,1,4\r\n")
        #expect(try Self.csv(site, "branches/a/stats/timeliness-gaps.csv") == "组织,类别,缺少的季度\r\nb党支部,党费管理,2026-Q2\r\n")

        let page = try site.page("branches/a/stats/index.html")
        // Each download link: `<a href="NAME.csv" download>下载本表数据</a>`.
        let linked = Set(
            page.components(separatedBy: "<a href=\"").dropFirst().compactMap { part in
                part.contains("\" download>") ? part.components(separatedBy: "\"").first : nil
            })
        let files = Set(
            site.outputFiles().filter { $0.hasPrefix("branches/a/stats/") && $0.hasSuffix(".csv") }.map { String($0.dropFirst("branches/a/stats/".count)) })
        #expect(linked == files.subtracting(["indicators.csv"]), "every CSV beside the page is linked next to its table")
        #expect(page.contains("<svg class=\"chart chart-donut\"") && page.contains("<svg class=\"chart chart-stacked\""))
        #expect(page.contains("<caption>逐年情况</caption>") && page.contains("<caption>典型事例按五个服务统计</caption>"))

        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: site.output.appendingPathComponent("branches/root/stats/stats.json"))) as? [String: Any])
        let tables = try #require(json["tables"] as? [[String: Any]])
        let ranking = try #require(tables.first { $0["file"] as? String == "ranking-fulfilment.csv" })
        #expect(ranking["rows"] as? [[String]] == [["1", "a", "a党支部", "50%", "2", "4"], ["2", "c", "c党支部", "—", "0", "0"]])
        let rootFiles = site.outputFiles().filter { $0.hasPrefix("branches/root/stats/") && $0.hasSuffix(".csv") && !$0.hasSuffix("/indicators.csv") }
        #expect(Set(tables.compactMap { $0["file"] as? String }) == Set(rootFiles.map { String($0.dropFirst("branches/root/stats/".count)) }))
        #expect(LinkChecker.brokenLinks(in: site.output, baseURL: "https://example.org/site/") == [])
    }
}
