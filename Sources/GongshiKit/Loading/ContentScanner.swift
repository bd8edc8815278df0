import Foundation

/// Reads `site.yaml` and every `content/<kind>/**/*.md` from a source dir, in sorted path order.
public struct ContentScanner: Sendable {
    public let sourceDirectory: URL

    /// The source folder's path ending in "/", to which a content file's relative path is appended.
    private let sourceRoot: String

    public init(sourceDirectory: URL) {
        self.sourceDirectory = sourceDirectory
        sourceRoot = sourceDirectory.path + "/"
    }

    /// The text of `site.yaml`, or a diagnostic when it is missing or unreadable.
    public func readSiteConfig() -> Result<String, Diagnostic> {
        let url = sourceDirectory.appendingPathComponent("site.yaml")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(Diagnostic(.error, "site.yaml", line: 1, "找不到 site.yaml：源目录 \(sourceDirectory.path) 中必须有站点配置文件"))
        }
        return SourceText.decode(data, path: "site.yaml")
    }

    /// Every content file, plus diagnostics for unreadable files and unknown folders.
    public func scan() -> (files: [SourceFile], diagnostics: [Diagnostic]) {
        var (entries, diagnostics) = list()
        var files: [SourceFile] = []
        for entry in entries {
            switch read(entry) {
            case .success(let file): files.append(file)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return (files, diagnostics)
    }

    /// Every content file's path and kind, without reading it (a build reads each file on a worker thread and
    /// drops its text once parsed), plus diagnostics for unknown folders and misnamed files.
    public func list() -> (entries: [SourceEntry], diagnostics: [Diagnostic]) {
        let content = sourceDirectory.appendingPathComponent("content")
        var entries: [SourceEntry] = []
        var diagnostics: [Diagnostic] = []
        guard let top = try? FileManager.default.contentsOfDirectory(atPath: content.path) else {
            return ([], [Diagnostic(.error, "content", line: 1, "找不到 content 目录：源目录 \(sourceDirectory.path) 中必须有 content/")])
        }
        for name in top.sorted() where !name.hasPrefix(".") {
            guard let kind = ContentKind(rawValue: name) else {
                let known = ContentKind.allCases.map(\.rawValue).joined(separator: "、")
                diagnostics.append(Diagnostic(.warning, "content/\(name)", line: 1, "未知的内容目录 content/\(name)，已忽略；可用目录：\(known)", kind: .ignoredFile))
                continue
            }
            let (relatives, misnamed) = markdownFiles(under: content.appendingPathComponent(name))
            diagnostics += misnamed.map {
                Diagnostic(.warning, "content/\(name)/\($0)", line: 1, "内容文件的扩展名必须是小写 .md，此文件已忽略；请改名为 .md", kind: .ignoredFile)
            }
            entries += relatives.map { SourceEntry(path: "content/\(name)/\($0)", kind: kind) }
        }
        return (entries, diagnostics)
    }

    /// Reads and decodes one listed file: refused when too large (before reading), unreadable or not UTF-8.
    public func read(_ entry: SourceEntry) -> Result<SourceFile, Diagnostic> {
        let path = entry.path
        // Refused before reading when too large, so a huge file costs no memory.
        switch FileBytes.read(sourceRoot + path, limit: SourceText.maximumBytes) {
        case .tooLarge(let size):
            return .failure(SourceText.tooLarge(size, path: path))
        case .unreadable:
            return .failure(Diagnostic(.error, path, line: 1, "无法读取文件（权限不足，或不是普通文件）"))
        case .bytes(let data):
            return SourceText.decode(data, path: path).map { SourceFile(path: path, kind: entry.kind, text: $0) }
        }
    }

    /// Extensions of files that look like content saved under the wrong name.
    static let misnamedExtensions: Set<String> = ["markdown", "mdown", "txt", "MD", "Md", "mD"]

    /// `.md` files below `directory`, and files that look like content with the wrong extension.
    private func markdownFiles(under directory: URL) -> (files: [String], misnamed: [String]) {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return ([], []) }
        var files: [String] = []
        var misnamed: [String] = []
        for case let relative as String in enumerator {
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            let ext = (relative as NSString).pathExtension
            if ext == "md" {
                files.append(relative)
            } else if Self.misnamedExtensions.contains(ext) {
                misnamed.append(relative)
            }
        }
        return (files.sorted(), misnamed.sorted())
    }
}

/// A content file found by `ContentScanner.list()`, not yet read.
public struct SourceEntry: Sendable, Equatable {
    public let path: String
    public let kind: ContentKind
}
