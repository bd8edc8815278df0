import Foundation
import Mustache

/// The Mustache templates of a site, parsed once; a page kind renders through its template name.
public struct TemplateLibrary: Sendable {
    /// Template names every site needs, one per page kind.
    public static let required = [
        "layout", "home", "branches", "branch", "promises", "promise", "disclosures", "disclosure",
        "examples", "example", "stats", "page", "404", "search", "poster", "branch-stats", "definitions",
    ]

    /// Every template, compiled once; rendered by `MustacheRenderer`.
    let compiled: [String: [MustacheNode]]
    /// Files copied verbatim into the site under `assets/`.
    public let assets: [RenderedPage]
    /// SHA-256 over every template's name and text.
    public let digest: String
    /// SHA-256 of each template's text, by name (`versions()` adds what each one uses).
    let textDigests: [String: String]

    /// Loads every `*.mustache` file and the `assets/` folder of `directory`; diagnostics name it `label`.
    public static func load(from directory: URL, label: String = "templates") -> (TemplateLibrary?, [Diagnostic]) {
        switch TemplateSource.read(from: directory, label: label) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let source): return make(from: source, label: label)
        }
    }

    /// Parses the templates of `source`; reports syntax errors and missing templates.
    public static func make(from source: TemplateSource, label: String = "templates") -> (TemplateLibrary?, [Diagnostic]) {
        var compiled: [String: [MustacheNode]] = [:]
        var diagnostics: [Diagnostic] = []
        var found: Set<String> = []
        for (name, text) in source.templates.sorted(by: { $0.key < $1.key }) {
            let path = "\(label)/\(name).mustache"
            do {
                // swift-mustache reads it first, for the syntax errors (and their line numbers) users know.
                _ = try MustacheTemplate(string: text)
                compiled[name] = try MustacheParser.parse(text)
                found.insert(name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(.error, path, line: error.context.lineNumber, "模板语法错误：\(error.error)"))
            } catch let error as MustacheParser.Failure {
                let line = 1 + text.utf8.prefix(error.offset).filter { $0 == UInt8(ascii: "\n") }.count
                diagnostics.append(Diagnostic(.error, path, line: line, "模板语法错误：\(error.message)"))
            } catch {
                diagnostics.append(Diagnostic(.error, path, line: 1, "模板语法错误：\(error)"))
            }
        }
        for name in required where !found.contains(name) && source.templates[name] == nil {
            diagnostics.append(Diagnostic(.error, "\(label)/\(name).mustache", line: 1, "缺少模板 \(name).mustache"))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let assets = source.assets.sorted { $0.key < $1.key }.map { RenderedPage(path: "assets/\($0.key)", contents: $0.value) }
        var hasher = SHA256()
        for (name, text) in source.templates.sorted(by: { $0.key < $1.key }) { hasher.update(Data("\(name)\0\(text)\0".utf8)) }
        let textDigests = source.templates.mapValues { SHA256.hex($0) }
        return (TemplateLibrary(compiled: compiled, assets: assets, digest: hasher.finalizeHex(), textDigests: textDigests), diagnostics)
    }

    /// Renders `context` through the template `name`.
    func render(_ context: TemplateValue, template name: String) -> String {
        String(decoding: renderBytes(context, template: name), as: UTF8.self)
    }

    /// The UTF-8 bytes of `render`.
    func renderBytes(_ context: TemplateValue, template name: String) -> [UInt8] {
        MustacheRenderer.render(context, template: name, in: compiled) ?? []
    }
}
