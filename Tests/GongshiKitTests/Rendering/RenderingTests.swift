import Foundation
import Testing

@testable import GongshiKit

@Suite("Markdown, templates and charts")
struct RenderingTests {
    @Test func rawHTMLAndDangerousLinksAreNeutralised() {
        let html = MarkdownRenderer.html("段落<script>alert(1)</script>\n\n<div onclick=\"x()\">块</div>\n\n[点我](javascript:alert(1)) [图](data:text/html,x)")
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("data:text/html"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func markdownRendersHeadingsListsAndFirstParagraph() {
        let (html, first) = MarkdownRenderer.htmlAndFirstParagraph("## 标题\n\n第一段**加粗**，\n续行。\n\n- 一\n- 二\n")
        #expect(html.contains("<h2>标题</h2>"))
        #expect(html.contains("<li>一</li>"))
        #expect(first == "第一段加粗，续行。")
    }

    @Test func everyFrontMatterValueIsEscapedInPages() throws {
        let hostile = "<script>alert('x')</script>\"&"
        let quoted = "'\(hostile.replacingOccurrences(of: "'", with: "''"))'"
        let site = try TestSite([
            // The same hostile name reviews and approves: allowed here, so the pages are built.
            "site.yaml":
                "title: \(quoted)\nbase_url: https://example.org/\norganizer: \(quoted)\ncontact: \(quoted)\nicp: \(quoted)\n"
                + "procedure: {allow_same_reviewer_approver: true}\n",
            "content/branches/a.md":
                "---\nid: a\nname: \(quoted)\ntype: 党支部\nfield: 农村\nsecretary: \(quoted)\naddress: \(quoted)\nphone: \(quoted)\nvenue: \(quoted)\nratings:\n  - {year: 2025, satisfaction: 90, respondents: 10, grade: \(quoted)}\n---\n",
            "content/promises/p.md":
                "---\nid: p\nbranch: a\nyear: 2026\npromiser: \(quoted)\nrole: 书记\npost: \(quoted)\npublished: 2026-01-01\nitems:\n  - {text: \(quoted), service: 服务民生, due: 2026-03-01, status: 延期, note: \(quoted)}\nreview: {date: 2026-02-01, method: \(quoted), votes: {满意: 1}}\n---\n",
            "content/disclosures/d.md":
                "---\nid: d\nbranch: a\ntitle: \(quoted)\ncategory: 其他\nscope: 社会公开\npublished: 2026-03-10\nreviewed: {by: \(quoted), date: 2026-03-01}\napproved: {by: \(quoted), date: 2026-03-02}\nperiod: \(quoted)\nfeedback: \(quoted)\n---\n",
            "content/examples/e.md":
                "---\nid: e\ntitle: \(quoted)\nbranch: a\ndate: 2026-01-01\npeople: [\(quoted)]\nhonors: [\(quoted)]\nsummary: \(quoted)\n---\n",
            "content/pages/x.md": "---\nid: x\ntitle: \(quoted)\n---\n",
        ])
        let outcome = try site.build()
        #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
        for path in site.outputFiles() where path.hasSuffix(".html") {
            let text = try site.page(path)
            #expect(!text.contains("<script>"), "unescaped value in \(path)")
            #expect(!text.contains("alert('x')"), "unescaped quote in \(path)")
        }
        #expect(try site.page("disclosures/d/index.html").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;"))
    }

    @Test func barChartIsAccessibleAndEscaped() {
        let chart = BarChart(id: "c", title: "标题<&>", tallies: [Tally(label: "党费管理", count: 3), Tally(label: "<b>", count: 0)]).svg
        #expect(chart.contains("role=\"img\" aria-labelledby=\"c-title c-desc\""))
        #expect(chart.contains("<title id=\"c-title\">标题&lt;&amp;&gt;</title>"))
        #expect(chart.contains("<desc id=\"c-desc\">党费管理 3；&lt;b&gt; 0</desc>"))
        // Label column: 4 characters × 27 + 16 = 124; the largest value fills the rest: 600 − 124 − 96 = 380.
        #expect(chart.contains("<rect x=\"124\" y=\"4\" width=\"380\""))
        #expect(chart.contains("width=\"0\""))
        #expect(chart == BarChart(id: "c", title: "标题<&>", tallies: [Tally(label: "党费管理", count: 3), Tally(label: "<b>", count: 0)]).svg)
    }

    @Test func emptyChartSaysSo() {
        #expect(BarChart(id: "e", title: "空", tallies: []).svg.contains("暂无数据"))
    }

    @Test func templateSyntaxErrorsAreReportedWithFileAndLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestSite.templates, to: dir)
        try Data("<p>\n{{#frame}}\n".utf8).write(to: dir.appendingPathComponent("page.mustache"))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("404.mustache"))
        let (library, diagnostics) = TemplateLibrary.load(from: dir)
        #expect(library == nil)
        #expect(diagnostics.contains { $0.path == "templates/page.mustache" && $0.severity == .error })
        #expect(diagnostics.contains { $0.path == "templates/404.mustache" && $0.message.contains("缺少模板") })
    }
}

@Suite("Heading levels")
struct HeadingLevelTests {
    @Test func bodiesInsideSectionsStartOneLevelLower() {
        #expect(MarkdownRenderer.html("# 一\n\n## 二\n\n###### 六", headingOffset: 1) == "<h2>一</h2>\n<h3>二</h3>\n<h6>六</h6>\n")
        #expect(MarkdownRenderer.html("## 二") == "<h2>二</h2>\n")
    }
}
