import Foundation
import Testing

@testable import GongshiPreview

/// Starts real previews of small temp sites on 127.0.0.1 with an ephemeral port and talks HTTP to them.
@Suite("Preview server")
struct PreviewServerTests {
    /// Runs `body` against a started preview of `site`, then stops it and removes the site.
    static func withPreview(
        _ site: PreviewSite, settle: Duration = .milliseconds(100), _ body: (PreviewSession) async throws -> Void
    ) async throws {
        let session = try await PreviewSession.start(site.options(settle: settle))
        do {
            try await body(session)
        } catch {
            await session.stop()
            site.remove()
            throw error
        }
        await session.stop()
        site.remove()
    }

    static func version(_ session: PreviewSession) async throws -> Int {
        Int(try await LoopbackHTTP.get("/__gongshi/version", port: session.port).text) ?? -1
    }

    @Test func servesTheBuiltHomePageOnLoopbackWithTheReloadScript() async throws {
        try await Self.withPreview(try .standard()) { session in
            #expect(session.url == "http://127.0.0.1:\(session.port)/")
            #expect(session.port != 0)
            let home = try await LoopbackHTTP.get("/", port: session.port)
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.text.contains("测试街道党务公开网"))
            #expect(home.text.contains("<script src=\"/__gongshi/reload.js\" data-version=\"1\"></script>"))
            let script = try await LoopbackHTTP.get("/__gongshi/reload.js", port: session.port)
            #expect(script.status == 200)
            #expect(script.text.contains("fetch(\"/__gongshi/version\""))
            let onDisk = try String(contentsOf: session.builder.siteDirectory.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(onDisk.contains("测试街道党务公开网"))
            #expect(!onDisk.contains("__gongshi"), "the reload script must never reach the files on disk")
            #expect(try await Self.version(session) == 1)
        }
    }

