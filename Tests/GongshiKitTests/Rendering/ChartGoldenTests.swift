import Foundation
import Testing

@testable import GongshiKit

/// SVG charts compared byte for byte with `Fixtures/charts/<name>.svg` (re-record with GONGSHI_RECORD=1).
@Suite("Charts")
struct ChartGoldenTests {
    static let cases: [String: String] = [
        "bar-fields": BarChart(
            id: "c1", title: "各领域组织数",
            tallies: [Tally(label: "农村", count: 3), Tally(label: "街道社区", count: 5), Tally(label: "非公有制企业", count: 1)]
        ).svg,
        "bar-empty": BarChart(id: "c2", title: "空", tallies: []).svg,
        "bar-long-label": BarChart(id: "c3", title: "长标签", tallies: [Tally(label: "中共筑南市溪山区青溪街道工作委员会", count: 12)]).svg,
        "line-two-series": LineChart(
            id: "c4", title: "逐年", labels: ["2024", "2025", "2026"],
            series: [.init(name: "兑现率", values: [80, nil, 73.7]), .init(name: "满意度", values: [91.2, 93.6, 93.5])], maximum: 100, unit: "%"
        ).svg,
        "line-single": LineChart(id: "c5", title: "一年", labels: ["2026"], series: [.init(name: "事项", values: [7])]).svg,
        "line-empty": LineChart(id: "c6", title: "无", labels: [], series: []).svg,
        "stacked-status": StackedBarChart(
            id: "c7", title: "各领域承诺事项状态", parts: statuses,
            rows: [.init(label: "农村", values: [5, 8, 1, 0, 0]), .init(label: "街道社区", values: [4, 8, 2, 1, 1]), .init(label: "机关", values: [1, 2, 0, 0, 0])]
        ).svg,
        "stacked-empty": StackedBarChart(id: "c8", title: "空", parts: statuses, rows: []).svg,
        "stacked-single": StackedBarChart(id: "c9", title: "一项", parts: ["已兑现"], rows: [.init(label: "2026年", values: [7])]).svg,
        "stacked-long-label": StackedBarChart(
            id: "c10", title: "长标签",
            parts: ["已兑现", "进行中", "逾期", "延期", "未兑现", "党组织书记领办项目"],
            rows: [
                .init(label: "中共筑南市溪山区青溪街道工作委员会", values: [3, 0, 0, 0, 2, 1]),
                .init(label: "非公有制企业", values: [0, 0, 0, 0, 0, 0]),
            ]
        ).svg,
        "donut-status": DonutChart(
            id: "c11", title: "承诺事项状态", slices: zip(statuses, [14, 23, 3, 0, 1]).map { .init(label: $0, value: $1) }, unit: "项"
        ).svg,
        "donut-empty": DonutChart(id: "c12", title: "空", slices: []).svg,
        "donut-zero": DonutChart(id: "c13", title: "全为零", slices: statuses.map { .init(label: $0, value: 0) }, unit: "项").svg,
        "donut-single": DonutChart(id: "c14", title: "只有一类", slices: [.init(label: "服务民生", value: 6)], unit: "篇").svg,
        "donut-long-label": DonutChart(
            id: "c15", title: "长标签",
            slices: [.init(label: "中共筑南市溪山区青溪街道工作委员会", value: 2), .init(label: "服务群众", value: 1), .init(label: "社会组织", value: 97)], unit: "个"
        ).svg,
    ]

    static let statuses = ["已兑现", "进行中", "逾期", "延期", "未兑现"]

    @Test(arguments: cases.keys.sorted())
    func matchesGoldenFile(name: String) throws {
        let url = TestSite.fixtures.appendingPathComponent("charts/\(name).svg")
        let svg = Self.cases[name]!
        if ProcessInfo.processInfo.environment["GONGSHI_RECORD"] == "1" {
            try Data(svg.utf8).write(to: url)
            return
        }
        let baseline = try? String(contentsOf: url, encoding: .utf8)
        #expect(baseline != nil, "no baseline: run with GONGSHI_RECORD=1 and review")
        #expect(svg == baseline)
    }

    @Test func ticksAreRoundForAnyRange() {
        #expect(LineChart.ticks(upTo: 100) == [0, 20, 40, 60, 80, 100])
        #expect(LineChart.ticks(upTo: 7) == [0, 2, 4, 6, 8])
        #expect(LineChart.ticks(upTo: 1234) == [0, 500, 1000, 1500])
        let small = LineChart.ticks(upTo: 0.3)
        #expect(small.count == 4 && small.last! >= 0.3 && LineChart.format(small[1]) == "0.1")
        #expect(LineChart.ticks(upTo: 0) == [0, 1])
    }

