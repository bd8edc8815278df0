import Foundation
import Testing

@testable import GongshiKit

@Suite("Scanning the source folder")
struct ContentScannerTests {
    @Test func readsMarkdownInSortedOrderAndWarnsAboutMisnamedFiles() throws {
        let site = try TestSite([
            "site.yaml": Sample.site,
            "content/branches/b.md": "x",
            "content/branches/sub/a.md": "x",
            "content/branches/c.markdown": "x",
            "content/branches/d.MD": "x",
            "content/branches/.hidden.md": "x",
            "content/branches/photo.jpg": "x",
            "content/misc/e.md": "x",
        ])
        let scanned = ContentScanner(sourceDirectory: site.root).scan()
        #expect(scanned.files.map(\.path) == ["content/branches/b.md", "content/branches/sub/a.md"])
        #expect(scanned.files.allSatisfy { $0.kind == .branches })
        let warnings = scanned.diagnostics.map(\.description)
        #expect(warnings.contains { $0.hasPrefix("content/branches/c.markdown:1: warning: 内容文件的扩展名必须是小写 .md") })
        #expect(warnings.contains { $0.hasPrefix("content/branches/d.MD:1: warning:") })
        #expect(warnings.contains { $0.hasPrefix("content/misc:1: warning: 未知的内容目录 content/misc") })
        #expect(warnings.count == 3)
    }

    @Test func missingSiteConfigAndContentAreErrors() throws {
        let site = try TestSite(["readme.txt": "x"])
        let diagnostics = site.check()
        #expect(diagnostics.contains { $0.path == "site.yaml" && $0.line == 1 && $0.severity == .error && $0.message.contains("找不到 site.yaml") })
        #expect(diagnostics.contains { $0.path == "content" && $0.message.contains("找不到 content 目录") })
    }

    @Test func siteConfigErrorsNameTheKey() throws {
        let site = try TestSite(["site.yaml": "title: 站\nbase_url: example.org\n", "content/pages/p.md": "---\nid: p\ntitle: 页\n---\n"])
        let diagnostics = site.check().map(\.description)
        #expect(diagnostics.contains("site.yaml:2: error: 字段 base_url 应为以 http:// 或 https:// 开头的完整网址，实际为「example.org」"))
    }
}
