import Foundation
import GongshiKit
import Testing

@testable import GongshiPreview

@Suite("Preview builds that fail for a reason other than content")
struct PreviewFailureTests {
    /// A theme whose page template links to a page that does not exist: the content checks out, but the site is
    /// refused when its links are verified.
    @Test func aWriteFailureIsShownAsSuchNotAsZeroErrors() async throws {
        let site = try PreviewSite([
            "site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a"),
            "content/disclosures/d.md": Sample.disclosure("d", scope: "党内公开"),
            "content/pages/p.md": "---\nid: p\ntitle: 关于\n---\n正文。\n",
        ])
        defer { site.remove() }
        let templates = site.root.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: PreviewSite.templates, to: templates)
        let page = templates.appendingPathComponent("page.mustache")
        let text = try String(contentsOf: page, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "{{$main}}", with: "{{$main}}<a href=\"no-such-page/\">坏链接</a>").utf8).write(to: page)
        let builder = PreviewBuilder(
            sourceDirectory: site.root, templatesDirectory: templates, asOf: PreviewSite.asOf,
            siteDirectory: site.root.appendingPathComponent("preview/site"))
        let state = await builder.rebuild()
        #expect(state.writeFailure != nil, "\(state.diagnostics.map(\.description))")
        #expect(!state.diagnostics.hasErrors)
        #expect(state.showsErrorPage)
        let html = ErrorPage.html(diagnostics: state.diagnostics, failure: state.writeFailure)
        #expect(!html.contains("0 个错误"))
        #expect(html.contains("网站未能生成（不是内容的错误）"))
        #expect(html.contains("内容检查没有发现错误（1 个警告）"))
        #expect(html.contains("警告：未发布 1 条"))
    }
}
