import Foundation
import Testing

@testable import GongshiPreview

/// The collapse guard protects the public site, not the preview's temp folder.
@Suite("Preview and the collapse guard")
struct PreviewShrinkTests {
    @Test func deletingEveryDisclosureStillPreviews() async throws {
        let site = try PreviewSite.standard()
        defer { site.remove() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-preview-shrink-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let builder = PreviewBuilder(
            sourceDirectory: site.root, templatesDirectory: PreviewSite.templates, asOf: PreviewSite.asOf,
            siteDirectory: folder.appendingPathComponent("site"))
        #expect(await builder.rebuild().diagnostics.filter { $0.severity == .error } == [])
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/disclosures/d.md"))
        let state = await builder.rebuild()
        #expect(state.diagnostics.filter { $0.severity == .error } == [], "\(state.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/disclosures/d/index.html").path))
    }
}
