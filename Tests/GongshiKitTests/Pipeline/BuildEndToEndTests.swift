import Foundation
import Testing

@testable import GongshiKit

@Suite("Building whole sites")
struct BuildEndToEndTests {
    /// A three-level tree with mixed promises and every kind of disclosure.
    static func smallSite() throws -> TestSite {
        try TestSite([
            "site.yaml": Sample.site + "\ncategories: [乡村振兴]\n",
            "content/branches/root.md": Sample.branch(
                "root", extra: "members: 5\nliuyou: {领导班子: true, 骨干队伍: true, 服务场所: true, 服务载体: true, 制度机制: true, 服务业绩: true}"),
            "content/branches/a.md": Sample.branch("a", parent: "root", extra: "members: 30\nratings:\n  - {year: 2025, satisfaction: 90, respondents: 100}"),
            "content/branches/b.md": Sample.branch(
                "b", parent: "a", field: "农村",
                extra:
                    "members: 12\nliuyou: {领导班子: true, 骨干队伍: false, 服务场所: true, 服务载体: true, 制度机制: true, 服务业绩: true}\nratings:\n  - {year: 2025, satisfaction: 80, respondents: 300}"
            ),
            "content/promises/p1.md": Sample.promise(
                "p1",
                items: [
                    ("已兑现", "2026-05-01", "2026-04-20", nil), ("进行中", "2026-10-01", nil, nil), ("进行中", "2026-12-31", nil, nil),
                ]),
            "content/promises/p2.md": Sample.promise("p2", branch: "b", items: [("未兑现", "2026-06-30", nil, "资金未到位"), ("延期", "2026-12-31", nil, "施工推迟")]),
            "content/promises/old.md": Sample.promise("old", year: 2025, items: [("已兑现", "2025-06-30", "2025-06-01", nil)]),
            "content/disclosures/d1.md": Sample.disclosure("d1", category: "党费管理"),
            "content/disclosures/d2.md": Sample.disclosure("d2", branch: "b", published: "2026-04-02", category: "乡村振兴"),
            "content/disclosures/secret.md": Sample.disclosure("secret", scope: "党内公开", title: "INTERNAL-MARK-1", body: "INTERNAL-MARK-1 正文"),
            "content/disclosures/pending.md": Sample.disclosure("pending", approved: false, title: "PENDING-MARK-2", body: "PENDING-MARK-2 正文"),
            "content/disclosures/future.md": Sample.disclosure("future", title: "FUTURE-MARK-3", published: "2026-12-01"),
            "content/examples/e1.md": "---\nid: e1\ntitle: 近百家门\nbranch: b\ndate: 2026-06-01\nservice: 服务群众\n---\n第一段**摘要**。\n\n第二段。\n",
            "content/pages/about.md": "---\nid: about\ntitle: 关于本站\n---\n本站说明。\n",
        ])
    }

