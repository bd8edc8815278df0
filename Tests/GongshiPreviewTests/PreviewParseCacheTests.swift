import Foundation
import GongshiKit
import Testing

@testable import GongshiPreview

/// `gongshi serve` keeps the parse cache in memory: a save re-parses only the saved file.
@Suite("Preview parse cache")
struct PreviewParseCacheTests {
    @Test func aSaveReparsesOnlyTheSavedFile() async throws {
        let site = try PreviewSite.standard()
        defer { site.remove() }
        try site.write("content/pages/about.md", "---\nid: about\ntitle: 关于本站\n---\n本站说明。\n")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-preview-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let builder = PreviewBuilder(
            sourceDirectory: site.root, templatesDirectory: PreviewSite.templates, asOf: PreviewSite.asOf,
            siteDirectory: folder.appendingPathComponent("site"))
        await builder.rebuild()
        #expect(await builder.sources?.parsed == 3)
        await builder.rebuild()
        #expect(await builder.sources?.parsed == 0)
        #expect(await builder.sources?.reused == 3)

        try site.write("content/disclosures/d.md", Sample.disclosure("d", title: "保存后的标题"))
        let state = await builder.rebuild()
        #expect(!state.showsErrorPage, "\(state.diagnostics)")
        #expect(await builder.sources?.parsed == 1)
        #expect(await builder.sources?.reused == 2)
        // The saved page is served from memory; the preview's folder keeps the first build's copy.
        guard case .memory(let data) = await builder.pages.lookup("disclosures/d/index.html") else {
            Issue.record("the re-rendered page is not held in memory")
            return
        }
        #expect(String(decoding: data, as: UTF8.self).contains("保存后的标题"))
        let onDisk = try String(contentsOf: folder.appendingPathComponent("site/disclosures/d/index.html"), encoding: .utf8)
        #expect(!onDisk.contains("保存后的标题"))
        // Nothing of the parse cache is written to disk by the preview.
        let cacheFolder = folder.appendingPathComponent("cache")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cacheFolder.path)) ?? []
        #expect(!names.contains { $0.hasPrefix("parse-") })

        // An error in the saved file is shown, and stays shown from the cache until it is fixed.
        try site.write("content/disclosures/d.md", "---\nid: d\ntitle: [未闭合\n---\n")
        #expect(await builder.rebuild().showsErrorPage)
        #expect(await builder.rebuild().showsErrorPage)
        #expect(await builder.sources?.parsed == 0)
    }
}
