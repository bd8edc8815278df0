import Foundation
import Testing

@testable import GongshiKit

/// The render stage runs the plan, collects the links of what it renders and keeps the keys; Output only writes.
@Suite("The render stage")
struct RenderStageTests {
    static let base = "https://e.org/"

    static func page(_ path: String, _ text: String) -> RenderedPage { RenderedPage(path: path, text: text) }

    /// Paths handed to a seam from several threads.
    final class Paths: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []
        func add(_ path: String) {
            lock.lock()
            defer { lock.unlock() }
            stored.append(path)
        }
        var sorted: [String] {
            lock.lock()
            defer { lock.unlock() }
            return stored.sorted()
        }
    }

    /// A job that reuses the published page when it is given `key`, and renders `text` otherwise.
    static func job(_ path: String, key: String, _ text: String) -> PageJob {
        PageJob(path: path) { previous in previous == key ? (key, nil) : (key, Data(text.utf8)) }
    }

    /// A group that makes `names` under search/shards.
    static func group(_ names: [String]) -> GroupJob {
        GroupJob(folders: ["search/shards"]) { _, emit in
            try emit(GroupJob.File(path: "search/shards\u{0}group", key: "g", contents: nil, isFile: false))
            for name in names {
                try emit(GroupJob.File(path: "search/shards/\(name).json", key: "k\(name)", contents: Data("[\(name)]".utf8)))
            }
        }
    }

    @Test func aReusedPageIsNotScannedForLinks() throws {
        let output = PublisherTests.freshOutput()
        let publisher = Publisher(outputDirectory: output)
        let first = [
            Self.page("index.html", "<a href=\"a/\">1</a><a href=\"b/\">b</a>"), Self.page("a/index.html", "<a href=\"../\">a</a>"),
            Self.page("b/index.html", "<a href=\"../\">b</a>"),
        ]
        try publisher.publish(first, baseURL: Self.base)
        var plan = RenderPlan(rendered: [Self.page("index.html", "<a href=\"a/\">2</a><a href=\"b/\">b</a>")], reused: ["b/index.html"])
        plan.jobs = [Self.job("a/index.html", key: "ka", "<a href=\"../\">never rendered</a>")]
        plan.previousKeys = ["a/index.html": "ka"]
        let scanned = Paths()
        let (result, keys) = try RenderStage(baseURL: Self.base, collected: scanned.add).publish(plan, with: publisher)
        #expect(scanned.sorted == ["index.html"], "only the page rendered in this run is scanned")
        #expect(result.written == 1 && result.reused == 2)
        #expect(keys["a/index.html"] == "ka")
        #expect(PublisherTests.text(output.appendingPathComponent("a/index.html")) == "<a href=\"../\">a</a>")
    }

    @Test func aBrokenLinkIsRefusedWithTheSameMessageAndNothingChanges() throws {
        let output = PublisherTests.freshOutput()
        let publisher = Publisher(outputDirectory: output)
        try publisher.publish(PublisherTests.site("old"), baseURL: Self.base)
        let pages = [Self.page("index.html", "<a href=\"gone/\">x</a><a href=\"a/\">a</a>"), Self.page("a/index.html", "<img src=\"../%E5%9B%BE.png\">")]
        do {
            try publisher.publish(pages, baseURL: Self.base)
            Issue.record("a site with broken links was published")
        } catch {
            #expect(error.message == "生成的网站有 2 个站内链接指向不存在的页面（原站点保持不变）：a/index.html → ../图.png；index.html → gone/")
        }
        #expect(PublisherTests.text(output.appendingPathComponent("index.html")) == "<a href=\"a/\">old</a>")
        #expect(publisher.layout.abandonedStagings().isEmpty)
    }

    @Test func aLinkToAFileMadeByAGroupIsCheckedAgainstTheFinalFiles() throws {
        let output = PublisherTests.freshOutput()
        let publisher = Publisher(outputDirectory: output)
        var plan = RenderPlan(rendered: [Self.page("index.html", "<a href=\"search/shards/1.json\">s</a><a href=\"manifest.json\">m</a>")])
        plan.groups = [Self.group(["1", "2"])]
        let (result, keys) = try RenderStage(baseURL: Self.base).publish(plan, with: publisher)
        #expect(result.written == 3)
        #expect(keys == ["search/shards\u{0}group": "g", "search/shards/1.json": "k1", "search/shards/2.json": "k2"])
        var missing = RenderPlan(rendered: [Self.page("index.html", "<a href=\"search/shards/3.json\">s</a>")])
        missing.groups = [Self.group(["1", "2"])]
        #expect(throws: OutputError.self) { try RenderStage(baseURL: Self.base).publish(missing, with: publisher) }
    }

    @Test func theSinkGetsEveryFileOnceAndTheFirstErrorStopsTheRun() throws {
        struct Full: Error {}
        var plan = RenderPlan(rendered: (1...20).map { Self.page("p\($0).html", "<a href=\"p1.html\">x</a>") }, reused: ["kept.html"])
        plan.jobs = (1...20).map { Self.job("j\($0)/index.html", key: "k\($0)", "j\($0)") }
        plan.groups = [Self.group(["1"])]
        let outline = RenderStage.outline(of: plan)
        #expect(outline.files.count == 41 && outline.openFolders == ["search/shards"] && outline.reusesPublished)
        let seen = Paths()
        _ = try RenderStage(baseURL: Self.base).run(plan, known: outline.files) { file in
            seen.add(file.path)
            #expect(file.pendingLinks.isEmpty)
            #expect((file.contents == nil) == (file.path == "kept.html"))
        }
        #expect(seen.sorted == (outline.files.sorted() + ["search/shards/1.json"]).sorted())
        #expect(throws: Full.self) {
            _ = try RenderStage(baseURL: Self.base).run(plan, known: outline.files) { file in
                if file.path == "p3.html" { throw Full() }
            }
        }
    }

    /// The manifest takes the digest a file's maker computed instead of hashing the bytes again (a group's files
    /// are keyed by their own SHA-256).
    @Test func aDigestComputedForTheKeyIsNotComputedAgain() throws {
        let output = PublisherTests.freshOutput()
        let publisher = Publisher(outputDirectory: output)
        let claimed = String(repeating: "ab", count: 32)
        let live = PublishedSite.read(output)
        try publisher.publish(ReleaseOutline(files: ["a.json"]), live: live) { sink in
            try sink.put(StagedFile(path: "a.json", contents: Data("{}".utf8), sha256: claimed))
        }
        let manifest = try #require(Manifest.read(from: output.appendingPathComponent(Manifest.fileName)))
        #expect(manifest.entries["a.json"] == Manifest.Entry(sha256: claimed, size: 2))
    }

    @Test func aGroupHandsOnTheDigestOfEveryFileItKeysByItsBytes() throws {
        let (model, _, templates) = try SampleContexts.sampleSite()
        var builder = PlanBuilder(
            templates: templates, versions: ModelVersions(model: model, templates: templates),
            previous: ["search/b.json": PlanBuilder.contentKey(Data("b".utf8))])
        builder.addGroup(prefix: "search/", excluding: "", folders: ["search"], inputs: { ["a", "b"] }, key: { $0.joined() }) { names, emit in
            for name in names { try emit(RenderedPage(path: "search/\(name).json", text: name)) }
        }
        var files: [String: GroupJob.File] = [:]
        try builder.finish().groups[0].run(["search/b.json": PlanBuilder.contentKey(Data("b".utf8))]) { files[$0.path] = $0 }
        #expect(files["search/a.json"]?.sha256 == SHA256.hex(Data("a".utf8)))
        #expect(files["search/a.json"]?.key == PlanBuilder.contentKey(Data("a".utf8)))
        #expect(files["search/b.json"]?.contents == nil && files["search/b.json"]?.sha256 == nil, "an unchanged file is reused")
    }
}
