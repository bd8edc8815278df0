import Foundation
import Testing

@testable import GongshiKit

@Suite("Publishing releases")
struct PublisherTests {
    struct Disk: Error {}

    static func freshOutput() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("pub-\(UUID().uuidString)/output")
    }

    static func site(_ marker: String) -> [RenderedPage] {
        [
            RenderedPage(path: "index.html", text: "<a href=\"a/\">\(marker)</a>"),
            RenderedPage(path: "a/index.html", text: "<a href=\"../\">\(marker)</a>"),
        ]
    }

    static func text(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    @Test func keepsTheNewestReleasesAndWritesAManifest() throws {
        let output = Self.freshOutput()
        var names: [String?] = []
        for n in 1...5 {
            names.append(try Publisher(outputDirectory: output, keepReleases: 3).publish(Self.site("v\(n)"), baseURL: "https://e.org/").archivedRelease)
        }
        let layout = ReleaseLayout(output: output)
        #expect(names.first! == nil)
        #expect(layout.releaseNames().count == 3)
        #expect(layout.releaseNames() == names.suffix(3).compactMap { $0 })
        // The newest archived release is the site before the current one.
        #expect(Self.text(layout.releases.appendingPathComponent(layout.releaseNames().last!).appendingPathComponent("index.html"))?.contains("v4") == true)
        #expect(Self.text(output.appendingPathComponent("index.html"))?.contains("v5") == true)
        let manifest = try #require(Manifest.read(from: output.appendingPathComponent("manifest.json")))
        #expect(manifest.entries.keys.sorted() == ["a/index.html", "index.html"])
        #expect(manifest.entries["index.html"]?.sha256 == SHA256.hex("<a href=\"a/\">v5</a>"))
        #expect(manifest.entries["index.html"]?.size == 19)
    }

    @Test func keepZeroArchivesNothing() throws {
        let output = Self.freshOutput()
        try Publisher(outputDirectory: output, keepReleases: 0).publish(Self.site("one"))
        try Publisher(outputDirectory: output, keepReleases: 0).publish(Self.site("two"))
        #expect(ReleaseLayout(output: output).releaseNames().isEmpty)
    }

    @Test func aFailureMidWayLeavesThePublishedSiteAndNoStaging() throws {
        let output = Self.freshOutput()
        try Publisher(outputDirectory: output).publish(Self.site("old"))
        let before = try Data(contentsOf: output.appendingPathComponent("index.html"))
        let failing = Publisher(outputDirectory: output, hooks: PublishHooks(afterWritingFile: { n in if n == 1 { throw Disk() } }))
        #expect(throws: OutputError.self) { try failing.publish(Self.site("new")) }
        #expect(try Data(contentsOf: output.appendingPathComponent("index.html")) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(siblings.sorted() == [".output.gongshi", "output"])
        let state = try FileManager.default.contentsOfDirectory(atPath: ReleaseLayout(output: output).stateDirectory.path)
        #expect(!state.contains { $0.hasPrefix("staging-") }, "staging left behind: \(state)")
    }

    @Test func brokenInternalLinksStopThePublish() throws {
        let output = Self.freshOutput()
        try Publisher(outputDirectory: output).publish(Self.site("old"), baseURL: "https://e.org/")
        let broken = [RenderedPage(path: "index.html", text: "<a href=\"missing/\">x</a> <a href=\"https://e.org/gone/\">y</a>")]
        #expect(throws: OutputError.self) { try Publisher(outputDirectory: output).publish(broken, baseURL: "https://e.org/") }
        #expect(Self.text(output.appendingPathComponent("index.html"))?.contains("old") == true)
    }

    @Test func stagingLeftByAKilledBuildIsCleanedUp() throws {
        let output = Self.freshOutput()
        let dead = output.deletingLastPathComponent().appendingPathComponent(".output.staging-999999")
        try FileManager.default.createDirectory(at: dead, withIntermediateDirectories: true)
        #expect(!ProcessProbe.isAlive(999_999))
        try Publisher(outputDirectory: output).publish(Self.site("x"))
        #expect(!FileManager.default.fileExists(atPath: dead.path))
    }

    @Test func reusedFilesAreLinkedNotRewritten() throws {
        let output = Self.freshOutput()
        try Publisher(outputDirectory: output).publish(Self.site("one"))
        let page = output.appendingPathComponent("a/index.html")
        let inode = try FileManager.default.attributesOfItem(atPath: page.path)[.systemFileNumber] as? Int
        let result = try Publisher(outputDirectory: output).publish(
            [RenderedPage(path: "index.html", text: "<a href=\"a/\">two</a>")], reusing: ["a/index.html"], baseURL: "https://e.org/")
        #expect(result.written == 1 && result.reused == 1 && result.removed == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: page.path)[.systemFileNumber] as? Int == inode)
        let manifest = try #require(Manifest.read(from: output.appendingPathComponent("manifest.json")))
        #expect(manifest.entries["a/index.html"]?.sha256 == SHA256.hex("<a href=\"../\">one</a>"))
    }

    @Test func linkResolution() {
        #expect(LinkVerifier.resolve("../../", from: "branches/a/index.html", baseURL: "https://e.org/") == "")
        #expect(LinkVerifier.resolve("../b/", from: "branches/a/index.html", baseURL: "https://e.org/") == "branches/b/")
        #expect(LinkVerifier.resolve("https://e.org/x/", from: "404.html", baseURL: "https://e.org/") == "x/")
        #expect(LinkVerifier.resolve("https://other.org/", from: "index.html", baseURL: "https://e.org/") == nil)
        #expect(LinkVerifier.resolve("#top", from: "index.html", baseURL: "https://e.org/") == nil)
    }
}

