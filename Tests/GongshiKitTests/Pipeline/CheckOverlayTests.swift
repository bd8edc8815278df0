import Foundation
import Testing

@testable import GongshiKit

/// `check` with an overlay: the studio's unsaved form is checked in the site as it would be, nothing is written.
@Suite struct CheckOverlayTests {
    func options() -> BuildOptions {
        BuildOptions(
            sourceDirectory: TestSite.repoRoot, outputDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("overlay-\(UUID())"),
            asOf: TestSite.asOf)
    }

    @Test func aReplacedFileIsCheckedFromTheOverlayNotTheDisk() throws {
        let path = "content/promises/liufang-2026.md"
        let disk = try String(contentsOf: TestSite.repoRoot.appendingPathComponent(path), encoding: .utf8)
        let broken = disk.replacingOccurrences(of: "due: 2026-12-31", with: "due: 2026/3/5")
        #expect(broken != disk)
        let (_, _, diagnostics) = SiteBuilder.check(options(), overlay: [path: broken])
        #expect(diagnostics.contains { $0.path == path && $0.severity == .error })
        let (_, _, clean) = SiteBuilder.check(options())
        #expect(!clean.contains { $0.path == path && $0.severity == .error })
        #expect(try String(contentsOf: TestSite.repoRoot.appendingPathComponent(path), encoding: .utf8) == disk)
    }

    @Test func aNewFileIsLoadedWithTheOthers() throws {
        let taken = try String(contentsOf: TestSite.repoRoot.appendingPathComponent("content/promises/liufang-2026.md"), encoding: .utf8)
        let path = "content/promises/zz-copy.md"
        let (model, _, diagnostics) = SiteBuilder.check(options(), overlay: [path: taken])
        // The copy keeps its 编号: it clashes with the file on disk.
        #expect(diagnostics.contains { $0.severity == .error && ($0.path == path || $0.message.contains("liufang-2026")) })
        let fresh = taken.replacingOccurrences(of: "id: liufang-2026", with: "id: zz-copy")
        let (again, _, more) = SiteBuilder.check(options(), overlay: [path: fresh])
        #expect(!more.contains { $0.path == path && $0.severity == .error })
        #expect(again?.promises.contains { $0.id == "zz-copy" } == true)
        #expect(model != nil || !diagnostics.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: TestSite.repoRoot.appendingPathComponent(path).path))
    }

    @Test func aCacheKeptInMemoryParsesOnlyTheOverlayTheSecondTime() throws {
        let path = "content/promises/liufang-2026.md"
        let disk = try String(contentsOf: TestSite.repoRoot.appendingPathComponent(path), encoding: .utf8)
        var cache = ParseCache()
        _ = SiteBuilder.check(options(), parseCache: &cache, overlay: [path: disk])
        #expect(cache.entries[path] == nil, "the overlay's text is never cached")
        #expect(cache.entries.count > 40)
        let edited = disk.replacingOccurrences(of: "due: 2026-12-31", with: "due: 2026-12-30")
        let (model, _, _) = SiteBuilder.check(options(), parseCache: &cache, overlay: [path: edited])
        #expect(cache.statistics.parsed == 1)
        #expect(model?.promises.first { $0.id == "liufang-2026" }?.items.first?.due.description == "2026-12-30")
    }
}
