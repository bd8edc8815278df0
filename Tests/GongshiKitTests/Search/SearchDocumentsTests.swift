import Foundation
import Testing

@testable import GongshiKit

/// What a built site's search index holds: the public names its pages show, and nothing of what is not published.
@Suite("Search documents of a built site")
struct SearchDocumentsTests {
    /// A site whose names are written only in front matter, never in a body; and two unpublishable disclosures
    /// whose every field holds the unique characters 犇骉.
    static func site() throws -> TestSite {
        try TestSite([
            "site.yaml": Sample.site,
            "content/branches/a.md": Sample.branch("a", extra: "secretary: 王芳\naddress: 青溪路88号\nvenue: 党群服务中心活动室"),
            "content/promises/p1.md": Sample.promise("p1", items: [("进行中", "2026-12-31", nil, "等待楼栋意见汇总")])
                .replacingOccurrences(of: "role: 在职党员", with: "role: 在职党员\npost: 邻里互助岗"),
            "content/examples/e1.md":
                "---\nid: e1\ntitle: 近百家门\nbranch: a\ndate: 2026-06-01\npeople: [赵德顺, 钱小梅]\nhonors: [区级优秀共产党员]\n---\n入户走访。\n",
            "content/disclosures/d1.md":
                "---\nid: d1\nbranch: a\ntitle: 三季度党费\ncategory: 党费管理\nscope: 社会公开\npublished: 2026-03-10\n"
                + "reviewed: {by: 组织委员 孙丽华, date: 2026-03-01}\napproved: {by: 书记 周建国, date: 2026-03-02}\n"
                + "feedback: 社区党群服务中心意见箱\n---\n正文。\n",
            "content/disclosures/secret.md":
                "---\nid: secret\nbranch: a\ntitle: 犇骉标题\ncategory: 党费管理\nscope: 党内公开\npublished: 2026-03-10\n"
                + "reviewed: {by: 委员 犇骉, date: 2026-03-01}\napproved: {by: 书记 犇骉, date: 2026-03-02}\nperiod: 犇骉期间\n"
                + "feedback: 犇骉信箱\n---\n犇骉正文。\n",
            "content/disclosures/pending.md":
                "---\nid: pending\nbranch: a\ntitle: 犇骉待批\ncategory: 党费管理\nscope: 社会公开\npublished: 2026-03-10\n"
                + "reviewed: {by: 委员 犇骉, date: 2026-03-01}\nfeedback: 犇骉信箱\n---\n犇骉正文。\n",
        ])
    }

    static func search(_ site: TestSite) throws -> ReferenceSearch {
        let files = site.outputFiles().filter { $0.hasPrefix("search/") && $0.hasSuffix(".json") }
        return try ReferenceSearch(files.map { RenderedPage(path: $0, contents: try Data(contentsOf: site.output.appendingPathComponent($0))) })
    }

    @Test func publicNamesFindTheirRecords() throws {
        let site = try Self.site()
        let outcome = try site.build()
        #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
        let search = try Self.search(site)
        func urls(_ query: String) throws -> [String] { try search.page(query).documents.map(\.url) }
        // The secretary, with or without 书记 and in either order.
        for query in ["王芳", "王芳书记", "书记王芳", "王芳 书记"] { #expect(try urls(query).first == "branches/a/", "\(query)") }
        #expect(try urls("青溪路88号") == ["branches/a/"] && urls("党群服务中心活动室") == ["branches/a/"])
        // A promise's post and item notes, an example's people and honours, a disclosure's reviewer, approver,
        // category and feedback channel.
        #expect(try urls("邻里互助岗") == ["promises/p1/"] && urls("楼栋意见") == ["promises/p1/"])
        #expect(try urls("钱小梅") == ["examples/e1/"] && urls("优秀共产党员") == ["examples/e1/"])
        #expect(try urls("孙丽华") == ["disclosures/d1/"] && urls("周建国书记") == ["disclosures/d1/"])
        #expect(try urls("意见箱") == ["disclosures/d1/"])
        // What a result shows holds the name, so it can be highlighted.
        #expect(try search.page("王芳").documents.first?.text.hasPrefix("书记 王芳") == true)
    }

    @Test func unpublishedRecordsGiveNoTokenAtAll() throws {
        let site = try Self.site()
        _ = try site.build()
        let search = try Self.search(site)
        #expect(try search.hits("犇骉").isEmpty && search.hits("犇").isEmpty)
        for token in ["犇", "骉", "犇骉"] { #expect(try search.postings(token) == nil, "\(token)") }
        for path in site.outputFiles() {
            let text = String(decoding: try Data(contentsOf: site.output.appendingPathComponent(path)), as: UTF8.self)
            #expect(!text.contains("犇") && !text.contains("骉"), "\(path)")
        }
    }
}
