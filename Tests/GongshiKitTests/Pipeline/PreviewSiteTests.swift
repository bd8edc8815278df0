import Foundation
import Testing

@testable import GongshiKit

/// `gongshi serve`'s site kept in memory (`SiteBuilder.Preview`): after every save, every path it serves has exactly
/// the bytes a clean `gongshi build` of the same input publishes, and nothing else is served.
@Suite("Preview kept in memory")
struct PreviewSiteTests {
    /// The bytes the preview serves for `path`.
    static func served(_ pages: SiteBuilder.Preview.Pages, _ path: String) -> Data? {
        switch pages.lookup(path) {
        case .memory(let data): return data
        case .disk(let url): return FileManager.default.contents(atPath: url.path)
        case .folder, .missing: return nil
        }
    }

    /// What differs between the preview and a clean build of `source` into `scratch` (which is replaced).
    static func differences(_ preview: SiteBuilder.Preview, source: URL, templates: URL?, asOf: Day, scratch: URL) throws -> [String] {
        try? FileManager.default.removeItem(at: scratch)
        var options = BuildOptions(
            sourceDirectory: source, outputDirectory: scratch.appendingPathComponent("site"), templatesDirectory: templates, asOf: asOf)
        options.cacheDirectory = scratch.appendingPathComponent("cache")
        options.clean = true
        options.keepReleases = 0
        let outcome = try SiteBuilder.build(options)
        guard !outcome.hasErrors else { return ["the clean build failed: \(outcome.diagnostics.filter { $0.severity == .error })"] }
        let clean = PublishedTree(options.outputDirectory)
        let cleanPaths = Set(clean.files.keys).subtracting([Publisher.markerName])
        var lines: [String] = []
        for path in cleanPaths.union(preview.pages.paths).sorted() {
            switch (served(preview.pages, path), clean.files[path]) {
            case (nil, _): lines.append("not served: \(path)")
            case (_, nil): lines.append("served but not in the clean build: \(path)")
            case (let a?, let b?) where a != b: lines.append("differs: \(path)")
            default: break
            }
        }
        return lines
    }

    static func preview(_ source: URL, templates: URL?, asOf: Day, work: URL) -> SiteBuilder.Preview {
        var options = BuildOptions(
            sourceDirectory: source, outputDirectory: work.appendingPathComponent("site"), templatesDirectory: templates, asOf: asOf)
        options.cacheDirectory = work.appendingPathComponent("cache")
        options.allowShrink = true
        return SiteBuilder.Preview(options: options, directory: work.appendingPathComponent("site"))
    }

    /// Edit, add, delete, rename, template edit, `site.yaml` edit, an error and its fix: each save is served from memory
    /// (the disk copy keeps the start-up build) and equals a clean build.
    @Test func scriptedSavesServeWhatACleanBuildPublishes() throws {
        let site = try TestSite([
            "site.yaml": Sample.site,
            "content/branches/a.md": Sample.branch("a"),
            "content/branches/b.md": Sample.branch("b", parent: "a"),
            "content/disclosures/d1.md": Sample.disclosure("d1"),
            "content/disclosures/d2.md": Sample.disclosure("d2", branch: "b", published: "2026-04-01"),
            "content/promises/p.md": Sample.promise("p", items: [("已兑现", "2026-06-30", "2026-06-01", nil)]),
            "content/pages/about.md": "---\nid: about\ntitle: 关于\n---\n正文。\n",
        ])
        let templates = site.root.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: TestSite.templates, to: templates)
        let work = site.root.appendingPathComponent("preview")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let preview = Self.preview(site.root, templates: templates, asOf: TestSite.asOf, work: work)
        preview.overlayLimit = .max
        let scratch = site.root.appendingPathComponent("clean")
        func expectSame(_ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let update = preview.update()
            #expect(!update.diagnostics.hasErrors && update.failure == nil, "\(step): \(update.diagnostics) \(update.failure ?? "")")
            let lines = try Self.differences(preview, source: site.root, templates: templates, asOf: TestSite.asOf, scratch: scratch)
            #expect(lines.isEmpty, "\(step): \(lines.prefix(10))", sourceLocation: sourceLocation)
        }
        try expectSame("start-up")
        let diskCopy = work.appendingPathComponent("site/disclosures/d1/index.html")
        let startUpBytes = try Data(contentsOf: diskCopy)

        try site.write("content/disclosures/d1.md", Sample.disclosure("d1", title: "改过的标题", body: "新加的一行。"))
        try expectSame("edit")
        #expect(Self.served(preview.pages, "disclosures/d1/index.html").map { String(decoding: $0, as: UTF8.self) }?.contains("改过的标题") == true)
        #expect(preview.pages.overlay["disclosures/d1/index.html"] != nil, "the re-rendered page is held in memory")
        #expect(try Data(contentsOf: diskCopy) == startUpBytes, "a save writes nothing to the preview folder")

        try site.write("content/disclosures/d3.md", Sample.disclosure("d3", branch: "b", published: "2026-05-01"))
        try expectSame("add")
        #expect(preview.pages.lookup("disclosures/d3") == .folder)

