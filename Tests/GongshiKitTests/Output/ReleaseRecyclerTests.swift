import Foundation
import Testing

@testable import GongshiKit

/// The oldest archived release, due to be pruned, is cut back and reused as the next staging folder.
@Suite("Recycling the oldest release")
struct ReleaseRecyclerTests {
    static let base = "https://e.org/"

    static func page(_ path: String, _ text: String) -> RenderedPage { RenderedPage(path: path, text: text) }

    /// index.html links to a/ and b/; each child links back.
    static func site(index: String, a: String? = nil, b: String? = nil) -> [RenderedPage] {
        [page("index.html", "<a href=\"a/\">\(index)</a><a href=\"b/\">b</a>")]
            + [a.map { page("a/index.html", "<a href=\"../\">\($0)</a>") }, b.map { page("b/index.html", "<a href=\"../\">\($0)</a>") }]
            .compactMap { $0 }
    }

    static func inode(_ url: URL) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int
    }

    static func text(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    /// Everything wrong between a folder and its manifest: files missing, extra or different, and empty folders.
    static func problems(in root: URL) throws -> [String] {
        let manifest = try #require(Manifest.read(from: root.appendingPathComponent(Manifest.fileName)))
        var problems: [String] = []
        var seen: Set<String> = []
        let fm = FileManager.default
        for path in try fm.subpathsOfDirectory(atPath: root.path) {
            let url = root.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                if try fm.contentsOfDirectory(atPath: url.path).isEmpty { problems.append("empty \(path)") }
                continue
            }
            if [Manifest.fileName, Publisher.markerName].contains(path) { continue }
            seen.insert(path)
            guard let entry = manifest.entries[path] else {
                problems.append("extra \(path)")
                continue
            }
            if SHA256.hex(try Data(contentsOf: url)) != entry.sha256 { problems.append("differs \(path)") }
        }
        problems += manifest.entries.keys.filter { !seen.contains($0) }.map { "missing \($0)" }
        return problems.sorted()
    }

    /// Publishes v1 and v2 with one kept release, so the next publish recycles v1's folder.
    static func twoReleases() throws -> (Publisher, ReleaseLayout) {
        let output = PublisherTests.freshOutput()
        let publisher = Publisher(outputDirectory: output, keepReleases: 1)
        try publisher.publish(site(index: "v1", a: "a1", b: "b1"), baseURL: base)
        try publisher.publish(site(index: "v2"), reusing: ["a/index.html", "b/index.html"], baseURL: base)
        return (publisher, publisher.layout)
    }

    @Test func theOldestReleaseBecomesTheNewSite() throws {
        let (publisher, layout) = try Self.twoReleases()
        let oldest = layout.releases.appendingPathComponent(try #require(layout.releaseNames().first))
        let folder = try Self.inode(oldest)
        let result = try publisher.publish(Self.site(index: "v3"), reusing: ["a/index.html", "b/index.html"], baseURL: Self.base)
        #expect(result.written == 1 && result.reused == 2)
        // The recycled folder itself is now the published site; the site it replaced is the one release kept.
        #expect(try Self.inode(layout.output) == folder)
        #expect(layout.releaseNames().count == 1)
        #expect(Self.text(layout.output.appendingPathComponent("index.html"))?.contains("v3") == true)
        #expect(Self.text(layout.output.appendingPathComponent("a/index.html"))?.contains("a1") == true)
        #expect(try Self.problems(in: layout.output) == [])
        #expect(try Self.problems(in: layout.releases.appendingPathComponent(layout.releaseNames()[0])) == [])
    }

    @Test func nothingOfTheRecycledReleaseSurvivesUnlessItIsThePublishedFile() throws {
        let (publisher, layout) = try Self.twoReleases()
        let oldest = layout.releases.appendingPathComponent(try #require(layout.releaseNames().first))
        // Hand-placed files in the archived release, which its manifest does not list.
        try FileManager.default.createDirectory(at: oldest.appendingPathComponent("internal"), withIntermediateDirectories: true)
        try Data("党内公开".utf8).write(to: oldest.appendingPathComponent("internal/index.html"))
        try Data("stray".utf8).write(to: oldest.appendingPathComponent(".stray"))
        try FileManager.default.createSymbolicLink(atPath: oldest.appendingPathComponent("b/link.html").path, withDestinationPath: "/etc/hostname")
        // index.html is v1 in the recycled release and v2 in the published site: reusing it must give v2.
        try publisher.publish([], reusing: ["index.html", "a/index.html", "b/index.html"], baseURL: Self.base)
        let output = layout.output
        #expect(Self.text(output.appendingPathComponent("index.html"))?.contains("v2") == true)
        for gone in ["internal", ".stray", "b/link.html"] {
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(gone).path), "\(gone)")
        }
        #expect(try Self.problems(in: output) == [])
    }

    @Test func aRewrittenFileNeverChangesTheArchivedCopy() throws {
        let (publisher, layout) = try Self.twoReleases()
        // a/index.html is one file, hard-linked into v1 (recycled now) and v2 (published, archived by this publish).
        try publisher.publish(Self.site(index: "v3", a: "a3"), reusing: ["b/index.html"], baseURL: Self.base)
        let archived = layout.releases.appendingPathComponent(try #require(layout.releaseNames().last))
        #expect(Self.text(archived.appendingPathComponent("a/index.html"))?.contains("a1") == true)
        #expect(Self.text(layout.output.appendingPathComponent("a/index.html"))?.contains("a3") == true)
        #expect(try Self.problems(in: archived) == [])
        #expect(try Self.problems(in: layout.output) == [])
    }

    @Test func pagesThatAreGoneLeaveNoFileOrFolder() throws {
        let (publisher, layout) = try Self.twoReleases()
        let result = try publisher.publish([Self.page("index.html", "<a href=\"a/\">v3</a>")], reusing: ["a/index.html"], baseURL: Self.base)
        #expect(result.removed == 1)
        #expect(!FileManager.default.fileExists(atPath: layout.output.appendingPathComponent("b").path))
        #expect(try Self.problems(in: layout.output) == [])
    }

    @Test func filesAGroupNoLongerMakesAreDeleted() throws {
        let output = PublisherTests.freshOutput()
        let publisher = Publisher(outputDirectory: output, keepReleases: 1)
        func plan(_ shards: [String]) -> RenderPlan {
            var plan = RenderPlan(rendered: [Self.page("index.html", "home")])
            plan.groups = [
                GroupJob(folders: ["search/shards"]) { _, emit in
                    for name in shards {
                        try emit(GroupJob.File(path: "search/shards/\(name).json", key: name, contents: Data("{\"\(name)\": 1}".utf8)))
                    }
                }
            ]
            return plan
        }
        try publisher.publish(plan(["1", "2", "3"]))
        try publisher.publish(plan(["1", "2", "3"]))
        try publisher.publish(plan(["1"]))
        let shards = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("search/shards").path)
        #expect(shards == ["1.json"])
        #expect(try Self.problems(in: output) == [])
    }

    @Test func aFailedPublishKeepsThePublishedSite() throws {
        let (_, layout) = try Self.twoReleases()
        let before = try Data(contentsOf: layout.output.appendingPathComponent("index.html"))
        let failing = Publisher(
            outputDirectory: layout.output, keepReleases: 1, hooks: PublishHooks(afterWritingFile: { _ in throw PublisherTests.Disk() }))
        #expect(throws: OutputError.self) {
            try failing.publish(Self.site(index: "v3"), reusing: ["a/index.html", "b/index.html"], baseURL: Self.base)
        }
        #expect(try Data(contentsOf: layout.output.appendingPathComponent("index.html")) == before)
        #expect(try Self.problems(in: layout.output) == [])
        // The release that was being recycled (the one the build would have pruned) is gone, and so is the staging.
        #expect(layout.releaseNames().isEmpty)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: layout.output.deletingLastPathComponent().path)
        #expect(siblings.sorted() == [".output.gongshi", "output"])
    }

    @Test func withNothingToPruneAFreshFolderIsUsed() throws {
        let output = PublisherTests.freshOutput()
        let publisher = Publisher(outputDirectory: output, keepReleases: 2)
        try publisher.publish(Self.site(index: "v1", a: "a1", b: "b1"), baseURL: Self.base)
        try publisher.publish(Self.site(index: "v2", a: "a1", b: "b1"), baseURL: Self.base)
        let kept = publisher.layout.releases.appendingPathComponent(try #require(publisher.layout.releaseNames().first))
        let folder = try Self.inode(kept)
        // Two may be kept and one is: nothing is due to be pruned, so the archived release stays as it was.
        try publisher.publish(Self.site(index: "v3", a: "a1", b: "b1"), baseURL: Self.base)
        #expect(try Self.inode(kept) == folder)
        #expect(publisher.layout.releaseNames().count == 2)
        #expect(try Self.problems(in: kept) == [])
    }

    @Test func newReleaseNamesSortAfterEveryArchivedOne() throws {
        let layout = ReleaseLayout(output: PublisherTests.freshOutput())
        for name in ["20261122-030321-10", "20261122-030321", "20261122-030321-9"] {
            try FileManager.default.createDirectory(at: layout.releases.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        #expect(layout.releaseNames() == ["20261122-030321", "20261122-030321-9", "20261122-030321-10"])
        let second = Date(timeIntervalSince1970: 1_795_316_601)  // 2026-11-22 03:03:21 UTC
        #expect(layout.newReleaseName(now: second) == "20261122-030321-11")
        // A clock set back still gives a name after the newest, so the new release is not the first pruned.
        #expect(layout.newReleaseName(now: second - 3600) == "20261122-030321-11")
        #expect(layout.newReleaseName(now: second + 1) == "20261122-030322")
    }
}
