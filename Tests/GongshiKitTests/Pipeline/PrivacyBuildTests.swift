import Foundation
import Testing

@testable import GongshiKit

/// Whole builds: personal data never reaches any output file, and ID numbers stop the build.
@Suite("Privacy in built sites")
struct PrivacyBuildTests {
    /// Mobiles and an e-mail address in every place a value can travel from: site.yaml, front matter of every kind,
    /// titles (feeds, posters, search), bodies and summaries.
    static func siteWithPersonalData() throws -> TestSite {
        try TestSite([
            "site.yaml": Sample.site + "\ncontact: 党群服务中心 139 8765 4321",
            "content/branches/a.md": Sample.branch("a", extra: "secretary: 李书记（13800112233）\nphone: '13812345678'")
                + "\n书记手机 138-1234-5678，邮箱 zhangsan@example.org。\n",
            "content/promises/p.md": """
            ---
            id: p
            branch: a
            year: 2026
            promiser: 王某
            role: 在职党员
            published: 2026-02-01
            items:
              - text: 每周走访，联系 +86 150 1111 2222
                service: 服务群众
                due: 2026-12-31
                status: 进行中
            ---
            有事请打 15011112222。

            """,
            "content/disclosures/d1.md": Sample.disclosure(
                "d1", title: "党费公示（经办人 13612345678）", category: "党费管理", body: "经办人电话：136 1234 5678。"),
            "content/examples/e.md": "---\nid: e\ntitle: 事例\nbranch: a\ndate: 2026-06-01\n---\n网格员 18712345678 上门服务。\n",
            "content/pages/about.md": "---\nid: about\ntitle: 关于本站\n---\n站长 lisi.admin@example.org，手机 18912345678。\n",
        ])
    }

    static let raw = [
        "13987654321", "139 8765 4321", "8765 4321", "13800112233", "13812345678", "138-1234-5678", "1234-5678",
        "zhangsan", "15011112222", "150 1111 2222", "13612345678", "136 1234 5678", "18712345678", "lisi.admin", "18912345678",
    ]

    @Test("no raw number or address appears in any output file: pages, feeds, posters, search, sitemap")
    func nothingLeaks() throws {
        let site = try Self.siteWithPersonalData()
        let outcome = try site.build()
        #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
        #expect(outcome.publish != nil)
        let files = site.outputFiles()
        #expect(files.contains("feeds/disclosures.xml") && files.contains { $0.hasPrefix("search/docs/") })
        for path in files {
            let text = String(decoding: try Data(contentsOf: site.output.appendingPathComponent(path)), as: UTF8.self)
            for needle in Self.raw { #expect(!text.contains(needle), "\(needle) leaked into \(path)") }
        }
    }

    @Test("the masked forms are what pages, feeds, posters and the search files show")
    func maskedFormsAreShown() throws {
        let site = try Self.siteWithPersonalData()
        _ = try site.build()
        #expect(try site.page("index.html").contains("党群服务中心 139****4321"))
        #expect(try site.page("branches/a/index.html").contains("书记手机 138****5678，邮箱 z***@example.org。"))
        #expect(try site.page("promises/p/index.html").contains("联系 +86 150****2222"))
        #expect(try site.page("disclosures/d1/index.html").contains("经办人电话：136****5678。"))
        #expect(try site.page("feeds/disclosures.xml").contains("党费公示（经办人 136****5678）"))
        #expect(try site.page("branches/a/print/index.html").contains("136****5678"))
        let docs = try site.outputFiles().filter { $0.hasPrefix("search/docs/") }.map { try site.page($0) }.joined()
        #expect(docs.contains("187****5678") && docs.contains("136****5678"))
    }

    @Test("masking warns once per finding with file and line, and the build still succeeds")
    func warningsNameFileAndLine() throws {
        let site = try Self.siteWithPersonalData()
        let outcome = try site.build()
        let privacy = outcome.diagnostics.filter { $0.message.contains("已打码") }
        #expect(privacy.count == 12, "\(privacy.map(\.description))")
        expectDiagnostic(outcome.diagnostics, .warning, "site.yaml", line: 4, contains: ["字段 contact 中", "139****4321"])
        expectDiagnostic(outcome.diagnostics, .warning, "content/promises/p.md", line: 9, contains: ["items 第 1 项的 text", "150****2222"])
        expectDiagnostic(outcome.diagnostics, .warning, "content/promises/p.md", line: 14, contains: ["正文中", "150****2222"])
        expectDiagnostic(outcome.diagnostics, .warning, "content/pages/about.md", line: 5, contains: ["l***@example.org"])
    }

    @Test("an ID number refuses the build: nothing is written, the published site stays as it was")
    func idNumberRefusesTheBuild() throws {
        let site = try TestSite(["site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a")])
        #expect(try site.build().publish != nil)
        let before = try site.page("index.html")
        try site.write("content/disclosures/d.md", Sample.disclosure("d", body: "困难党员 张三，身份证 520102199003071236"))
        let outcome = try site.build()
        #expect(outcome.hasErrors && outcome.publish == nil)
        expectDiagnostic(outcome.diagnostics, .error, "content/disclosures/d.md", line: 11, contains: ["身份证号 5201**********1236"])
        #expect(!site.outputFiles().contains("disclosures/d/index.html"))
        #expect(try site.page("index.html") == before)
    }