    @Test func everyExpectedPageExists() throws {
        let site = try Self.smallSite()
        let outcome = try site.build()
        #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
        let files = Set(site.outputFiles())
        let expected = [
            "index.html", "404.html", "sitemap.xml", "assets/site.css",
            "branches/index.html", "branches/root/index.html", "branches/a/index.html", "branches/b/index.html",
            "promises/index.html", "promises/p1/index.html", "promises/p2/index.html", "promises/old/index.html",
            "promises/by-branch/a/index.html", "promises/by-branch/b/index.html",
            "disclosures/index.html", "disclosures/d1/index.html", "disclosures/d2/index.html",
            "disclosures/category/dangfei-guanli/index.html", "disclosures/category/custom-1/index.html",
            "examples/index.html", "examples/e1/index.html", "stats/index.html", "pages/about/index.html",
        ]
        for path in expected { #expect(files.contains(path), "missing \(path)") }
        #expect(!files.contains("disclosures/secret/index.html"))
        #expect(!files.contains("disclosures/pending/index.html"))
        #expect(!files.contains("disclosures/future/index.html"))
    }

    @Test func internalLinksResolve() throws {
        let site = try Self.smallSite()
        _ = try site.build()
        #expect(LinkChecker.brokenLinks(in: site.output, baseURL: "https://example.org/site/") == [])
    }

    @Test func unpublishableItemsLeaveNoTrace() throws {
        let site = try Self.smallSite()
        let outcome = try site.build()
        #expect(outcome.withheld.map(\.id) == ["future", "pending", "secret"])
        for path in site.outputFiles() {
            let data = try Data(contentsOf: site.output.appendingPathComponent(path))
            let text = String(decoding: data, as: UTF8.self)
            for marker in ["INTERNAL-MARK-1", "PENDING-MARK-2", "FUTURE-MARK-3", "disclosures/secret", "disclosures/pending"] {
                #expect(!text.contains(marker) && !path.contains(marker), "\(marker) leaked into \(path)")
            }
        }
        // Counts exclude them too: 2 published disclosures.
        let stats = try site.page("stats/index.html")
        #expect(stats.contains("<strong class=\"figure-value\">2 项</strong>"))
    }

    @Test func statisticsPageShowsHandComputedFigures() throws {
        let site = try Self.smallSite()
        _ = try site.build()
        let stats = try site.page("stats/index.html")
        // 2026 items: p1 已兑现, 进行中 overdue (due 10-01), 进行中 future; p2 未兑现, 延期 (due 12-31).
        // Assessable: 已兑现 + overdue + 未兑现 = 3; fulfilled 1 → 33.3%.
        #expect(stats.contains("<strong class=\"figure-value\">33.3%</strong> <span class=\"figure-note\">3 项中已兑现 1 项</span>"))
        #expect(stats.contains("<strong class=\"figure-value\">1 项</strong> <span class=\"figure-note\">进行中且已过期限</span>"))
        // 六有: root all six, b misses one → 1 of 2.
        #expect(stats.contains("<strong class=\"figure-value\">50%</strong> <span class=\"figure-note\">填报自评的 2 个组织中已达标 1 个</span>"))
        // Satisfaction: (90×100 + 80×300) ÷ 400 = 82.5.
        #expect(stats.contains("<strong class=\"figure-value\">82.5%</strong>"))
        // Members 5 + 30 + 12.
        #expect(stats.contains("党员合计 47 名"))
        #expect(stats.contains("<svg class=\"chart\" role=\"img\""))
    }

    @Test func pagesShowDerivedStatusesAndRecords() throws {
        let site = try Self.smallSite()
        _ = try site.build()
        let letter = try site.page("promises/p1/index.html")
        #expect(letter.contains("<span class=\"status status-overdue\">逾期</span>"))
        #expect(letter.contains("兑现于 2026-04-20"))
        let disclosure = try site.page("disclosures/d1/index.html")
        #expect(disclosure.contains("组织委员 王某"))
        #expect(disclosure.contains("书记 李某"))
        let example = try site.page("examples/index.html")
        #expect(example.contains("<p>第一段摘要。</p>"))
        let branch = try site.page("branches/a/index.html")
        #expect(branch.contains("含下级组织党员</dt><dd>42 名"))
        #expect(branch.contains("href=\"../../branches/b/\""))
        let home = try site.page("index.html")
        // The tree nests all three levels: b sits inside a's list, inside root's.
        let nested = #"<a href="branches/a/">a党支部</a> <span class="type">党支部，党员 30 名</span>\#n<ul class="tree">\#n<li><a href="branches/b/">b党支部</a>"#
        #expect(home.contains(nested))
        #expect(try site.page("promises/p1/index.html").contains("在职党员"))
        #expect(home.contains("<html lang=\"zh-CN\">"))
        #expect(home.contains("数据截至：<time datetime=\"2026-11-21\">2026年11月21日</time>"))
    }

    @Test func notFoundPageLinksThroughBaseURL() throws {
        let site = try Self.smallSite()
        _ = try site.build()
        let page = try site.page("404.html")
        #expect(page.contains("href=\"https://example.org/site/assets/site.css\""))
        #expect(page.contains("href=\"https://example.org/site/branches/\""))
        let sitemap = try site.page("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/site/disclosures/d1/</loc>"))
        #expect(!sitemap.contains("404"))
    }