    @Test func everyChartIsDescribedForScreenReaders() {
        for (name, svg) in Self.cases {
            #expect(svg.contains("role=\"img\""), "\(name)")
            #expect(svg.contains("<title id=") && svg.contains("<desc id="), "\(name)")
        }
        #expect(Self.cases["line-two-series"]!.contains("<desc id=\"c4-desc\">兑现率：2024 80%，2025 —，2026 73.7%；满意度：2024 91.2%，2025 93.6%，2026 93.5%</desc>"))
        // The 2025 gap breaks the first line: no segment joins 2024 and 2026.
        #expect(!Self.cases["line-two-series"]!.contains("<polyline points=\"70,66 570,80\""))
        #expect(Self.cases["bar-long-label"]!.contains(">中共筑南市溪山区青…</text>"))
    }

    @Test func stackedBarsListEveryValueAndSkipZeroParts() {
        let svg = Self.cases["stacked-status"]!
        #expect(
            svg.contains(
                "<desc id=\"c7-desc\">农村：已兑现 5，进行中 8，逾期 1，延期 0，未兑现 0，合计 14；街道社区：已兑现 4，进行中 8，逾期 2，延期 1，未兑现 1，合计 16；"
                    + "机关：已兑现 1，进行中 2，逾期 0，延期 0，未兑现 0，合计 3</desc>"))
        // 5 + 3 + 2 non-zero parts: one rect each, plus one pattern background per part in <defs>.
        #expect(svg.components(separatedBy: "class=\"chart-part\"").count - 1 == 10)
        #expect(svg.contains(">16</text>") && svg.contains(">14</text>") && svg.contains(">3</text>"))
        let long = Self.cases["stacked-long-label"]!
        #expect(long.contains(">中共筑南市溪山区青…</text>"), "long labels are shortened to the label column")
        #expect(long.contains(">党组织书记领办项目</text>"), "legend names are never shortened")
        #expect(long.contains("非公有制企业：已兑现 0，进行中 0，逾期 0，延期 0，未兑现 0，党组织书记领办项目 0，合计 0"))
        #expect(Self.cases["stacked-empty"]!.contains("<desc id=\"c8-desc\">暂无数据</desc>"))
    }

    @Test func donutsListEveryValueAndDrawWholeRings() {
        let svg = Self.cases["donut-status"]!
        #expect(
            svg.contains("<desc id=\"c11-desc\">已兑现 14项（34.1%），进行中 23项（56.1%），逾期 3项（7.3%），延期 0项（0%），未兑现 1项（2.4%）；合计 41项</desc>"))
        #expect(svg.components(separatedBy: "class=\"chart-part\"").count - 1 == 4, "the zero part draws no segment")
        #expect(svg.contains(">延期 0项 0%</text>"), "but stays in the legend")
        #expect(svg.contains("class=\"chart-part-value\">23</text>") && !svg.contains("class=\"chart-part-value\">1</text>"))
        let single = Self.cases["donut-single"]!
        #expect(single.contains("<path d=\"M130,10 A120,120 0 0 1 130,250 L130,198 A68,68 0 0 0 130,62 Z M130,250 A120,120 0 0 1 130,10"))
        #expect(Self.cases["donut-zero"]!.contains("class=\"chart-empty-ring\"") && Self.cases["donut-zero"]!.contains(">暂无数据</text>"))
        #expect(Self.cases["donut-empty"]!.contains("<desc id=\"c12-desc\">暂无数据</desc>"))
        let long = Self.cases["donut-long-label"]!
        #expect(long.contains(">中共筑南市溪山区青溪…</text>") && long.contains(">2个 2%</text>"), "a long name puts its figures on a second line")
        #expect(long.contains(">社会组织 97个 97%</text>"))
    }

    @Test func chartsNeedNoInlineStyleOrScriptAndRepeatByteForByte() {
        for (name, svg) in Self.cases {
            #expect(!svg.contains("style=") && !svg.contains("<style") && !svg.contains("<script"), "\(name)")
        }
        let again = DonutChart(
            id: "c11", title: "承诺事项状态", slices: zip(Self.statuses, [14, 23, 3, 0, 1]).map { .init(label: $0, value: $1) }, unit: "项"
        ).svg
        #expect(again == Self.cases["donut-status"])
        #expect(ChartKey.coordinate(-0.04) == "0" && ChartKey.coordinate(12.25) == "12.3" && ChartKey.coordinate(-3.5) == "-3.5")
    }
}
