import Foundation
import Testing

@testable import GongshiKit

@Suite("gongshi init")
struct SiteInitializerTests {
    static func freshDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-test-\(UUID().uuidString)")
    }

    @Test func createsTheLayout() throws {
        let root = Self.freshDirectory()
        try SiteInitializer.create(at: root)
        let files = TestSite.listFiles(under: root)
        #expect(files.contains("site.yaml"))
        for kind in ContentKind.allCases {
            #expect(files.contains("content/\(kind.rawValue)/.gitkeep"))
        }
        for name in TemplateLibrary.required {
            #expect(files.contains("templates/\(name).mustache"))
        }
        let copied = try TemplateSource.read(from: root.appendingPathComponent("templates")).get()
        #expect(copied.templates == DefaultTheme.source.templates)
        #expect(copied.assets == DefaultTheme.source.assets)
    }

    /// Valid YAML for the schema; only its two placeholders (title, base_url) are errors, to be filled in.
    @Test func siteConfigIsValidAndCommented() throws {
        let (config, diagnostics) = ContentLoader.loadSiteConfig(SiteInitializer.siteConfig)
        #expect(diagnostics.map(\.kind) == [.placeholder, .placeholder], "\(diagnostics)")
        #expect(diagnostics.map(\.line) == [3, 5])
        #expect(config?.categories == [])
        for key in ContentSchema.site.map(\.key) {
            #expect(SiteInitializer.siteConfig.contains("\n\(key):"), "site.yaml lacks \(key)")
        }
    }

    /// A new site is refused until site.yaml's title and base_url are filled in; then it builds with its own theme.
    @Test func theNewSiteBuildsWithItsOwnTemplatesOnceSiteYAMLIsFilledIn() throws {
        let root = Self.freshDirectory()
        try SiteInitializer.create(at: root)
        let output = root.appendingPathComponent("output")
        let refused = try SiteBuilder.build(BuildOptions(sourceDirectory: root, outputDirectory: output, asOf: TestSite.asOf))
        #expect(refused.diagnostics.map(\.description).filter { $0.hasPrefix("site.yaml:") }.count == 2)
        #expect(refused.hasErrors && !FileManager.default.fileExists(atPath: output.path))
        try Self.fillInSiteYAML(root)
        let outcome = try SiteBuilder.build(BuildOptions(sourceDirectory: root, outputDirectory: output, asOf: TestSite.asOf))
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(\.description))")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("assets/site.css").path))
    }

    /// Replaces the placeholders of `init`'s site.yaml, as its comments ask.
    static func fillInSiteYAML(_ root: URL) throws {
        let url = root.appendingPathComponent("site.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: ScaffoldPlaceholder.siteTitle.text, with: "青溪街道党务公开网")
            .replacingOccurrences(of: ScaffoldPlaceholder.baseURL.text, with: "https://qingxi.example.org/")
        try Data(text.utf8).write(to: url)
    }

    @Test func theNewSiteTakesNewContent() throws {
        let root = Self.freshDirectory()
        try SiteInitializer.create(at: root)
        try Self.fillInSiteYAML(root)
        for (kind, id) in [(ContentKind.branches, "a"), (.promises, "p"), (.disclosures, "d"), (.examples, "e"), (.pages, "about")] {
            _ = try ScaffoldWriter.write(.init(sourceDirectory: root, kind: kind, id: id, today: TestSite.asOf))
        }
        let output = root.appendingPathComponent("output")
        let outcome = try SiteBuilder.build(BuildOptions(sourceDirectory: root, outputDirectory: output, asOf: TestSite.asOf))
        // Every new file still holds placeholders, and nothing else is wrong.
        #expect(outcome.hasErrors)
        #expect(!outcome.diagnostics.contains { $0.severity == .error && $0.kind != .placeholder }, "\(outcome.diagnostics.map(\.description))")
        for (path, text) in ScaffoldPlaceholderTests.filledIn(root) { try Data(text.utf8).write(to: root.appendingPathComponent(path)) }
        let built = try SiteBuilder.build(BuildOptions(sourceDirectory: root, outputDirectory: output, asOf: TestSite.asOf))
        #expect(!built.hasErrors, "\(built.diagnostics.map(\.description))")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("promises/p/index.html").path))
    }

    @Test func acceptsAnEmptyDirectory() throws {
        let root = Self.freshDirectory()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try SiteInitializer.create(at: root)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site.yaml").path))
    }

    @Test func refusesANonEmptyDirectoryOrAFile() throws {
        let site = try TestSite(["notes.txt": "keep me"])
        #expect(throws: ScaffoldError.self) { try SiteInitializer.create(at: site.root) }
        do {
            try SiteInitializer.create(at: site.root)
        } catch {
            #expect(error.reason == .conflict)
        }
        #expect(TestSite.listFiles(under: site.root) == ["notes.txt"])
        let file = site.root.appendingPathComponent("notes.txt")
        #expect(throws: ScaffoldError.self) { try SiteInitializer.create(at: file) }
    }
}
