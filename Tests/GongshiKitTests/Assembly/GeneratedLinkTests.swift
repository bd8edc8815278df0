import Foundation
import Testing

@testable import GongshiKit

/// Body links into the folders gongshi generates (open data, statistics files, assets, feeds, the search index, an
/// organisation's statistics) are judged by `check` against the files the renderer names; targets are
/// percent-decoded as a browser decodes them, and a link written with `\` is an error that says to use `/`.
@Suite("Links into generated folders")
struct GeneratedLinkTests {
    static let brokenGenerated = [
        ("../../data/nosuch.csv", "data/"), ("../../assets/nosuch.css", "assets/"), ("../../stats/nosuch.csv", "stats/"),
        ("../../search/nosuch/", "search/"), ("../../feeds/nosuch.png", "feeds/"), ("../../branches/a/stats/nosuch.csv", "branches/a/stats/"),
        ("../../data/branches.CSV", "data/"), ("../../stats/definitions/nosuch.json", "stats/definitions/"),
        ("../../search/shards/99999.json", "search/shards/"),
    ]

    @Test(arguments: brokenGenerated)
    func aMisspeltGeneratedFileIsAContentError(_ link: String, _ folder: String) throws {
        let site = try BuildEndToEndTests.smallSite()
        try BodyLinkCheckerTests.setBody("本站说明。\n\n第二行\n见[数据](\(link))。\n", of: "content/pages/about.md", in: site)
        let errors = site.check().filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        let error = try #require(errors.first)
        #expect(error.path == "content/pages/about.md" && error.line == 8, "\(error)")
        #expect(error.message.contains("「\(link)」") && error.message.contains(folder), "\(error.message)")
        let outcome = try site.build()
        #expect(outcome.hasErrors && outcome.publish == nil)
    }

    @Test func theCommandExitsOneWithContentErrors() throws {
        let site = try BuildEndToEndTests.smallSite()
        try BodyLinkCheckerTests.setBody("本站说明。\n\n[数据](../../data/nosuch.csv)\n", of: "content/pages/about.md", in: site)
        let report = site.root.appendingPathComponent("report.json")
        let run = try CommandLineTests.run([
            "build", "--source", site.root.path, "--output", site.output.path, "--templates", TestSite.templates.path, "--as-of", "2026-11-21",
            "--report", report.path,
        ])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("content/pages/about.md:7: error:"), "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        #expect(json["status"] as? String == "content-errors")
    }

    @Test func generatedAndPercentEncodedLinksThatExistPass() throws {
        let site = try BuildEndToEndTests.smallSite()
        let body = """
            本站说明。

            [a](../../data/branches.csv) [b](../../data/promise-items.json) [c](../../stats/stats.json) [d](../../stats/indicators.csv)
            [e](../../search/meta.json) [f](../../branches/a/stats/stats.json) [g](../../feeds/disclosures.xml) [h](../../assets/site.css)
            [i](../../pages/abou%74/) [j](%2e%2e/%2e%2e/pages/about/) [k](../../stats/schema.json)
            [m](../../%70ages/about/index.html) [n](../../stats/definitions/)
            """
        try BodyLinkCheckerTests.setBody(body, of: "content/pages/about.md", in: site)
        #expect(site.check().filter { $0.severity == .error } == [])
        let outcome = try site.build()
        #expect(outcome.publish != nil, "\(outcome.diagnostics)")
    }

    @Test(arguments: ["..\\..\\pages\\nosuch", "..\\..\\pages\\about\\index.html", "..\\..\\data\\branches.csv", "sub\\photo.jpg"])
    func aBackslashLinkSaysToUseSlashes(_ link: String) throws {
        let site = try BuildEndToEndTests.smallSite()
        try BodyLinkCheckerTests.setBody("正文。\n\n[关于](\(link))\n", of: "content/disclosures/d1.md", in: site)
        let errors = site.check().filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        let error = try #require(errors.first)
        #expect(error.line == (try BodyLinkCheckerTests.line(of: "[关于]", in: "content/disclosures/d1.md", site)))
        #expect(error.message.contains("反斜杠") && error.message.contains("/"), "\(error.message)")
        #expect(!error.message.contains("attachments/1."), "a garbled suggestion: \(error.message)")
    }

    @Test func anAttachmentHintOnlyShowsAPlainExtension() {
        #expect(BodyLinkChecker.extensionHint("照片.jpg") == "jpg")
        #expect(BodyLinkChecker.extensionHint("....\\pages\\nosuch") == "pdf")
        #expect(BodyLinkChecker.extensionHint("a.tar.gz") == "gz")
    }

    @Test func percentEncodedSegmentsResolveAsABrowserReadsThem() {
        #expect(LinkVerifier.resolve("../../pages/guan%79u/", from: "pages/a/index.html", baseURL: "https://e.org/") == "pages/guanyu/")
        #expect(LinkVerifier.resolve("%2e%2e/%2E%2E/pages/guanyu/", from: "pages/a/index.html", baseURL: "https://e.org/") == "pages/guanyu/")
        #expect(LinkVerifier.resolve("../%E9%99%84%E4%BB%B6.pdf", from: "pages/a/index.html", baseURL: "https://e.org/") == "pages/附件.pdf")
    }
}
