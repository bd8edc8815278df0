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
}
