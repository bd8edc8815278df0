import Foundation
import Testing

@testable import GongshiKit

/// Incremental builds must give exactly the bytes of a clean build, whatever changed.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    /// Builds `site` into its own output with the cache, and into a second output with `--clean`, and compares.
    static func buildBoth(_ site: TestSite, asOf: Day = TestSite.asOf, templates: URL = TestSite.templates) throws -> PublishResult {
        var incremental = site.options
        incremental.asOf = asOf
        incremental.templatesDirectory = templates
        // The sequence deletes the only example, which `ShrinkGuard` would refuse.
        incremental.allowShrink = true
        let outcome = try SiteBuilder.build(incremental)
        #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
        var clean = incremental
        clean.outputDirectory = site.root.appendingPathComponent("clean-output")
        clean.clean = true
        clean.keepReleases = 0
        _ = try SiteBuilder.build(clean)
        let a = TestSite.listFiles(under: incremental.outputDirectory)
        let b = TestSite.listFiles(under: clean.outputDirectory)
        #expect(a == b)
        for path in a {
            let left = try Data(contentsOf: incremental.outputDirectory.appendingPathComponent(path))
            let right = try Data(contentsOf: clean.outputDirectory.appendingPathComponent(path))
            #expect(left == right, "\(path) differs between incremental and clean builds")
        }
        return try #require(outcome.publish)
    }

    @Test func aSequenceOfEditsMatchesCleanBuildsByteForByte() throws {
        let site = try BuildEndToEndTests.smallSite()
        let first = try Self.buildBoth(site)
        #expect(first.reused == 0)

        // Nothing changed: every page is reused.
        let same = try Self.buildBoth(site)
        let alwaysWritten = ["assets/site.css", "assets/site.js", "assets/search.js"]
        #expect(same.written == alwaysWritten.count, "only the assets are always written")
        #expect(same.reused == first.written - alwaysWritten.count)

        // One disclosure's title: its page, the lists and the branch page change; promise letters do not.
        try site.write("content/disclosures/d1.md", Sample.disclosure("d1", title: "改过的标题", category: "党费管理"))
        let edited = try Self.buildBoth(site)
        #expect(edited.written < first.written / 2)
        #expect(try site.page("disclosures/d1/index.html").contains("改过的标题"))

        // A new promise letter and a deleted example.
        try site.write("content/promises/p3.md", Sample.promise("p3", branch: "b", items: [("进行中", "2026-12-01", nil, nil)]))
        try site.remove("content/examples/e1.md")
        let changed = try Self.buildBoth(site)
        #expect(changed.removed == 1)
        #expect(!site.outputFiles().contains("examples/e1/index.html"))

        // A template change re-renders every page that uses the theme.
        let theme = site.root.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: TestSite.templates, to: theme)
        let layout = theme.appendingPathComponent("layout.mustache")
        let text = try String(contentsOf: layout, encoding: .utf8).replacingOccurrences(of: "跳到正文", with: "跳到主要内容")
        try Data(text.utf8).write(to: layout)
        let retheme = try Self.buildBoth(site, templates: theme)
        // Only files that do not go through the templates (feeds, search index, open data, sitemap) are reused.
        let untemplated = site.outputFiles().filter {
            !$0.hasSuffix(".html") && !alwaysWritten.contains($0) && $0 != "manifest.json" && !$0.hasPrefix(".")
        }
        #expect(retheme.reused == untemplated.count)
        #expect(try site.page("index.html").contains("跳到主要内容"))

        // site.yaml and the as-of date feed every page too.
        try site.write("site.yaml", Sample.site + "\ncategories: [乡村振兴]\ncontact: 电话 0851-86000000\n")
        _ = try Self.buildBoth(site, templates: theme)
        let later = try Self.buildBoth(site, asOf: Day("2027-01-05")!, templates: theme)
        #expect(later.reused < later.written)
    }

    @Test func cleanIgnoresTheCacheAndARollbackDisablesReuse() throws {
        let site = try BuildEndToEndTests.smallSite()
        _ = try site.build()
        var options = site.options
        options.clean = true
        #expect(try SiteBuilder.build(options).publish?.reused == 0)
        // Someone edits the published site by hand: its manifest no longer matches the cache.
        try Data("{}".utf8).write(to: site.output.appendingPathComponent("manifest.json"))
        #expect(try site.build().publish?.reused == 0)
    }

    @Test func buildingTwiceGivesIdenticalManifests() throws {
        let site = try BuildEndToEndTests.smallSite()
        _ = try site.build()
        let first = try Data(contentsOf: site.output.appendingPathComponent("manifest.json"))
        var options = site.options
        options.clean = true
        _ = try SiteBuilder.build(options)
        #expect(try Data(contentsOf: site.output.appendingPathComponent("manifest.json")) == first)
        let manifest = try #require(Manifest.read(from: site.output.appendingPathComponent("manifest.json")))
        for path in site.outputFiles() where path != "manifest.json" && !path.hasPrefix(".") {
            let data = try Data(contentsOf: site.output.appendingPathComponent(path))
            #expect(manifest.entries[path] == Manifest.Entry(sha256: SHA256.hex(data), size: data.count), "\(path)")
        }
    }
}