        try site.remove("content/disclosures/d2.md")
        try expectSame("delete")
        #expect(preview.pages.lookup("disclosures/d2/index.html") == .missing, "a deleted record's page is no longer served")

        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("content/disclosures/x"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            at: site.root.appendingPathComponent("content/disclosures/d3.md"), to: site.root.appendingPathComponent("content/disclosures/x/d3.md"))
        try expectSame("rename")

        let page = templates.appendingPathComponent("page.mustache")
        try Data(try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "{{$main}}", with: "{{$main}}<p>模板改动</p>").utf8)
            .write(to: page)
        try expectSame("template edit")

        try site.write("site.yaml", Sample.site.replacingOccurrences(of: "测试街道党务公开网", with: "改名后的党务公开网"))
        try expectSame("site.yaml edit")

        let before = preview.pages
        try site.write("content/disclosures/d1.md", "---\nid: d1\nbranch: a\n---\n缺少字段。\n")
        let broken = preview.update()
        #expect(broken.diagnostics.hasErrors)
        #expect(preview.pages.entries == before.entries && preview.pages.overlay == before.overlay, "an error keeps the last good pages")
        try site.write("content/disclosures/d1.md", Sample.disclosure("d1", title: "改正后的标题"))
        try expectSame("fix")
    }

    /// A page linking to a missing page: the save is refused and the last good pages stay.
    @Test func aBrokenLinkKeepsTheLastGoodPages() throws {
        let site = try TestSite([
            "site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a"), "content/disclosures/d.md": Sample.disclosure("d"),
            "content/pages/p.md": "---\nid: p\ntitle: 关于\n---\n正文。\n",
        ])
        let templates = site.root.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: TestSite.templates, to: templates)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let preview = Self.preview(site.root, templates: templates, asOf: TestSite.asOf, work: site.root.appendingPathComponent("preview"))
        #expect(preview.update().failure == nil)
        let before = preview.pages
        let page = templates.appendingPathComponent("page.mustache")
        try Data(
            try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "{{$main}}", with: "{{$main}}<a href=\"no-such-page/\">坏</a>").utf8
        ).write(to: page)
        let update = preview.update()
        #expect(update.failure?.contains("站内链接指向不存在的页面") == true)
        #expect(!update.diagnostics.hasErrors)
        #expect(preview.pages.entries == before.entries && preview.pages.overlay == before.overlay)
    }

    static let environment = ProcessInfo.processInfo.environment
    /// `GONGSHI_PREVIEW_STEPS` (default 40) and `GONGSHI_PREVIEW_SEED` (default 1) replay a run.
    static let steps = environment["GONGSHI_PREVIEW_STEPS"].flatMap { Int($0) } ?? 40
    static let seed = environment["GONGSHI_PREVIEW_SEED"].flatMap { UInt64($0) } ?? 1

    /// The random edits of `RandomIncrementalTests` (every field of every kind, adds, deletes, renames, templates,
    /// `site.yaml`, the as-of date, mistakes the build refuses), saved one after another into one preview; the held
    /// bytes are sometimes written to disk at once, sometimes kept. After every step the preview equals a clean build;
    /// after a refused step it is what it was.
    @Test func randomSavesServeWhatACleanBuildPublishes() throws {
        var g = SeededGenerator(seed: Self.seed)
        var site = RandomSite.generate(organisations: 12, &g)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-preview-random-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let source = root.appendingPathComponent("site")
        var files = site.files
        try RandomIncrementalTests.sync(source, from: [:], to: files, mutation: SiteMutation(description: "initial site"))
        let preview = Self.preview(source, templates: nil, asOf: Day(site.asOf.description)!, work: root.appendingPathComponent("preview"))
        var queue: [FieldTarget] = []
        var history: [String] = []
        for step in 0...Self.steps {
            let before = site
            let mutation = step == 0 ? SiteMutation(description: "initial site") : site.mutate(&g, fields: &queue)
            let newFiles = site.files
            try RandomIncrementalTests.sync(source, from: files, to: newFiles, mutation: mutation)
            files = newFiles
            history.append("\(step): \(mutation)")
            preview.options.asOf = Day(site.asOf.description)!
            preview.overlayLimit = Bool.random(using: &g) ? 0 : .max
            let kept = preview.pages
            let update = preview.update()
            let context = "step \(step) of seed \(Self.seed): \(mutation)\nlast steps:\n\(history.suffix(6).joined(separator: "\n"))"
            if mutation.mustFail || !site.problems.isEmpty {
                #expect(update.diagnostics.hasErrors || update.failure != nil, "a mistake was served\n\(context)")
                #expect(preview.pages.entries == kept.entries, "a refused save changed the pages\n\(context)")
                site = before
                let restored = site.files
                try RandomIncrementalTests.sync(source, from: files, to: restored, mutation: SiteMutation(description: "undo"))
                files = restored
                history.append("\(step): undone")
                continue
            }
            #expect(!update.diagnostics.hasErrors && update.failure == nil, "\(update.failure ?? "")\n\(context)")
            let lines = try Self.differences(
                preview, source: source, templates: nil, asOf: preview.options.asOf, scratch: root.appendingPathComponent("clean"))
            guard lines.isEmpty else {
                Issue.record("the preview differs from a clean build (\(lines.count) files):\n\(lines.prefix(10).joined(separator: "\n"))\n\(context)")
                return
            }
        }
    }
}