@Suite("Rolling back")
struct RollbackTests {
    @Test func rollbackRestoresTheNewestReleaseAndCanBeUndone() throws {
        let output = PublisherTests.freshOutput()
        for n in 1...3 { try Publisher(outputDirectory: output).publish(PublisherTests.site("v\(n)")) }
        let publisher = Publisher(outputDirectory: output)
        let (restored, archived) = try publisher.rollback(to: nil)
        #expect(PublisherTests.text(output.appendingPathComponent("index.html"))?.contains("v2") == true)
        #expect(publisher.layout.releaseNames().contains(archived))
        #expect(!publisher.layout.releaseNames().contains(restored))
        _ = try publisher.rollback(to: archived)
        #expect(PublisherTests.text(output.appendingPathComponent("index.html"))?.contains("v3") == true)
    }

    @Test func rollbackToAnUnknownReleaseFails() throws {
        let output = PublisherTests.freshOutput()
        try Publisher(outputDirectory: output).publish(PublisherTests.site("v1"))
        #expect(throws: OutputError.self) { try Publisher(outputDirectory: output).rollback(to: nil) }
        #expect(throws: OutputError.self) { try Publisher(outputDirectory: output).rollback(to: "19990101-000000") }
        #expect(PublisherTests.text(output.appendingPathComponent("index.html"))?.contains("v1") == true)
    }
}

/// Live files and archived releases share inodes, so an in-place hand edit of the live site changes the releases too:
/// a rollback never puts such a file back on the site.
@Suite("Rolling back an edited release")
struct RollbackVerificationTests {
    enum Change: String, CaseIterable, Sendable {
        case sameSizeInPlace, otherSize, deleted, extraFile, symlink
    }

    static func change(_ release: URL, _ change: Change) throws {
        let file = release.appendingPathComponent("index.html")
        let before = try Data(contentsOf: file)
        switch change {
        case .sameSizeInPlace:
            let handle = try FileHandle(forWritingTo: file)
            try handle.write(contentsOf: Data("HACKED".utf8))
            try handle.close()
        case .otherSize:
            let handle = try FileHandle(forWritingTo: file)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("<p>HACKED</p>".utf8))
            try handle.close()
        case .deleted:
            try FileManager.default.removeItem(at: file)
        case .extraFile:
            try Data("HACKED".utf8).write(to: release.appendingPathComponent("pages/hacked.html"))
        case .symlink:
            let copy = release.deletingLastPathComponent().appendingPathComponent("copy-\(UUID().uuidString)")
            try before.write(to: copy)
            try FileManager.default.removeItem(at: file)
            try FileManager.default.createSymbolicLink(at: file, withDestinationURL: copy)
        }
    }

    @Test(arguments: Change.allCases)
    func aReleaseThatDiffersFromItsManifestIsRefused(_ change: Change) throws {
        let output = PublisherTests.freshOutput()
        for n in 1...2 {
            var pages = PublisherTests.site("v\(n)")
            pages.append(RenderedPage(path: "pages/x/index.html", contents: Data("<p>x</p>".utf8)))
            try Publisher(outputDirectory: output).publish(pages)
        }
        let publisher = Publisher(outputDirectory: output)
        let name = try #require(publisher.layout.releaseNames().last)
        try Self.change(publisher.layout.release(named: name), change)
        let live = try Data(contentsOf: output.appendingPathComponent("index.html"))
        do {
            _ = try publisher.rollback(to: name)
            Issue.record("\(change): the edited release was restored")
        } catch {
            #expect(error.message.contains("拒绝回滚") && error.message.contains(name), "\(error.message)")
            #expect(error.message.contains(change == .extraFile ? "pages/hacked.html" : "index.html"), "\(error.message)")
        }
        #expect(try Data(contentsOf: output.appendingPathComponent("index.html")) == live)
        #expect(publisher.layout.releaseNames().contains(name))
    }

    /// The live site and the release share the inode: editing the live file in place (size and time kept) edits the
    /// release; the next build repairs the site, and the rollback still refuses the release.
    @Test func anInPlaceEditOfTheLiveSiteNeverComesBackThroughRollback() throws {
        let site = try BuildEndToEndTests.smallSite()
        let options = site.options
        for _ in 0..<2 { _ = try SiteBuilder.build(options) }
        let path = "pages/about/index.html"
        let live = site.output.appendingPathComponent(path)
        try HandEditTests.edit(live, .sameSizeOldTime)
        _ = try SiteBuilder.build(options)
        let publisher = Publisher(outputDirectory: site.output)
        var edited = 0
        for name in publisher.layout.releaseNames() {
            let archived = publisher.layout.release(named: name).appendingPathComponent(path)
            guard (try? Data(contentsOf: archived))?.starts(with: Data("HACKED".utf8)) == true else { continue }
            edited += 1
            #expect(throws: OutputError.self) { try publisher.rollback(to: name) }
        }
        #expect(edited > 0, "the in-place edit reached an archived release through the shared inode")
        for name in publisher.layout.releaseNames() {
            guard (try? publisher.rollback(to: name)) != nil else { continue }
            let restored = try Data(contentsOf: live)
            #expect(!restored.starts(with: Data("HACKED".utf8)), "rollback to \(name) put the hand edit back")
        }
    }

    @Test func theRefusalListsAtMostTenFiles() {
        let changed = (1...25).map { "pages/p\($0)/index.html" }
        let text = ReleaseVerifier.refusal("20261121-000000", changed: changed)
        #expect(text.contains("pages/p1/index.html") && !text.contains("pages/p25/index.html") && text.contains("25 个文件"))
    }
}
