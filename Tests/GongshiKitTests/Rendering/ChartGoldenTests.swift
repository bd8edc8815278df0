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
    ]

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
}
