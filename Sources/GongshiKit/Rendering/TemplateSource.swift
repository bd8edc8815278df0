import Foundation

/// The raw text of a theme: Mustache templates by name, and asset files by path under `assets/`.
public struct TemplateSource: Sendable {
    public var templates: [String: String]
    public var assets: [String: Data]

    public init(templates: [String: String], assets: [String: Data]) {
        self.templates = templates
        self.assets = assets
    }

    /// Reads `*.mustache` files (top level) and every file below `assets/` of `directory`. Like content files, they
    /// must be regular files: a symlink (an asset linked to a withheld file would be published) or a FIFO is refused
    /// without being opened, and symlinked folders are not entered. Diagnostics name the folder `label`
    /// (`templates`, or the `--templates` folder as the operator knows it).
    public static func read(from directory: URL, label: String = "templates") -> Result<TemplateSource, Diagnostic> {
        guard let names = DirectoryListing.entries(of: directory.path) else {
            return .failure(
                Diagnostic(.error, label, line: 1, "找不到模板目录 \(directory.path)：请在源目录中放置 templates/，或用 --templates 指定"))
        }
        var source = TemplateSource(templates: [:], assets: [:])
        for entry in names where entry.name.hasSuffix(".mustache") && !entry.name.hasPrefix(".") {
            let path = "\(label)/\(entry.name)"
            switch FileBytes.read(entry.name, under: directory.path, limit: SourceText.maximumBytes) {
            case .bytes(let data):
                // A NUL byte would be copied into every page made from the template: refused with its line, like in content.
                switch SourceText.decode(data, path: path) {
                case .success(let text): source.templates[String(entry.name.dropLast(".mustache".count))] = text
                case .failure(let problem): return .failure(Diagnostic(.error, path, line: problem.line, "模板" + problem.message))
                }
            case let refused:
                return .failure(Diagnostic(.error, path, line: 1, "模板\(refused.problem ?? "无法读取")"))
            }
        }
        switch FileBytes.kind(atPath: directory.path + "/assets") {
        case .directory:
            if let failure = readAssets(under: directory.path, folder: "assets", label: label, into: &source) { return .failure(failure) }
        case .missing: break
        case let kind:
            let problem = kind == .symlink ? "是符号链接：gongshi 不进入符号链接的目录，请把目录本身放在这里" : "不是目录，而是\(kind.label)"
            return .failure(Diagnostic(.error, "\(label)/assets", line: 1, "模板的 assets \(problem)"))
        }
        return .success(source)
    }

    /// Adds the regular files below `folder` (relative to `root`) to `source.assets`; the first refused entry.
    private static func readAssets(under root: String, folder: String, label: String, into source: inout TemplateSource) -> Diagnostic? {
        for entry in DirectoryListing.entries(of: root + "/" + folder) ?? [] where !entry.name.hasPrefix(".") {
            let relative = folder + "/" + entry.name
            if entry.kind == .directory {
                if let failure = readAssets(under: root, folder: relative, label: label, into: &source) { return failure }
                continue
            }
            switch FileBytes.read(relative, under: root, limit: Attachment.maximumBytes) {
            case .bytes(let data): source.assets[String(relative.dropFirst("assets/".count))] = data
            case let refused: return Diagnostic(.error, "\(label)/\(relative)", line: 1, "模板文件\(refused.problem ?? "无法读取")")
            }
        }
        return nil
    }
}
