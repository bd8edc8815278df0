import Foundation

/// The raw text of a theme: Mustache templates by name, and asset files by path under `assets/`.
public struct TemplateSource: Sendable {
    public var templates: [String: String]
    public var assets: [String: Data]

    public init(templates: [String: String], assets: [String: Data]) {
        self.templates = templates
        self.assets = assets
    }

    /// Reads `*.mustache` files (top level) and every file below `assets/` of `directory`.
    public static func read(from directory: URL) -> Result<TemplateSource, Diagnostic> {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else {
            return .failure(
                Diagnostic(.error, "templates", line: 1, "找不到模板目录 \(directory.path)：请在源目录中放置 templates/，或用 --templates 指定"))
        }
        var source = TemplateSource(templates: [:], assets: [:])
        for file in names.sorted() where file.hasSuffix(".mustache") {
            guard let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) else {
                return .failure(Diagnostic(.error, "templates/\(file)", line: 1, "无法读取模板，或模板不是 UTF-8 编码"))
            }
            source.templates[String(file.dropLast(".mustache".count))] = text
        }
        let assets = directory.appendingPathComponent("assets")
        let enumerator = fm.enumerator(atPath: assets.path)
        while let path = enumerator?.nextObject() as? String {
            guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            var isDirectory: ObjCBool = false
            let url = assets.appendingPathComponent(path)
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = fm.contents(atPath: url.path)
            else { continue }
            source.assets[path] = data
        }
        return .success(source)
    }
}
