import Foundation
import Testing

@testable import GongshiKit

/// Every kind of record is compared with the published site, and a site whose manifest is missing is compared by its
/// pages: a build that would lose most of one kind is refused unless `--allow-shrink` is given.
@Suite("Guard against collapse, every kind")
struct CollapseGuardTests {
    /// Four records of every kind.
    static func site() throws -> TestSite {
        var files = ["site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a")]
        for n in 1...4 {
            files["content/branches/b\(n).md"] = Sample.branch("b\(n)", parent: "a")
            files["content/promises/p\(n).md"] = Sample.promise("p\(n)", items: [("进行中", "2026-12-31", nil, nil)])
            files["content/disclosures/d\(n).md"] = Sample.disclosure("d\(n)")
            files["content/examples/e\(n).md"] = "---\nid: e\(n)\ntitle: 事例\(n)\nbranch: a\ndate: 2026-06-01\n---\n正文。\n"
            files["content/pages/g\(n).md"] = "---\nid: g\(n)\ntitle: 页面\(n)\n---\n正文。\n"
        }
        return try TestSite(files)
    }

    static let folders = ["branches": "b", "promises": "p", "disclosures": "d", "examples": "e", "pages": "g"]
    static let names = ["branches": "个组织", "promises": "封承诺书", "disclosures": "项党务公开事项", "examples": "个典型事例", "pages": "个其他页面"]

    /// Removes records `1...count` of a kind.
    static func remove(_ count: Int, of kind: String, in site: TestSite) throws {
        for n in 1...count { try site.remove("content/\(kind)/\(folders[kind]!)\(n).md") }
    }

    static func expectRefused(_ site: TestSite, _ text: String, _ note: String) throws {
        let before = try Data(contentsOf: site.output.appendingPathComponent(Manifest.fileName))
        let outcome = try site.build()
        #expect(outcome.publish == nil, "\(note) was published")
        let messages = outcome.diagnostics.filter { $0.path == "content" && $0.line == 1 && $0.severity == .error }.map(\.message)
        #expect(messages.contains { $0.contains(text) && $0.contains("--allow-shrink") }, "\(note): \(messages)")
        #expect(try Data(contentsOf: site.output.appendingPathComponent(Manifest.fileName)) == before)
        var options = site.options
        options.allowShrink = true
        #expect(try SiteBuilder.build(options).publish != nil, "\(note) with --allow-shrink")
    }

    @Test(arguments: ["branches", "promises", "disclosures", "examples", "pages"])
    func losingAllOrMostOfAKindIsRefused(_ kind: String) throws {
        // All four gone. (Branches keep `a`, which the other records belong to: 5 → 1.)
        let all = try Self.site()
        _ = try all.build()
        try Self.remove(4, of: kind, in: all)
        let unit = Self.names[kind]!
        let name = String(unit.dropFirst())
        try Self.expectRefused(all, kind == "branches" ? "本次只有 1 \(unit)，而已发布的网站有 5 " : "本次没有可发布的\(name)，而已发布的网站有 4 ", "\(kind) all")

        // Three of four: fewer than half are left.
        let most = try Self.site()
        _ = try most.build()
        try Self.remove(kind == "branches" ? 4 : 3, of: kind, in: most)
        if kind != "branches" { try Self.expectRefused(most, "本次只有 1 \(unit)，而已发布的网站有 4 ", "\(kind) most") }

        // Half is still allowed.
        let half = try Self.site()
        _ = try half.build()
        try Self.remove(2, of: kind, in: half)
        #expect(try half.build().publish != nil, "\(kind) half")
    }

    @Test func aManifestWithoutCountsIsCountedByItsPages() throws {
        let site = try Self.site()
        _ = try site.build()
        let url = site.output.appendingPathComponent(Manifest.fileName)
        var manifest = try #require(Manifest.read(from: url))
        #expect(manifest.counts == ["branches": 5, "promises": 4, "disclosures": 4, "examples": 4, "pages": 4])
        // As gongshi 0.2.0 wrote it.
        manifest.counts = [:]
        try manifest.json.write(to: url)
        #expect(ShrinkGuard.counts(manifest) == ["branches": 5, "promises": 4, "disclosures": 4, "examples": 4, "pages": 4])
        try Self.remove(4, of: "examples", in: site)
        try Self.expectRefused(site, "本次没有可发布的典型事例，而已发布的网站有 4 个", "old manifest")
    }

    @Test func withoutAManifestAnEmptyOrMuchSmallerSiteIsRefused() throws {
        let site = try Self.site()
        _ = try site.build()
        let url = site.output.appendingPathComponent(Manifest.fileName)
        // Unreadable, then missing.
        try Data("{\"files\": ".utf8).write(to: url)
        for kind in Self.folders.keys.sorted() where kind != "branches" { try Self.remove(4, of: kind, in: site) }
        try Self.remove(4, of: "branches", in: site)
        try site.remove("content/branches/a.md")
        try Self.expectRefusedWithoutManifest(site, "本次没有任何可发布的内容")
        try FileManager.default.removeItem(at: url)
        try Self.expectRefusedWithoutManifest(site, "本次没有任何可发布的内容")
        try site.write("content/branches/a.md", Sample.branch("a"))
        try Self.expectRefusedWithoutManifest(site, "本次只有 ")
    }

    static func expectRefusedWithoutManifest(_ site: TestSite, _ text: String) throws {
        let outcome = try site.build()
        #expect(outcome.publish == nil)
        #expect(
            outcome.diagnostics.contains { $0.path == "content" && $0.message.contains(text) && $0.message.contains("manifest.json") }, "\(outcome.diagnostics)"
        )
    }

    @Test func withoutAManifestTheSameSiteIsPublished() throws {
        let site = try Self.site()
        _ = try site.build()
        try FileManager.default.removeItem(at: site.output.appendingPathComponent(Manifest.fileName))
        #expect(try site.build().publish != nil)
    }

    /// What the output's manifest is replaced with before the build.
    enum LiveManifest: String, CaseIterable, Sendable {
        case missing, unreadable, noFiles, zeroCounts, zeroCountsNoFiles
    }

    static func replaceManifest(of site: TestSite, with replacement: LiveManifest) throws {
        let url = site.output.appendingPathComponent(Manifest.fileName)
        var manifest = try #require(Manifest.read(from: url))
        switch replacement {
        case .missing: try FileManager.default.removeItem(at: url)
        case .unreadable: try Data("{\"files\": ".utf8).write(to: url)
        case .noFiles: try Data("{\"files\":{}}".utf8).write(to: url)
        case .zeroCounts:
            manifest.counts = manifest.counts.mapValues { _ in 0 }
            try manifest.json.write(to: url)
        case .zeroCountsNoFiles:
            try Manifest(entries: [:], counts: manifest.counts.mapValues { _ in 0 }).json.write(to: url)
        }
    }

    /// Whole kinds disappear while the page count stays above half: the output's own pages show what it holds.
    @Test(arguments: LiveManifest.allCases)
    func aManifestThatIsMissingOrWrongIsCountedFromThePagesOnDisk(_ replacement: LiveManifest) throws {
        for kind in ["promises", "examples", "pages", "disclosures"] {
            let site = try Self.site()
            _ = try site.build()
            try Self.replaceManifest(of: site, with: replacement)
            try Self.remove(4, of: kind, in: site)
            let unit = Self.names[kind]!
            let outcome = try site.build()
            #expect(outcome.publish == nil, "\(replacement) \(kind) was published")
            let messages = outcome.diagnostics.filter { $0.path == "content" && $0.severity == .error }.map(\.message)
            #expect(messages.contains { $0.contains("本次没有可发布的\(unit.dropFirst())，而已发布的网站有 4 \(unit.prefix(1))") }, "\(replacement) \(kind): \(messages)")
            var options = site.options
            options.allowShrink = true
            #expect(try SiteBuilder.build(options).publish != nil)
        }
    }

    @Test(arguments: [LiveManifest.noFiles, .zeroCounts, .zeroCountsNoFiles])
    func anEmptyContentFolderIsRefusedWhateverTheManifestSays(_ replacement: LiveManifest) throws {
        let site = try Self.site()
        _ = try site.build()
        try Self.replaceManifest(of: site, with: replacement)
        for kind in ["promises", "disclosures", "examples", "pages"] { try Self.remove(4, of: kind, in: site) }
        try Self.remove(4, of: "branches", in: site)
        let outcome = try site.build()
        #expect(outcome.publish == nil, "\(replacement): an emptied site was published")
        #expect(outcome.diagnostics.contains { $0.path == "content" && $0.message.contains("已发布的网站有 5 个") }, "\(outcome.diagnostics)")
    }

    @Test func theSameSiteIsStillPublishedWhenTheManifestIsWrong() throws {
        for replacement in LiveManifest.allCases {
            let site = try Self.site()
            _ = try site.build()
            try Self.replaceManifest(of: site, with: replacement)
            #expect(try site.build().publish != nil, "\(replacement)")
        }
    }

    @Test func theCollapseIsReportedWithTheOtherContentErrors() throws {
        let site = try Self.site()
        _ = try site.build()
        try Self.remove(4, of: "promises", in: site)
        try site.write("content/pages/g1.md", "---\nid: g1\n---\n正文。\n")
        let outcome = try site.build()
        #expect(outcome.diagnostics.contains { $0.path == "content/pages/g1.md" && $0.severity == .error })
        #expect(outcome.diagnostics.contains { $0.path == "content" && $0.message.contains("本次没有可发布的承诺书") }, "\(outcome.diagnostics)")
    }

    @Test func theGuardRule() {
        #expect(ShrinkGuard.shrinksTooMuch(from: 20, to: 1))
        #expect(ShrinkGuard.shrinksTooMuch(from: 20, to: 9))
        #expect(!ShrinkGuard.shrinksTooMuch(from: 20, to: 10))
        #expect(ShrinkGuard.shrinksTooMuch(from: 1, to: 0))
        #expect(!ShrinkGuard.shrinksTooMuch(from: 0, to: 0))
        #expect(ShrinkGuard.unknownProblem(livePages: 100, records: 0, plannedPages: 90) != nil)
        #expect(ShrinkGuard.unknownProblem(livePages: 100, records: 5, plannedPages: 49) != nil)
        #expect(ShrinkGuard.unknownProblem(livePages: 100, records: 5, plannedPages: 50) == nil)
        #expect(ShrinkGuard.unknownProblem(livePages: 0, records: 0, plannedPages: 10) == nil)
    }
}