    @Test("the gongshi command exits 1 and prints file:line without the number")
    func commandExitsOne() throws {
        let site = try TestSite([
            "site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a"),
            "content/disclosures/d.md": Sample.disclosure("d", body: "退还党费至 6222 0212 3456 7890 128"),
        ])
        let run = try CommandLineTests.run([
            "build", "--source", site.root.path, "--output", site.output.path, "--templates", TestSite.templates.path, "--as-of", "2026-11-21",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/disclosures/d.md:11: error: 正文中有「银行卡号 6222***********0128」"), "\(run.stderr)")
        #expect(!run.stderr.contains("6222 0212 3456 7890 128") && !run.stderr.contains("6222021234567890128"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    // MARK: - Every string the site shows or puts in a URL

    /// A disclosure with attachments, a link target, alt text, a list, nested values, entity- and percent-encoded,
    /// emphasis-split and line-broken numbers; site.yaml's contact and categories hold one too.
    static func siteWithHiddenNumbers() throws -> TestSite {
        let site = try TestSite([
            "site.yaml": Sample.site + "\ncontact: 值班 &#49;&#51;&#57;&#50;&#52;&#54;&#56;&#49;&#51;&#53;&#55;\ncategories: [联系 137 2468 1357]",
            "content/branches/a.md": Sample.branch("a", extra: "ratings:\n  - {year: 2025, satisfaction: 90, respondents: 30, grade: 评议人 136 2468 1357}"),
            "content/disclosures/d.md": """
            ---
            id: d
            branch: a
            title: 慰问名单（经办人 135‐2468‐1357）
            category: 组织生活
            scope: 社会公开
            published: 2026-03-10
            reviewed: {by: 组织委员 王某, date: 2026-03-01}
            approved: {by: 书记 李某, date: 2026-03-02}
            attachments:
              - {file: 附件/名单.pdf, title: 经办人 １３４２４６８１３５７}
            ---
            电话 **158**2468**1357** 或 159 2468
            1357。

            ![联系 157 2468 1357](https://example.org/photo.png) [拨打](tel:%31%35%36%32%34%36%38%31%33%35%37)

            [写信](mailto:%77%61%6E%67%77%75@example.org) 或 zhao**liu**@example.org

            """,
            "content/examples/e.md": """
            ---
            id: e
            title: 事例
            branch: a
            date: 2026-06-01
            people: [网格员 155 2468 1357, "居民 153\u{200B}2468\u{200B}1357"]
            ---
            正文。

            """,
        ])
        try site.write("content/disclosures/附件/名单.pdf", "%PDF-1.4 名单")
        return site
    }

    static let hiddenRaw = [
        "13924681357", "1392468", "1372468", "1362468", "1352468", "1342468", "１３４２４６８", "1582468", "1592468", "1572468",
        "1562468", "1552468", "1532468", "&#49;&#51;", "%31%35", "wangwu", "%77%61", "zhaoliu", "liu**@",
    ]

    @Test("numbers hidden in attachments, links, alt text, lists, nested values, site.yaml and encodings are masked everywhere")
    func hiddenNumbersAreMasked() throws {
        let site = try Self.siteWithHiddenNumbers()
        let outcome = try site.build()
        #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
        #expect(outcome.diagnostics.filter { $0.message.contains("已打码") }.count == 13, "\(outcome.diagnostics.map(\.description))")
        let files = site.outputFiles()
        #expect(files.contains("disclosures/d/index.html"))
        for path in files {
            let text = String(decoding: try Data(contentsOf: site.output.appendingPathComponent(path)), as: UTF8.self)
            for needle in Self.hiddenRaw { #expect(!text.contains(needle), "\(needle) leaked into \(path)") }
        }
        let page = try site.page("disclosures/d/index.html")
        for masked in [
            "135****1357", "134****1357", "158****1357", "159****1357", "157****1357", "tel:156****1357", "mailto:w***@example.org", "z***@example.org",
        ] {
            #expect(page.contains(masked), "\(masked)")
        }
        #expect(try site.page("index.html").contains("值班 139****1357"))
    }

    @Test("numbers in an id, a file name, an attachment's file name, or entity- or percent-encoded IDs refuse the build")
    func unmaskableNumbersRefuseTheBuild() throws {
        let entityID = "&#53;&#50;&#48;&#49;&#48;&#50;&#49;&#57;&#57;&#48;&#48;&#51;&#48;&#55;&#49;&#50;&#51;&#54;"
        let site = try TestSite([
            "site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a"),
            "content/disclosures/d.md": Sample.disclosure("zhangsan-13912345678"),
            "content/pages/lisi-13712345678.md": "---\nid: lisi\ntitle: 关于\n---\n正文。\n",
            "content/examples/e.md": """
            ---
            id: e
            title: 事例
            branch: a
            date: 2026-06-01
            attachments: [{file: 附件/王五15012345678.pdf, title: 照片}]
            ---
            证件 \(entityID)，[明细](https://example.org/?id=%31%31%30%31%30%31%31%39%39%30%30%33%30%37%30%30%32%58)

            """,
        ])
        try site.write("content/examples/附件/王五15012345678.pdf", "%PDF-1.4")
        let run = try CommandLineTests.run([
            "build", "--source", site.root.path, "--output", site.output.path, "--templates", TestSite.templates.path, "--as-of", "2026-11-21",
        ])
        #expect(run.status == 1)
        for expected in [
            "content/disclosures/d.md:2: error: 字段 id 中有「手机号 139****5678」", "content/pages/lisi-137****5678.md:1: error: 文件名中有「手机号 137****5678」",
            "content/examples/e.md:6: error: 字段 attachments 第 1 项的 file 中有「手机号 150****5678」",
            "content/examples/e.md:8: error: 正文中有「身份证号 5201**********1236」", "content/examples/e.md:8: error: 正文中有「身份证号 1101**********002X」",
        ] {
            #expect(run.stderr.contains(expected), "\(expected)\n\(run.stderr)")
        }
        let messages = run.stderr.split(separator: "\n").map { $0.split(separator: ": ", maxSplits: 2).last.map(String.init) ?? "" }
        for raw in ["13912345678", "15012345678", "520102199003071236", "11010119900307002X"] {
            #expect(!messages.contains { $0.contains(raw) }, "\(raw) printed: \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }
}
