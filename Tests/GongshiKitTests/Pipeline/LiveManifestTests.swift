import Foundation
import Testing

@testable import GongshiKit

/// A build reads the published `manifest.json` once and passes the value along (shrink guard, page cache, publisher,
/// release recycler); no stage reads the file again.
@Suite("The live manifest")
struct LiveManifestTests {
    @Test func aBuildReadsThePublishedManifestOnce() throws {
        let site = try BuildEndToEndTests.smallSite()
        var options = site.options
        // One release kept: from the third build on, the oldest release is recycled as the staging folder.
        options.keepReleases = 1
        let manifest = options.outputDirectory.appendingPathComponent(Manifest.fileName).path
        for round in 1...4 {
            if round == 4 { try site.write("content/disclosures/d1.md", Sample.disclosure("d1", title: "改过的标题", category: "党费管理")) }
            Manifest.Reads.shared.watch(manifest)
            let outcome = try SiteBuilder.build(options)
            #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
            #expect(Manifest.Reads.shared.count(manifest) == 1, "round \(round)")
            if round > 1 { #expect(outcome.publish?.reused ?? 0 > 0, "round \(round) is incremental") }
        }
    }

    /// What the publisher is given is what it uses: a `manifest.json` replaced on disk after the build read it does
    /// not change which published files are taken as verified.
    @Test func thePublisherUsesTheManifestItIsGiven() throws {
        let output = PublisherTests.freshOutput()
        let publisher = Publisher(outputDirectory: output)
        try publisher.publish(PublisherTests.site("v1"), baseURL: "https://e.org/")
        var live = PublishedSite.read(output)
        live.verify(since: try #require(FileTime.now(in: output)))
        // A manifest that claims another digest for a/index.html: read again, it would be copied into the new one.
        let forged = Manifest(entries: ["a/index.html": Manifest.Entry(sha256: String(repeating: "0", count: 64), size: 23)])
        try forged.json.write(to: output.appendingPathComponent(Manifest.fileName))
        let result = try RenderStage(baseURL: "https://e.org/").publish(
            RenderPlan(rendered: [RenderedPage(path: "index.html", text: "<a href=\"a/\">v2</a>")], reused: ["a/index.html"]), with: publisher,
            live: live)
        #expect(result.result.reused == 1)
        let written = try #require(Manifest.read(from: output.appendingPathComponent(Manifest.fileName)))
        #expect(written.entries["a/index.html"] == live.manifest?.entries["a/index.html"])
    }
}
