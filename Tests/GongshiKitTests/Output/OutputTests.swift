import Foundation
import Testing

@testable import GongshiKit

@Suite("Paths, links and writing")
struct OutputTests {
    let base = "https://example.org/x/"

    @Test func routesMapToDirectoryIndexes() {
        #expect(Route.home.outputPath == "index.html")
        #expect(Route.branch("a").outputPath == "branches/a/index.html")
        #expect(Route.promisesOfBranch("a").outputPath == "promises/by-branch/a/index.html")
        #expect(Route.notFound.outputPath == "404.html")
        #expect(Route.sitemap.outputPath == "sitemap.xml")
    }

    @Test func linksAreRelativeSoAnyPathPrefixWorks() {
        #expect(Route.home.href(to: .branch("a"), baseURL: base) == "branches/a/")
        #expect(Route.branch("a").href(to: .home, baseURL: base) == "../../")
        #expect(Route.promisesOfBranch("a").href(to: .asset("site.css"), baseURL: base) == "../../../assets/site.css")
        #expect(Route.home.href(to: .home, baseURL: base) == "./")
        #expect(Route.notFound.href(to: .branchIndex, baseURL: base) == "https://example.org/x/branches/")
    }

    @Test func categorySlugsNeverUseChinese() throws {
        let config = try #require(ContentLoader.loadSiteConfig("title: t\nbase_url: https://e.org\ncategories: [乡村振兴, 党费管理]").0)
        #expect(CategorySlug.slug(for: "党费管理", config: config) == "dangfei-guanli")
        #expect(CategorySlug.slug(for: "乡村振兴", config: config) == "custom-1")
        #expect(config.baseURL == "https://e.org/")
    }

    @Test func writerRefusesToReplaceAForeignFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("foreign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("重要文件".utf8).write(to: dir.appendingPathComponent("thesis.docx"))
        let writer = Publisher(outputDirectory: dir)
        #expect(throws: OutputError.self) { try writer.publish([RenderedPage(path: "index.html", text: "x")]) }
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("thesis.docx").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("index.html").path))
    }

    @Test func writerReplacesItsOwnOutputAndKeepsDotfiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("own-\(UUID().uuidString)/output")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data().write(to: dir.appendingPathComponent(".gitkeep"))
        let writer = Publisher(outputDirectory: dir)
        try writer.publish([RenderedPage(path: "a/index.html", text: "one")])
        try writer.publish([RenderedPage(path: "b/index.html", text: "two")])
        let fm = FileManager.default
        #expect(fm.fileExists(atPath: dir.appendingPathComponent(".gitkeep").path))
        #expect(!fm.fileExists(atPath: dir.appendingPathComponent("a/index.html").path))
        #expect(try String(contentsOf: dir.appendingPathComponent("b/index.html"), encoding: .utf8) == "two")
        let siblings = try fm.contentsOfDirectory(atPath: dir.deletingLastPathComponent().path).sorted()
        #expect(siblings == [".output.gongshi", "output"], "staging folders left behind: \(siblings)")
    }

    @Test func outputMayNotContainTheSource() {
        let source = URL(fileURLWithPath: "/tmp/site")
        #expect(BuildOptions(sourceDirectory: source, outputDirectory: source, asOf: TestSite.asOf).outputConflict != nil)
        #expect(BuildOptions(sourceDirectory: source, outputDirectory: URL(fileURLWithPath: "/tmp"), asOf: TestSite.asOf).outputConflict != nil)
        #expect(BuildOptions(sourceDirectory: source, outputDirectory: source.appendingPathComponent("output"), asOf: TestSite.asOf).outputConflict == nil)
    }
}
