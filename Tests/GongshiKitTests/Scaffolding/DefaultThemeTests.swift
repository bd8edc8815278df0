import Foundation
import Testing

@testable import GongshiKit

@Suite("The built-in default theme")
struct DefaultThemeTests {
    @Test func matchesTheTemplatesFolder() throws {
        let files = try TemplateSource.read(from: TestSite.templates).get()
        let embedded = DefaultTheme.source
        let stale = "Sources/GongshiKit/Rendering/DefaultTheme.swift differs from templates/: run make embed-templates"
        #expect(embedded.templates.keys.sorted() == files.templates.keys.sorted(), "\(stale)")
        for (name, text) in files.templates.sorted(by: { $0.key < $1.key }) {
            #expect(embedded.templates[name] == text, "templates/\(name).mustache: \(stale)")
        }
        #expect(embedded.assets.keys.sorted() == files.assets.keys.sorted(), "\(stale)")
        for (path, data) in files.assets.sorted(by: { $0.key < $1.key }) {
            #expect(embedded.assets[path] == data, "templates/assets/\(path): \(stale)")
        }
    }

    @Test func parsesWithoutDiagnostics() {
        let (library, diagnostics) = TemplateLibrary.make(from: DefaultTheme.source)
        #expect(library != nil)
        #expect(diagnostics.isEmpty)
    }

    @Test func isUsedWhenTheSiteHasNoTemplatesFolder() throws {
        let site = try TestSite(["site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a")])
        let options = BuildOptions(sourceDirectory: site.root, outputDirectory: site.output, asOf: TestSite.asOf)
        let outcome = try SiteBuilder.build(options)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(\.description))")
        let css = try Data(contentsOf: site.output.appendingPathComponent("assets/site.css"))
        #expect(css == DefaultTheme.source.assets["site.css"])
    }

    @Test func aMissingTemplatesOptionIsStillAnError() throws {
        let site = try TestSite(["site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a")])
        let missing = site.root.appendingPathComponent("no-such-templates")
        let options = BuildOptions(sourceDirectory: site.root, outputDirectory: site.output, templatesDirectory: missing, asOf: TestSite.asOf)
        let diagnostics = SiteBuilder.check(options).2
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("找不到模板目录") })
    }

    @Test func aSiteTemplatesFolderWinsOverTheDefault() throws {
        let site = try TestSite(["site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a")])
        try FileManager.default.copyItem(at: TestSite.templates, to: site.root.appendingPathComponent("templates"))
        try site.write("templates/assets/site.css", "/* site's own */")
        _ = try SiteBuilder.build(BuildOptions(sourceDirectory: site.root, outputDirectory: site.output, asOf: TestSite.asOf))
        #expect(try site.page("assets/site.css") == "/* site's own */")
    }
}
