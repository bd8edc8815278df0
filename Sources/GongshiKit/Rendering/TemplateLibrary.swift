import Foundation
import Mustache

/// The Mustache templates of a site, parsed once; a page kind renders through its template name.
public struct TemplateLibrary: Sendable {
    /// Template names every site needs, one per page kind.
    public static let required = [
        "layout", "home", "branches", "branch", "promises", "promise", "disclosures", "disclosure",
        "examples", "example", "stats", "page", "404",
    ]

    let library: MustacheLibrary
    public let directory: URL

    /// Loads every `*.mustache` file of `directory`; reports syntax errors and missing templates.
    public static func load(from directory: URL) -> (TemplateLibrary?, [Diagnostic]) {
        let fm = FileManager.default
        let shown = "templates"
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else {
            return (nil, [Diagnostic(.error, shown, line: 1, "找不到模板目录 \(directory.path)：请在源目录中放置 templates/，或用 --templates 指定")])
        }
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        var found: Set<String> = []
        for file in names.sorted() where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            let path = "\(shown)/\(file)"
            guard let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) else {
                diagnostics.append(Diagnostic(.error, path, line: 1, "无法读取模板，或模板不是 UTF-8 编码"))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                found.insert(name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(.error, path, line: error.context.lineNumber, "模板语法错误：\(error.error)"))
            } catch {
                diagnostics.append(Diagnostic(.error, path, line: 1, "模板语法错误：\(error)"))
            }
        }
        for name in required where !found.contains(name) && !diagnostics.contains(where: { $0.path.hasSuffix("/\(name).mustache") }) {
            diagnostics.append(Diagnostic(.error, "\(shown)/\(name).mustache", line: 1, "缺少模板 \(name).mustache"))
        }
        return diagnostics.hasErrors ? (nil, diagnostics) : (TemplateLibrary(library: library, directory: directory), diagnostics)
    }

    /// Renders `context` through the template `name`.
    public func render(_ context: Any, template name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