@Suite("Build lock", .serialized)
struct BuildLockTests {
    @Test func aSecondBuildOfTheSameOutputIsRefused() throws {
        let site = try BuildEndToEndTests.smallSite()
        let lock = try BuildLock.acquire(ReleaseLayout(output: site.output).lockFile, wait: false)
        #expect(throws: LockError.self) { try site.build() }
        lock.release()
        #expect(try site.build().publish != nil)
    }

    @Test func waitingBuildRunsWhenTheLockIsReleased() throws {
        let site = try BuildEndToEndTests.smallSite()
        let lock = try BuildLock.acquire(ReleaseLayout(output: site.output).lockFile, wait: false)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { lock.release() }
        var options = site.options
        options.waitForLock = true
        let started = Date()
        #expect(try SiteBuilder.build(options).publish != nil)
        #expect(Date().timeIntervalSince(started) >= 0.25)
    }

    @Test func aLockFileLeftByADeadProcessIsTakenOver() throws {
        let site = try BuildEndToEndTests.smallSite()
        let file = ReleaseLayout(output: site.output).lockFile
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("999999\n".utf8).write(to: file)
        #expect(try site.build().publish != nil)
        #expect(try String(contentsOf: file, encoding: .utf8) == "\(getpid())\n")
    }

    @Test func aWriteFailureKeepsThePublishedSite() throws {
        let site = try BuildEndToEndTests.smallSite()
        _ = try site.build()
        let before = try Data(contentsOf: site.output.appendingPathComponent("manifest.json"))
        struct DiskFull: Error {}
        var options = site.options
        options.clean = true
        options.hooks = PublishHooks(afterWritingFile: { n in if n == 10 { throw DiskFull() } })
        #expect(throws: OutputError.self) { try SiteBuilder.build(options) }
        #expect(try Data(contentsOf: site.output.appendingPathComponent("manifest.json")) == before)
        #expect(LinkChecker.brokenLinks(in: site.output, baseURL: "https://example.org/site/") == [])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }
}

@Suite("Guard against collapse")
struct ShrinkGuardTests {
    @Test func losingMostOrganisationsIsRefusedUnlessAllowed() throws {
        let site = try BuildEndToEndTests.smallSite()
        _ = try site.build()
        let before = try Data(contentsOf: site.output.appendingPathComponent("manifest.json"))
        // The content folder "fails to mount": only one organisation and no disclosures are left.
        for path in ["content/branches/root.md", "content/branches/b.md", "content/promises/p2.md", "content/examples/e1.md", "content/disclosures/d2.md"] {
            try site.remove(path)
        }
        try site.write("content/branches/a.md", Sample.branch("a"))
        let refused = try site.build()
        #expect(refused.hasErrors)
        #expect(refused.diagnostics.contains { $0.path == "content" && $0.message.contains("本次只有 1 个组织，而已发布的网站有 3 个") })
        #expect(refused.publish == nil)
        #expect(try Data(contentsOf: site.output.appendingPathComponent("manifest.json")) == before)
        var options = site.options
        options.allowShrink = true
        #expect(try SiteBuilder.build(options).publish != nil)
        #expect(!site.outputFiles().contains("branches/b/index.html"))
    }

    @Test func noDisclosuresLeftIsRefused() throws {
        let site = try BuildEndToEndTests.smallSite()
        _ = try site.build()
        for id in ["d1", "d2"] { try site.remove("content/disclosures/\(id).md") }
        let refused = try site.build()
        #expect(refused.diagnostics.contains { $0.message.contains("本次没有可发布的党务公开事项，而已发布的网站有 2 项") })
        #expect(try site.page("disclosures/d1/index.html").contains("d1 公开事项"))
    }
}