    @Test func listensOn127001Only() async throws {
        try await Self.withPreview(try .standard()) { session in
            // /proc/net/tcp lists listening sockets as hex `address:port`; 0100007F is 127.0.0.1.
            guard let table = try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8) else { return }
            let port = String(format: "%04X", session.port)
            #expect(table.contains("0100007F:\(port) 00000000:0000 0A"))
            #expect(!table.contains("00000000:\(port) 00000000:0000 0A"))
        }
    }

    @Test func servesCSSWithoutTheScript() async throws {
        try await Self.withPreview(try .standard()) { session in
            let css = try await LoopbackHTTP.get("/assets/site.css", port: session.port)
            #expect(css.status == 200)
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
            #expect(!css.text.isEmpty)
            #expect(!css.text.contains("<script"))
            let sitemap = try await LoopbackHTTP.get("/sitemap.xml", port: session.port)
            #expect(sitemap.headers["content-type"] == "application/xml; charset=utf-8")
            #expect(!sitemap.text.contains("<script"))
        }
    }

    @Test func answersUnknownPathsWithTheSitesOwn404Page() async throws {
        try await Self.withPreview(try .standard()) { session in
            let missing = try await LoopbackHTTP.get("/no/such/page/", port: session.port)
            #expect(missing.status == 404)
            #expect(missing.text.contains("页面不存在"))
            #expect(missing.text.contains("__gongshi/reload.js"))
            // Its absolute base_url links point back at the preview.
            #expect(missing.text.contains("href=\"/disclosures/\""))
            #expect(!missing.text.contains("https://example.org/site/"))
            #expect(try await LoopbackHTTP.get("/.gongshi-site", port: session.port).status == 404)
        }
    }

    @Test func refusesPathTraversal() async throws {
        let site = try PreviewSite.standard()
        try site.write("secret.txt", "SECRET-MARKER")
        try await Self.withPreview(site) { session in
            for target in [
                "/../site.yaml", "/../../etc/passwd", "/%2e%2e/site.yaml", "/assets/%2E%2E/%2E%2E/secret.txt",
                "/assets/..%2F..%2Fsecret.txt", "//etc/passwd", "http://127.0.0.1/../secret.txt", "/%2e%2e%2fsecret.txt",
            ] {
                let response = try await LoopbackHTTP.get(target, port: session.port)
                #expect([400, 404].contains(response.status), "\(target): \(response.status)")
                #expect(!response.text.contains("base_url"), "\(target)")
                #expect(!response.text.contains("SECRET-MARKER"), "\(target)")
                #expect(!response.text.contains("root:"), "\(target)")
            }
        }
    }

    @Test func answersGetAndHeadOnly() async throws {
        try await Self.withPreview(try .standard()) { session in
            let head = try await LoopbackHTTP.request("HEAD", "/", port: session.port)
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(Int(head.headers["content-length"] ?? "0")! > 0)
            #expect(try await LoopbackHTTP.request("POST", "/", port: session.port).status == 405)
            #expect(try await LoopbackHTTP.request("DELETE", "/index.html", port: session.port).status == 405)
        }
    }

    @Test func redirectsFoldersToTheirTrailingSlash() async throws {
        try await Self.withPreview(try .standard()) { session in
            let response = try await LoopbackHTTP.get("/branches", port: session.port)
            #expect(response.status == 301)
            #expect(response.headers["location"] == "/branches/")
        }
    }

    @Test func refusesForeignHostNames() async throws {
        try await Self.withPreview(try .standard()) { session in
            let foreign = try await LoopbackHTTP.request("GET", "/", port: session.port, host: "evil.example")
            #expect(foreign.status == 403)
            let local = try await LoopbackHTTP.request("GET", "/", port: session.port, host: "localhost")
            #expect(local.status == 200)
        }
    }

    @Test func rebuildsWhenContentChanges() async throws {
        let site = try PreviewSite.standard()
        try await Self.withPreview(site) { session in
            #expect(try await LoopbackHTTP.get("/disclosures/fresh/", port: session.port).status == 404)
            try site.write("content/disclosures/fresh.md", Sample.disclosure("fresh", title: "新发布的公开事项"))
            let appeared = try await eventually {
                try await LoopbackHTTP.get("/disclosures/fresh/", port: session.port).text.contains("新发布的公开事项")
            }
            #expect(appeared)
            // The writer swaps the new files in just before the counter moves, so wait for both.
            #expect(try await eventually { try await Self.version(session) == 2 })

            try site.write("content/disclosures/d.md", Sample.disclosure("d", title: "改过的标题"))
            let edited = try await eventually {
                try await LoopbackHTTP.get("/disclosures/d/", port: session.port).text.contains("改过的标题")
            }
            #expect(edited)
            #expect(try await eventually { try await Self.version(session) == 3 })
            let page = try await LoopbackHTTP.get("/disclosures/d/", port: session.port)
            #expect(page.text.contains("data-version=\"3\""), "the page carries the counter its reload script compares with")
        }
    }

    @Test func aBurstOfSavesRebuildsOnce() async throws {
        let site = try PreviewSite.standard()
        try await Self.withPreview(site, settle: .milliseconds(400)) { session in
            for index in 1...3 {
                try site.write("content/disclosures/burst\(index).md", Sample.disclosure("burst\(index)"))
            }
            #expect(try await eventually { try await Self.version(session) == 2 })
            try await Task.sleep(for: .milliseconds(700))
            #expect(try await Self.version(session) == 2)
            #expect(try await LoopbackHTTP.get("/disclosures/burst3/", port: session.port).status == 200)
        }
    }

    @Test func showsTheErrorPageWhileContentHasErrorsAndRecovers() async throws {
        let site = try PreviewSite.standard()
        try await Self.withPreview(site) { session in
            try site.write("content/disclosures/d.md", Sample.disclosure("d", scope: "内部<b>"))
            let broken = try await eventually { try await LoopbackHTTP.get("/", port: session.port).status == 500 }
            #expect(broken)
            for path in ["/", "/disclosures/d/", "/branches/a/", "/no/such/page/"] {
                let page = try await LoopbackHTTP.get(path, port: session.port)
                #expect(page.status == 500, "\(path)")
                #expect(page.headers["content-type"] == "text/html; charset=utf-8")
                #expect(page.text.contains("内容有错误，网站未生成"))
                #expect(page.text.contains("content/disclosures/d.md:6: error: 字段 scope 的值「内部&lt;b&gt;」不在允许范围内"), "\(page.text)")
                #expect(page.text.contains("检查完成：1 个错误，0 个警告"))
                #expect(page.text.contains("__gongshi/reload.js"), "the error page reloads itself once fixed")
                #expect(!page.text.contains("测试街道党务公开网"), "the previous site is not shown")
            }
            // Stylesheets still load.
            #expect(try await LoopbackHTTP.get("/assets/site.css", port: session.port).status == 200)

            try site.write("content/disclosures/d.md", Sample.disclosure("d", title: "修好了"))
            let fixed = try await eventually {
                let page = try await LoopbackHTTP.get("/disclosures/d/", port: session.port)
                return page.status == 200 && page.text.contains("修好了")
            }
            #expect(fixed)
            #expect(try await LoopbackHTTP.get("/", port: session.port).status == 200)
        }
    }

    @Test func stopRemovesTheTemporaryFolder() async throws {
        let site = try PreviewSite.standard()
        let session = try await PreviewSession.start(site.options())
        defer { site.remove() }
        #expect(FileManager.default.fileExists(atPath: session.builder.siteDirectory.appendingPathComponent("index.html").path))
        #expect(session.workDirectory.lastPathComponent.hasPrefix("gongshi-preview-"))
        await session.stop()
        #expect(!FileManager.default.fileExists(atPath: session.workDirectory.path))
    }

    @Test func aMissingSiteYamlIsShownAsAnError() async throws {
        let site = try PreviewSite(["content/branches/a.md": Sample.branch("a")])
        try await Self.withPreview(site) { session in
            let page = try await LoopbackHTTP.get("/", port: session.port)
            #expect(page.status == 500)
            #expect(page.text.contains("site.yaml:1: error: 找不到 site.yaml"))
            try site.write("site.yaml", Sample.site)
            #expect(try await eventually { try await LoopbackHTTP.get("/", port: session.port).status == 200 })
        }
    }
}
