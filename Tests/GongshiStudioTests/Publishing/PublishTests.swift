import Foundation
import GongshiKit
import Testing

@testable import GongshiStudio

/// 生成 and 草稿预览 over HTTP on a copy of the sample site: only 审批/管理 may build (a 起草 account gets 403, a
/// forged POST too); a build publishes to the studio's output and reports errors first; a lock held by another
/// build is reported and nothing is written; a draft's preview shows it to its branch and to nobody else, and
/// publishes nothing.
@Suite(.serialized) struct PublishTests {
    let source: URL
    let studio: Studio
    let draft = "content/examples/caogao-zaizhi-baodao.md"
    let marker = "CAOGAO-MARKER-2M6"

    init() throws {
        source = try SampleCopy.make()
        studio = try TestStudio.onSample(source)
    }

    var output: URL { studio.settings.outputDirectory }

    func client(_ login: String) async throws -> StudioClient {
        let client = try StudioClient(studio: studio)
        try await client.logIn(login, password: TestStudio.password)
        return client
    }

    /// Every file under the output whose text contains `text`.
    func outputFiles(containing text: String) -> [String] {
        guard let walker = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { url in
            (try? String(contentsOf: url, encoding: .utf8))?.contains(text) == true
        }.map(\.path)
    }

    @Test func drafterGetsForbiddenAlsoOnAForgedPost() async throws {
        defer { try? FileManager.default.removeItem(at: source) }
        let drafter = try await client("jinqiao-shuji")
        let inbox = try await drafter.get("/")
        #expect(!inbox.body.contains("href=\"/build\""))
        #expect(try await drafter.get("/build").status == .forbidden)
        #expect(try await drafter.post("/build").status == .forbidden)
        await studio.builds.idle()
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    @Test func approverBuildPublishesAndReportsErrorsFirst() async throws {
        defer { try? FileManager.default.removeItem(at: source) }
        let approver = try await client("jinqiao-shenpi")
        let inbox = try await approver.get("/")
        #expect(inbox.body.contains("<a href=\"/build\">生成</a>"))
        let page = try await approver.get("/build")
        #expect(page.body.contains("开始生成"))
        let started = try await approver.post("/build")
        #expect(started.status == .seeOther)
        #expect(started.location == "/build")
        await studio.builds.idle()
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        let report = try await approver.get("/build")
        #expect(report.body.contains("已发布"))
        #expect(report.body.contains("未发布（"))
        #expect(report.body.contains(draft))
        #expect(outputFiles(containing: marker).isEmpty)
        #expect(studio.history.allEvents().last?.action == "生成")
        #expect(studio.history.allEvents().last?.login == "jinqiao-shenpi")

        // A content error: nothing more is published, and the error is listed before the withheld items.
        let broken = source.appendingPathComponent("content/examples/broken.md")
        try Data("---\nid: broken\ntitle: 坏\nbranch: no-such-branch\ndate: 2026-11-20\n---\n\n正文\n".utf8).write(to: broken)
        _ = try await approver.get("/build")
        #expect(try await approver.post("/build").status == .seeOther)
        await studio.builds.idle()
        let failed = try await approver.get("/build").body
        let errorAt = try #require(failed.range(of: "content/examples/broken.md:"))
        let withheldAt = try #require(failed.range(of: "未发布（"))
        #expect(errorAt.lowerBound < withheldAt.lowerBound)
        #expect(failed.contains("未生成网站"))
    }

    @Test func lockHeldElsewhereIsReportedAndNothingWritten() async throws {
        defer { try? FileManager.default.removeItem(at: source) }
        let layout = ReleaseLayout(output: output)
        try layout.prepare()
        let held = try BuildLock.acquire(layout.lockFile, wait: false)
        defer { held.release() }
        let admin = try await client("jiedao-guanli")
        _ = try await admin.get("/build")
        #expect(try await admin.post("/build").status == .seeOther)
        await studio.builds.idle()
        let report = try await admin.get("/build").body
        #expect(report.contains("另一个生成正在进行"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    @Test func draftPreviewShowsTheMarkerToItsBranchOnly() async throws {
        defer { try? FileManager.default.removeItem(at: source) }
        // The published site exists, so the check at the end looks at real pages.
        let approver = try await client("jinqiao-shenpi")
        _ = try await approver.get("/build")
        _ = try await approver.post("/build")
        await studio.builds.idle()
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("examples/index.html").path))
        let jinqiao = try await client("jinqiao-shuji")
        let view = try await jinqiao.get("/view/\(draft)")
        #expect(view.body.contains("href=\"/preview/\(draft)\""))
        let preview = try await jinqiao.get("/preview/\(draft)")
        #expect(preview.status == .ok)
        #expect(preview.body.contains("预览：尚未发布（草稿）"))
        let src = try #require(preview.body.firstMatch(of: /src="(\/preview\/site\/[^"]+)"/)?.1)
        let framed = try await jinqiao.get(String(src))
        #expect(framed.status == .ok)
        #expect(framed.body.contains(marker))
        #expect(framed.headers[.contentSecurityPolicy] == PreviewRoutes.framePolicy)
        // The page's stylesheet loads under the same prefix.
        let css = try #require(framed.body.firstMatch(of: /href="((?:\.\.\/)+assets\/[^"?]+\.css)[^"]*"/)?.1)
        let resolved = try #require(URL(string: String(css), relativeTo: URL(string: "http://studio" + src))?.path)
        #expect(resolved.hasPrefix("/preview/site/"))
        let stylesheet = try await jinqiao.get(resolved)
        #expect(stylesheet.status == .ok)
        #expect(stylesheet.headers[.contentType]?.hasPrefix("text/css") == true)

        let shuikou = try await client("shuikou-shuji")
        #expect(try await shuikou.get("/preview/\(draft)").status == .forbidden)
        #expect(try await shuikou.get(String(src)).status == .notFound)
        #expect(try await shuikou.get("/preview/content/examples/no-such-file.md").body.contains("没有权限查看这份内容，或者它不存在。"))
        #expect(outputFiles(containing: marker).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("examples/caogao-zaizhi-baodao").path))
        #expect(try String(contentsOf: source.appendingPathComponent(draft), encoding: .utf8).contains("workflow: 草稿"))
    }
}
