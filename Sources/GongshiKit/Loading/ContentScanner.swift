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

    /// The text of `site.yaml`, or a diagnostic when it is missing, not a regular file (a symlink is never followed)
    /// or unreadable.
    public func readSiteConfig() -> Result<String, Diagnostic> {
        switch FileBytes.read("site.yaml", under: sourceDirectory.path, limit: SourceText.maximumBytes) {
        case .bytes(let data):
            return SourceText.decode(data, path: "site.yaml")
        case .missing:
            return .failure(Diagnostic(.error, "site.yaml", line: 1, "找不到 site.yaml：源目录 \(sourceDirectory.path) 中必须有站点配置文件"))
        case .tooLarge(let size):
            return .failure(SourceText.tooLarge(size, path: "site.yaml"))
        case let refused:
            return .failure(Diagnostic(.error, "site.yaml", line: 1, "site.yaml \(refused.problem ?? "")"))
        }
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
    /// drops its text once parsed), plus diagnostics for unknown folders, misnamed files and entries that are not
    /// what they claim (a symlink, or a FIFO, socket, device or folder named `x.md`), which are never opened.
    public func list() -> (entries: [SourceEntry], diagnostics: [Diagnostic]) {
        let content = sourceDirectory.appendingPathComponent("content")
        switch FileBytes.kind(atPath: content.path) {
        case .directory: break
        case .missing:
            return ([], [Diagnostic(.error, "content", line: 1, "找不到 content 目录：源目录 \(sourceDirectory.path) 中必须有 content/")])
        case .symlink:
            return ([], [Diagnostic(.error, "content", line: 1, "content 目录\(Self.symlinkedFolder)")])
        case let kind:
            return ([], [Diagnostic(.error, "content", line: 1, "content 不是目录，而是\(kind.label)：源目录中必须有 content/ 目录")])
        }
        var entries: [SourceEntry] = []
        var diagnostics: [Diagnostic] = []
        for top in DirectoryListing.entries(of: content.path) ?? [] where !top.name.hasPrefix(".") {
            let name = top.name
            if name == Self.accountsFile {
                diagnostics.append(Diagnostic(.error, "content/\(name)", line: 1, Self.accountsFileMessage))
                continue
            }
            guard let kind = ContentKind(rawValue: name) else {
                let known = ContentKind.allCases.map(\.rawValue).joined(separator: "、")
                diagnostics.append(Diagnostic(.warning, "content/\(name)", line: 1, "未知的内容目录 content/\(name)，已忽略；可用目录：\(known)", kind: .ignoredFile))
                continue
            }
            if top.kind == .symlink {
                diagnostics.append(Diagnostic(.error, "content/\(name)", line: 1, "目录 content/\(name) \(Self.symlinkedFolder)"))
                continue
            }
            guard top.kind == .directory else { continue }
            var found = Found()
            walk(content.path + "/" + name, relative: "", into: &found)
            diagnostics += found.misnamed.sorted().map {
                Diagnostic(.warning, "content/\(name)/\($0)", line: 1, "内容文件的扩展名必须是小写 .md，此文件已忽略；请改名为 .md", kind: .ignoredFile)
            }
            diagnostics += found.refused.sorted { $0.path < $1.path }.map {
                Diagnostic(.error, "content/\(name)/\($0.path)", line: 1, $0.message)
            }
            entries += found.files.sorted().map { SourceEntry(path: "content/\(name)/\($0)", kind: kind) }
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
        case .bytes(let data):
            return SourceText.decode(data, path: path).map { SourceFile(path: path, kind: entry.kind, text: $0) }
        case let refused:
            return .failure(Diagnostic(.error, path, line: 1, "此文件\(refused.problem ?? "")"))
        }
    }

    /// Extensions of files that look like content saved under the wrong name.
    static let misnamedExtensions: Set<String> = ["markdown", "mdown", "txt", "MD", "Md", "mD"]

    /// What a walk of one kind's folder found, with paths relative to that folder.
    private struct Found {
        var files: [String] = []
        var misnamed: [String] = []
        var refused: [(path: String, message: String)] = []
    }

    /// The studio's accounts (`gongshi studio`): only in the source dir's root, never under `content/`.
    static let accountsFile = "accounts.yaml"
    static let accountsFileMessage =
        "编辑平台的账号文件（含密码摘要）不能放在 content/ 中：content/ 里的文件可能随网站发布。请移到源目录根下（与 site.yaml 同级）"

    /// Said of a symlinked folder.
    static let symlinkedFolder = "是符号链接：gongshi 不进入符号链接的目录（它可能指向源目录之外），其中的文件没有读取；请把目录本身放在这里"

    /// Collects `.md` files below `folder`, files that look like content with the wrong extension, and entries that
    /// are refused. Hidden entries are skipped; symlinked folders are never entered.
    private func walk(_ folder: String, relative: String, into found: inout Found) {
        for entry in DirectoryListing.entries(of: folder) ?? [] where !entry.name.hasPrefix(".") {
            let path = relative + entry.name
            let ext = (entry.name as NSString).pathExtension
            let isContent = ext == "md"
            switch entry.kind {
            case .regular:
                if entry.name == Self.accountsFile {
                    found.refused.append((path, Self.accountsFileMessage))
                } else if isContent {
                    found.files.append(path)
                } else if Self.misnamedExtensions.contains(ext) {
                    found.misnamed.append(path)
                }
            case .directory where !isContent:
                walk(folder + "/" + entry.name, relative: path + "/", into: &found)
            case .symlink:
                // `stat` follows the link to tell a folder from a file, without opening it or reading its name.
                let leadsToFolder = FileBytes.followedKind(atPath: folder + "/" + entry.name) == .directory
                if leadsToFolder {
                    found.refused.append((path, "此目录\(Self.symlinkedFolder)"))
                } else if isContent {
                    found.refused.append((path, "此文件\(FileBytes.Outcome.symlink.problem ?? "")"))
                } else if Self.misnamedExtensions.contains(ext) {
                    found.misnamed.append(path)
                }
            case let kind:
                // A folder, FIFO, socket or device named `x.md`: never opened (a FIFO would block the build). Named
                // `x.MD` or `x.txt`: the same warning as a regular file of that name, and never opened either.
                if isContent {
                    found.refused.append((path, "此文件\(FileBytes.Outcome.notRegular(kind).problem ?? "")"))
                } else if Self.misnamedExtensions.contains(ext) {
                    found.misnamed.append(path)
                }
            }
        }
    }
}

/// A content file found by `ContentScanner.list()`, not yet read.
public struct SourceEntry: Sendable, Equatable {
    public let path: String
    public let kind: ContentKind
}