    @Test func contentErrorsLeaveThePublishedSiteUntouched() throws {
        let site = try Self.smallSite()
        _ = try site.build()
        let before = try site.page("index.html")
        try site.write("content/branches/a.md", Sample.branch("a", extra: "members: 很多"))
        let outcome = try site.build()
        #expect(outcome.hasErrors)
        #expect(outcome.pagesWritten == 0)
        #expect(try site.page("index.html") == before)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("disclosures/d1/index.html").path))
    }

    @Test func removedContentDisappearsOnRebuild() throws {
        let site = try Self.smallSite()
        _ = try site.build()
        try site.remove("content/disclosures/d2.md")
        _ = try site.build()
        #expect(!site.outputFiles().contains("disclosures/d2/index.html"))
    }

    @Test func identicalInputGivesIdenticalBytes() throws {
        let site = try Self.smallSite()
        _ = try site.build()
        let first = try site.outputFiles().map { ($0, try Data(contentsOf: site.output.appendingPathComponent($0))) }
        _ = try site.build()
        let second = try site.outputFiles().map { ($0, try Data(contentsOf: site.output.appendingPathComponent($0))) }
        #expect(first.map(\.0) == second.map(\.0))
        #expect(first.map(\.1) == second.map(\.1))
    }

    @Test func theSampleSiteBuildsCleanly() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-sample-\(UUID().uuidString)")
        var options = BuildOptions(sourceDirectory: TestSite.repoRoot, outputDirectory: out, asOf: TestSite.asOf)
        options.cacheDirectory = out.deletingLastPathComponent().appendingPathComponent("\(out.lastPathComponent)-cache")
        let outcome = try SiteBuilder.build(options)
        #expect(outcome.diagnostics.errorCount == 0, "\(outcome.diagnostics)")
        #expect(outcome.withheld.count >= 4)
        #expect(Set(outcome.withheld.map(\.kind)) == [.disclosures, .promises, .examples])
        #expect(LinkChecker.brokenLinks(in: out, baseURL: "https://dangjian.example.org/qingxi/") == [])
        var bareTimes = 0
        let enumerator = FileManager.default.enumerator(atPath: out.path)
        while let path = enumerator?.nextObject() as? String {
            guard let data = FileManager.default.contents(atPath: out.appendingPathComponent(path).path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for marker in ["NEIBU-MARKER-7Q3", "DAISHEN-MARKER-5K8", "TIJIAO-MARKER-9R4", "CAOGAO-MARKER-2M6", "tijiao-zaizhi-2027", "caogao-zaizhi-baodao"] {
                #expect(!text.contains(marker) && !path.contains(marker), "\(marker) leaked into \(path)")
            }
            guard path.hasSuffix(".html") else { continue }
            // A <time> whose text is a valid date needs no datetime attribute repeating it (HTML's "valid date string").
            for time in text.matches(of: /<time( datetime="([^"]*)")?>([^<]*)<\/time>/) {
                if let attribute = time.2 {
                    #expect(attribute != time.3, "\(path): \(time.0) repeats its text as datetime")
                } else {
                    bareTimes += 1
                    #expect(time.3.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil, "\(path): \(time.0) is not a date without datetime")
                }
            }
        }
        #expect(bareTimes > 50, "dates on the sample's lists and pages are bare <time> elements")
    }

    @Test func feedsDiscoveryTagsAndRobots() throws {
        let site = try Self.smallSite()
        _ = try site.build()
        let feed = try site.page("feeds/disclosures.xml")
        #expect(feed.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 2, "only the two published disclosures")
        #expect(feed.contains("<id>https://example.org/site/disclosures/d1/</id>"))
        #expect(feed.contains("<updated>2026-04-02T00:00:00+08:00</updated>"))
        let branchFeed = try site.page("branches/b/feed.xml")
        #expect(branchFeed.contains("disclosures/d2/") && branchFeed.contains("examples/e1/") && branchFeed.contains("promises/p2/"))
        #expect(!branchFeed.contains("disclosures/d1/"))
        #expect(!branchFeed.contains("<content"), "an organisation's feed carries summaries; the bodies are in feeds/")
        #expect(feed.contains("<content type=\"html\">"))
        let home = try site.page("index.html")
        #expect(home.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"党务公开\" href=\"feeds/disclosures.xml\">"))
        #expect(home.contains("<meta property=\"og:title\" content=\"测试街道党务公开网\">"))
        let branch = try site.page("branches/a/index.html")
        #expect(branch.contains("<link rel=\"canonical\" href=\"https://example.org/site/branches/a/\">"))
        #expect(branch.contains("href=\"feed.xml\"") || branch.contains("href=\"../../branches/a/feed.xml\""))
        #expect(try site.page("robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://example.org/site/sitemap.xml\n")
        #expect(try site.page("sitemap.xml").contains("<loc>https://example.org/site/search/</loc>"))
        #expect(!(try site.page("sitemap.xml").contains("/print/")))
    }

    @Test func postersCarryQRCodesToAbsoluteURLs() throws {
        let site = try Self.smallSite()
        _ = try site.build()
        let poster = try site.page("branches/a/print/index.html")
        #expect(poster.components(separatedBy: "<svg xmlns=").count - 1 >= 3, "one for the organisation, the letter and the disclosure")
        #expect(poster.contains("数据截至 2026年11月21日"))
        #expect(poster.contains("<title>二维码：d1 公开事项</title>"))
        #expect(poster.contains("期限 2026-10-01"))
        #expect(!poster.contains("PENDING-MARK-2") && !poster.contains("INTERNAL-MARK-1"))
    }

    /// Fail closed: an unpublishable item's marker in its file name, id, title, body and every front-matter field
    /// reaches no output byte (pages, feeds, search JSON, sitemap, manifest, posters); nor do its photo (in `images`)
    /// and its body's image, of pixels no other photo has: not their names, not their bytes, not the names or bytes
    /// of the versions the image stage made of them. A published photo in the same site is found, so the scan sees
    /// photos.
    @Test(arguments: ["党内公开", "待审批", "公示期满"])
    func unpublishableMarkersReachNoOutputByte(kind: String) throws {
        let site = try Self.smallSite()
        try site.write("content/examples/照片/shown.jpg", TinyImages.redJPEG.data)
        try site.write(
            "content/examples/e1.md",
            "---\nid: e1\ntitle: 近百家门\nbranch: b\ndate: 2026-06-01\nservice: 服务群众\n"
                + "images:\n  - {file: 照片/shown.jpg, caption: 入户走访}\n---\n第一段**摘要**。\n\n第二段。\n")
        // The versions of the published photo, which the withheld item's must not be among.
        #expect(!(try site.build()).diagnostics.hasErrors)
        let photoCache = site.root.appendingPathComponent(".gongshi-cache/photos")
        let shownVersions = Set(TestSite.listFiles(under: photoCache))
        try site.write("content/disclosures/照片/zqxmark-photo.png", TinyImages.markerPNG.data)
        try site.write("content/disclosures/照片/zqxmark-body.jpg", TinyImages.markerJPEG.data)
        let approved = kind != "待审批" ? "approved: {by: 书记 ZQXMARK, date: 2026-03-02, org: a}\n" : ""
        let scope = kind == "党内公开" ? "党内公开" : "社会公开"
        // 公示期满: a 发展党员 notice whose period ended more than `retire_after_days` before the as-of date, with
        // every field of issue 15 written.
        let retired = kind == "公示期满"
        let until = retired ? "2026-03-16" : "2026-12-31"
        let topic =
            retired
            ? "topic: 发展党员\nproposed: {by: 党员 ZQXMARK, date: 2026-02-27}\nfollows: d1\n"
                + "outcome: {date: 2026-03-20, text: ZQXMARK 无异议, received: 0}\n" : ""
        if retired { try site.write("site.yaml", Sample.site + "\ncategories: [乡村振兴]\nnotice_rules:\n  发展党员: {retire_after_days: 30}\n") }
        try site.write(
            "content/disclosures/zqxmark-item.md",
            "---\nid: zqxmark-item\nbranch: a\ntitle: ZQXMARK 标题\ncategory: 党费管理\nscope: \(scope)\npublished: 2026-03-10\n"
                + "reviewed: {by: 委员 ZQXMARK, date: 2026-03-01}\n\(approved)cadence: 定期\nperiod: ZQXMARK-Q1\nuntil: \(until)\n"
                + "feedback: 电话 ZQXMARK\n\(topic)images:\n  - {file: 照片/zqxmark-photo.png, caption: 现场 ZQXMARK}\n"
                + "---\n正文 ZQXMARK，党费 ZQXMARK 明细。\n\n![图 ZQXMARK](照片/zqxmark-body.jpg)\n")
        let outcome = try site.build()
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
        #expect(outcome.withheld.map(\.id).contains("zqxmark-item"))
        let warnings = outcome.diagnostics.filter { $0.path == "content/disclosures/zqxmark-item.md" && $0.kind == .unpublished }
        #expect(warnings.count == 1, "warned once: \(warnings)")
        if retired { #expect(warnings.first?.message.contains("公示期结束已满 30 天，按 notice_rules 不再公开") == true) }
        // Whatever the stage made of the withheld photos (their versions, if it processes them), and the originals.
        let versions = Set(TestSite.listFiles(under: photoCache)).subtracting(shownVersions).filter { !$0.hasSuffix(".json") }
        var forbidden = [TinyImages.markerPNG.data, TinyImages.markerJPEG.data]
        forbidden += try versions.map { try Data(contentsOf: photoCache.appendingPathComponent($0)) }
        let forbiddenNames = versions.map { ($0 as NSString).lastPathComponent.lowercased() } + ["zqxmark-photo", "zqxmark-body"]
        let shown = try shownVersions.filter { !$0.hasSuffix(".json") }.map { try Data(contentsOf: photoCache.appendingPathComponent($0)) }
        try #require(!shown.isEmpty)
        var scanned = 0
        var shownFound = 0
        for path in site.outputFiles() {
            #expect(!path.lowercased().contains("zqxmark"), "\(path)")
            let bytes = try Data(contentsOf: site.output.appendingPathComponent(path))
            #expect(bytes.range(of: Data("ZQXMARK".utf8)) == nil && bytes.range(of: Data("zqxmark".utf8)) == nil, "marker in \(path)")
            for data in forbidden { #expect(bytes.range(of: data) == nil, "a withheld photo's bytes in \(path)") }
            let text = String(decoding: bytes, as: UTF8.self).lowercased()
            for name in forbiddenNames { #expect(!text.contains(name) && !path.lowercased().contains(name), "\(name) in \(path)") }
            if shown.contains(bytes) { shownFound += 1 }
            scanned += 1
        }
        #expect(scanned > 50)
        #expect(shownFound == shown.count, "the published photo's versions are in the output: the scan would see the withheld one's")
        // The published counts did not change either: still two disclosures, 党费管理 still one.
        #expect(try site.page("stats/index.html").contains("<strong class=\"figure-value\">2 项</strong>"))
    }
}
