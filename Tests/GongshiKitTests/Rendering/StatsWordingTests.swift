import Foundation
import Testing

@testable import GongshiKit

/// The statistics pages speak to residents: every rate says what its two counts are, and file formats are described
/// only on the definitions and open-data page.
@Suite("Statistics wording")
struct StatsWordingTests {
    /// The text a reader sees: tags removed (attribute values such as `href="x.csv"` are not read out).
    static func visibleText(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }

    @Test func everyRatioIndicatorSaysWhatItCounts() {
        #expect(Indicator.fulfilment.meaning(of: Rate(14, of: 19)) == "19 项中已兑现 14 项")
        #expect(Indicator.overdue.meaning(of: Rate(2, of: 19)) == "19 项中已逾期 2 项")
        #expect(Indicator.liuyou.meaning(of: Rate(3, of: 4)) == "填报自评的 4 个组织中已达标 3 个")
        #expect(Indicator.timeliness.meaning(of: Rate(6, of: 8)) == "应公开的 8 个季度中已公开 6 个")
        #expect(Indicator.reviewApproval.meaning(of: Rate(40, of: 45)) == "45 票中满意和基本满意 40 票")
        #expect(Indicator.fulfilment.meaning(of: Rate(0, of: 0)) == "暂无应兑现的事项")
        #expect(Indicator.progressCoverage.meaning(of: Rate(9, of: 12)) == "进行中或已有结果的 12 项中有践诺记录的 9 项")
        // The targets' units differ, so their sum is said without one.
        #expect(Indicator.targetCompletion.meaning(of: Rate(23, of: 40)) == "量化目标合计 40 中已完成 23")
        #expect(Indicator.outcomePublication.meaning(of: Rate(1, of: 3)) == "公示期已过的 3 项中已公开结果的 1 项")
        #expect(Indicator.topicNoticePeriod.meaning(of: Rate(2, of: 3), topic: "发展党员") == "发展党员的 3 项中公示期达标的 2 项")
        #expect(Indicator.topicNoticePeriod.meaning(of: Rate(0, of: 0), topic: "发展党员") == "暂无发展党员的事项")
        for indicator in Indicator.allCases {
            let words = indicator.meaning(of: Rate(7, of: 9))
            #expect(indicator.ratioWords == nil ? words.isEmpty : words.contains("9 ") && words.contains(" 7") && words.contains("中"), "\(indicator)")
            #expect(!indicator.definition.contains("÷"), "\(indicator)")
        }
        #expect(IndicatorValue.ratio(Rate(14, of: 19)).detail(for: .fulfilment) == "19 项中已兑现 14 项")
        #expect(IndicatorValue.figure(90).detail(for: .satisfaction).isEmpty)
    }

    @Test func statisticsPagesShowRatesInWordsAndNoFileFormats() throws {
        let site = try BuildEndToEndTests.smallSite()
        let outcome = try site.build()
        #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
        // 2026: 已兑现 1; 应兑现 also the overdue item and the 未兑现 one.
        for path in ["stats/index.html", "branches/root/stats/index.html", "branches/a/stats/index.html"] {
            let text = Self.visibleText(try site.page(path))
            #expect(text.contains("3 项中已兑现 1 项"), "\(path)")
            for word in ["÷", "BOM", "stats.json", "indicators.csv", "CSV", "csv", "UTF-8", "JSON"] {
                #expect(!text.contains(word), "\(path) shows \(word)")
            }
            #expect(text.contains("下载数据") && text.contains("下载本表数据"), "\(path)")
        }
        #expect(try site.page("stats/index.html").contains("填报自评的 2 个组织中已达标 1 个"))
        #expect(Self.visibleText(try site.page("index.html")).contains("3 项中已兑现 1 项"))
        // The download link leads to the page that describes the files.
        #expect(try site.page("stats/index.html").contains("stats/definitions/#h-files\">下载数据</a>"))
        #expect(try site.page("branches/a/stats/index.html").contains("stats/definitions/#h-files\">下载数据</a>"))
        let definitions = Self.visibleText(try site.page("stats/definitions/index.html"))
        for word in ["带 BOM 的 UTF-8", "stats.json", "indicators.csv", "CSV"] { #expect(definitions.contains(word), "definitions lack \(word)") }
        // The open data keep the numbers.
        let csv = try site.page("stats/indicators.csv")
        #expect(csv.contains("fulfilment,承诺兑现率,1,3,"), "\(csv)")
    }
}
