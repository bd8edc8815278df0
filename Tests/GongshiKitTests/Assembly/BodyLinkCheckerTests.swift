import Foundation
import Testing

@testable import GongshiKit

/// A body link or image that points inside the site at something it will not have is a content error of `check`,
/// on the link's line, and never reaches the publisher's final link check.
@Suite("Links in bodies")
struct BodyLinkCheckerTests {
    /// The 1-based line of the first line of `file` in `site` holding `text`.
    static func line(of text: String, in file: String, _ site: TestSite) throws -> Int {
        let lines = try String(contentsOf: site.root.appendingPathComponent(file), encoding: .utf8).components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.contains(text) }) + 1
    }

    static let broken: [(file: String, body: String, link: String, says: String)] = [
        ("content/disclosures/d1.md", "正文。\n\n说明见下图：\n![现场照片](附件/照片.jpg)\n", "附件/照片.jpg", "源目录中没有这个文件"),
        ("content/disclosures/d1.md", "正文。\n\n附件：[明细表](明细表.pdf)。\n", "明细表.pdf", "attachments/1.pdf"),
        ("content/pages/about.md", "本站说明。\n\n另见[办事指南](../banshi-zhinan/)。\n", "../banshi-zhinan/", "id 是否写对"),
        // An unpublished item's page does not exist on the public site.
        ("content/pages/about.md", "本站说明。\n\n第二行\n第三行 [内部通知](../../disclosures/secret/)\n", "../../disclosures/secret/", "是否会发布"),
        ("content/examples/e1.md", "第一段。\n\n![图](photo.png)\n", "photo.png", "相对于 content/examples/e1.md 所在目录"),
        ("content/branches/b.md", "简介。\n\n[关于](/pages/about/)\n", "/pages/about/", "不要以 / 开头"),
        ("content/promises/p1.md", "承诺书正文。\n\n![签名](签名.jpg)\n", "签名.jpg", "照片要放在源目录之内"),
        ("content/pages/about.md", "本站说明。\n\n见[附件][1]。\n\n[1]: files/a.pdf\n", "files/a.pdf", "只有党务公开事项"),
    ]

    /// Rewrites the body of `file` in `site`, keeping its front matter.
    static func setBody(_ body: String, of file: String, in site: TestSite) throws {
        let url = site.root.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let parts = text.components(separatedBy: "\n---\n")
        try site.write(file, parts[0] + "\n---\n" + body)
    }

    @Test(arguments: 0..<broken.count)
    func aBrokenBodyLinkIsAContentErrorOnItsLine(_ index: Int) throws {
        let (file, body, link, says) = Self.broken[index]
        let site = try BuildEndToEndTests.smallSite()
        try Self.setBody(body, of: file, in: site)
        let errors = site.check().filter { $0.severity == .error }
        let line = try Self.line(of: link == "files/a.pdf" ? "[附件][1]" : link, in: file, site)
        #expect(errors.count == 1, "\(errors)")
        let error = try #require(errors.first)
        #expect(error.path == file)
        #expect(error.line == line)
        #expect(error.message.contains("「\(link)」") && error.message.contains(says), "\(error.message)")
        // The build stops with the same content error before writing anything (not a failed publish).
        let outcome = try site.build()
        #expect(outcome.hasErrors)
        #expect(outcome.publish == nil)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func theCommandExitsOneAndTheReportSaysContentErrors() throws {
        let site = try BuildEndToEndTests.smallSite()
        try Self.setBody("正文。\n\n![现场照片](附件/照片.jpg)\n", of: "content/disclosures/d1.md", in: site)
        let report = site.root.appendingPathComponent("report.json")
        let run = try CommandLineTests.run([
            "build", "--source", site.root.path, "--output", site.output.path, "--templates", TestSite.templates.path, "--as-of", "2026-11-21",
            "--report", report.path,
        ])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("content/disclosures/d1.md:13: error: 正文中的图片「附件/照片.jpg」"), "\(run.stderr)")
        #expect(!run.stderr.contains("%E9"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        #expect(json["status"] as? String == "content-errors")
        #expect(json["exitCode"] as? Int == 1)
    }

    @Test func linksThatWillExistPass() throws {
        let site = try BuildEndToEndTests.smallSite()
        try site.write("content/disclosures/附件/明细表.pdf", "%PDF-1.4\n")
        let d1 = try String(contentsOf: site.root.appendingPathComponent("content/disclosures/d1.md"), encoding: .utf8)
        let body = """
            正文。

            [明细表](attachments/1.pdf) [另一项](../d2/) [关于](../../pages/about/) [统计](../../stats/) [数据](../../data/branches.csv)
            [搜索](../../search/) [组织](../../branches/b/) [海报](../../branches/b/print/) [首页](../../) [本页](./) [锚点](#top)
            [外站](https://www.gov.cn/) [邮件](mailto:office@example.org) [绝对](https://example.org/site/pages/about/)
            [组织统计](../../branches/root/stats/) [订阅](../../feeds/disclosures.xml) [类别](../category/qita/) [引用][r]

            [r]: ../../promises/p1/
            """
        try site.write(
            "content/disclosures/d1.md",
            d1.replacingOccurrences(of: "---\n正文。", with: "attachments:\n  - {file: 附件/明细表.pdf, title: 明细表}\n---\n" + body))
        #expect(site.check().filter { $0.severity == .error } == [])
        let outcome = try site.build()
        #expect(outcome.publish != nil, "\(outcome.diagnostics)")
    }

    @Test func anUnpublishedItemsLinksAreNotChecked() throws {
        let site = try BuildEndToEndTests.smallSite()
        try Self.setBody("![照片](附件/照片.jpg)\n", of: "content/disclosures/secret.md", in: site)
        #expect(site.check().filter { $0.severity == .error } == [])
    }

    @Test func linkTargetsCarryTheirLines() {
        let links = MarkdownRenderer.linkTargets("第一行\n\n第三行 [a](x/)\n第四行 ![b](y.jpg)\n\n# 标题 [c](../z/)\n")
        #expect(
            links == [
                BodyLink(url: "x/", line: 3, isImage: false), BodyLink(url: "y.jpg", line: 4, isImage: true, text: "b"),
                BodyLink(url: "../z/", line: 6, isImage: false),
            ])
        #expect(MarkdownRenderer.linkTargets("没有链接的正文 [方括号] (圆括号)").isEmpty)
    }

    @Test func thePublishersMessageShowsTheLinkAsWritten() {
        let page = RenderedPage(path: "disclosures/d1/index.html", text: "<img src=\"%E9%99%84%E4%BB%B6/%E7%85%A7%E7%89%87.jpg\">")
        #expect(LinkCollector.brokenLinks(in: page, files: [], baseURL: "https://e.org/") == ["disclosures/d1/index.html → 附件/照片.jpg"])
    }
}
