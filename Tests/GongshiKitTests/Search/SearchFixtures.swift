@testable import GongshiKit

/// Small hand-written corpora for the search tests.
enum SearchFixtures {
    static func document(
        _ id: String, _ kind: String = "公开", title: String, text: String, date: String, branch: String = "a", year: Int? = nil
    ) -> SearchDocument {
        let names = ["a": "金桥社区党支部", "b": "水口村党支部"]
        let folder = ["承诺": "promises", "公开": "disclosures", "典型": "examples", "支部": "branches"][kind]!
        return SearchDocument(
            id: id, kind: kind, title: title, text: text, url: "\(folder)/\(id)/", branchID: branch, branchName: names[branch]!,
            date: Day(date)!, year: year)
    }

    /// Matches for 「党费」: d1 (title), d2 and d7 (body); d6 writes the two characters apart, so it is no match.
    /// Matches for 「环境卫生」: the phrase in d5 (title) and d3 (body); d4 has 环境 and 卫生 apart (in its title), d8
    /// all three bigrams (环境, 境卫, 卫生) apart: both match, after the phrases once the page's texts are checked.
    static let corpus = [
        document("d1", title: "2026年第三季度党费收缴情况公示", text: "本支部应交党费1200元，实交1200元。", date: "2026-10-08"),
        document("d2", title: "十一月主题党日活动安排", text: "会上通报了党费使用情况。", date: "2026-11-01", branch: "b"),
        document("d3", "承诺", title: "张三2026年承诺书", text: "每月组织一次环境卫生清理。", date: "2026-02-01", year: 2026),
        document("d4", title: "环境和卫生", text: "做好环境整治和卫生工作，卫生环境良好。", date: "2026-05-01"),
        document("d5", "典型", title: "环境卫生整治先进事迹", text: "李四带头清理垃圾。", date: "2025-06-01", branch: "b"),
        document("d6", title: "党、费用说明", text: "党 费 分开写不算。", date: "2026-09-09"),
        document("d7", "支部", title: "金桥社区党支部", text: "按时交纳党费，2026年Q3党费已公示。", date: "2026-03-01"),
        document("d8", title: "村容村貌", text: "环境优美。境卫两字。卫生达标。", date: "2026-04-01", branch: "b"),
    ]
}
