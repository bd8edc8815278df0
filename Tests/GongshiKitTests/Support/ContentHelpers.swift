import Foundation
import Testing

@testable import GongshiKit

/// In-memory helpers: load and assemble content without touching the disk.
enum TestContent {
    /// The configuration of `Sample.site` (built-in categories only).
    static let config: SiteConfig = {
        let (config, diagnostics) = ContentLoader.loadSiteConfig(Sample.site)
        precondition(diagnostics.isEmpty, "Sample.site must be valid: \(diagnostics)")
        return config!
    }()

    /// A document whose front matter is `yaml`, one entry per line: `yaml[k]` is on file line `k + 2`.
    static func document(_ yaml: [String], body: String = "正文。") -> String {
        (["---"] + yaml + ["---", body]).joined(separator: "\n") + "\n"
    }

    /// A source file whose kind is taken from its path, `content/<kind>/…`.
    static func file(_ path: String, _ text: String) -> SourceFile {
        let folder = path.split(separator: "/").dropFirst().first.map(String.init) ?? ""
        guard let kind = ContentKind(rawValue: folder) else { preconditionFailure("no content kind in \(path)") }
        return SourceFile(path: path, kind: kind, text: text)
    }

    /// Loads the files, in the given order.
    static func load(_ files: [(path: String, text: String)], config: SiteConfig = config) -> LoadedContent {
        ContentLoader.load(files.map { file($0.path, $0.text) }, config: config)
    }

    /// Loads then assembles; the loader's diagnostics come first.
    static func assemble(
        _ files: [(path: String, text: String)], config: SiteConfig = config, asOf: Day = TestSite.asOf
    ) -> (model: SiteModel, diagnostics: [Diagnostic]) {
        let content = load(files, config: config)
        let (model, diagnostics) = SiteAssembler.assemble(content, config: config, asOf: asOf)
        return (model, content.diagnostics + diagnostics)
    }
}

/// Finds the one diagnostic at `path:line` of `severity` whose message contains every word; records an issue otherwise.
@discardableResult
func expectDiagnostic(
    _ diagnostics: [Diagnostic], _ severity: Diagnostic.Severity, _ path: String, line: Int, contains words: [String],
    sourceLocation: SourceLocation = #_sourceLocation
) -> Diagnostic? {
    let matches = diagnostics.filter { d in
        d.severity == severity && d.path == path && d.line == line && words.allSatisfy { d.message.contains($0) }
    }
    if matches.count != 1 {
        Issue.record(
            """
            expected exactly one \(severity.rawValue) at \(path):\(line) containing \(words), found \(matches.count); all diagnostics:
            \(diagnostics.map(\.description).joined(separator: "\n"))
            """,
            sourceLocation: sourceLocation)
    }
    return matches.first
}
