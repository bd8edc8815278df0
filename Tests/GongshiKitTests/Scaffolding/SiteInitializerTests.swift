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

    @Test func siteConfigIsValidAndCommented() throws {
        let (config, diagnostics) = ContentLoader.loadSiteConfig(SiteInitializer.siteConfig)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config?.categories == [])
        for key in ContentSchema.site.map(\.key) {
            #expect(SiteInitializer.siteConfig.contains("\n\(key):"), "site.yaml lacks \(key)")
        }
    }

    @Test func theNewSiteBuildsWithItsOwnTemplates() throws {
        let root = Self.freshDirectory()
        try SiteInitializer.create(at: root)
        let output = root.appendingPathComponent("output")
        let outcome = try SiteBuilder.build(BuildOptions(sourceDirectory: root, outputDirectory: output, asOf: TestSite.asOf))
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(\.description))")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("assets/site.css").path))
    }

    @Test func theNewSiteTakesNewContent() throws {
        let root = Self.freshDirectory()
        try SiteInitializer.create(at: root)
        for (kind, id) in [(ContentKind.branches, "a"), (.promises, "p"), (.disclosures, "d"), (.examples, "e"), (.pages, "about")] {
            _ = try ScaffoldWriter.write(.init(sourceDirectory: root, kind: kind, id: id, today: TestSite.asOf))
        }
        let output = root.appendingPathComponent("output")
        let outcome = try SiteBuilder.build(BuildOptions(sourceDirectory: root, outputDirectory: output, asOf: TestSite.asOf))
        #expect(!outcome.hasErrors, "\(outcome.diagnostics.map(\.description))")
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
