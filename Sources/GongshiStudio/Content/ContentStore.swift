import Foundation
import GongshiKit
import Synchronization

/// The content files the studio reads and writes: `content/<kind>/<name>.md` of the source dir, nothing else.
/// Writes are atomic (temp file in the same folder, fsync, rename) and happen only when the file is still the
/// version the form was based on.
public final class ContentStore: Sendable {
    public struct Entry: Sendable, Equatable {
        public let path: String
        public let kind: ContentKind
        public let id: String?
        public let org: String?
        public let title: String?
        /// Where the file stands in the workflow (nil for branches, pages and unreadable files), for 待办.
        public var state: WorkflowState? = nil
        /// `proposed.by`, so 待办 does not offer a reviewer their own item.
        public var proposer: String? = nil
    }

    /// The file changed since the form was opened (or a new file's name is taken): nothing was written.
    public struct Conflict: Error, Sendable {
        public let path: String
        /// The bytes on disk now, nil when the file was removed.
        public let currentBytes: [UInt8]?
        public var message: String {
            currentBytes == nil
                ? "文件已被删除，未保存。" : "文件已被他人修改，未保存：请查看最新内容，再重新填写你的修改。"
        }
    }

    public struct PathError: Error, Sendable, Equatable {
        public let message: String
    }

    public let sourceDirectory: URL
    /// Called between writing the temp file and renaming it (tests inject a crash here).
    let beforeRename: (@Sendable (URL) throws -> Void)?
    private let writeLock = Mutex(())
    private let listCache = Mutex([String: (modified: Date, size: Int, entry: Entry)]())

    public init(sourceDirectory: URL, beforeRename: (@Sendable (URL) throws -> Void)? = nil) {
        self.sourceDirectory = sourceDirectory.standardizedFileURL
        self.beforeRename = beforeRename
    }

    public static func version(of bytes: [UInt8]) -> String { SHA256.hex(bytes) }

    // MARK: Paths

    /// Checks `path` is `content/<kind>/<name>.md` with a safe name and resolves it inside the kind's folder
    /// (symlinks included).
    public func location(of path: String) throws -> (url: URL, kind: ContentKind) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts[0] == "content", let kind = ContentKind(rawValue: parts[1]) else {
            throw PathError(message: "文件路径不对：只能是 content/<类别>/<文件名>.md")
        }
        guard Self.isSafeName(parts[2]), parts[2].hasSuffix(".md") else {
            throw PathError(message: "文件名只能用字母、数字、汉字、- 和 _，并以 .md 结尾")
        }
        let folder = sourceDirectory.appendingPathComponent("content/\(kind.rawValue)", isDirectory: true)
        let url = folder.appendingPathComponent(parts[2])
        let realFolder = folder.resolvingSymlinksInPath().path
        let realFile = url.resolvingSymlinksInPath()
        guard realFile.deletingLastPathComponent().path == realFolder else {
            throw PathError(message: "文件指向内容目录之外，不能编辑")
        }
        return (url, kind)
    }

    /// The path of a new file for record `id`.
    public func newPath(kind: ContentKind, id: String) throws -> String {
        let path = "content/\(kind.rawValue)/\(id).md"
        _ = try location(of: path)
        return path
    }

    static func isSafeName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 200, !name.hasPrefix("."), !name.hasPrefix("-") else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar)
        } && !name.contains("..")
    }

    // MARK: Reading

    public func read(_ path: String) throws -> (bytes: [UInt8], version: String) {
        let (url, _) = try location(of: path)
        let bytes = try [UInt8](Data(contentsOf: url))
        return (bytes, Self.version(of: bytes))
    }

    /// The `.md` files of a kind, by path, with their id, org and title; front matter is re-read only for files whose
    /// size or modification time changed since the last call.
    static func proposer(of document: EditableDocument) -> String? {
        guard case .map(let signoff) = document.fields[WorkflowKey.proposed] else { return nil }
        return signoff.text("by")
    }

    public func list(_ kind: ContentKind) -> [Entry] {
        let folder = sourceDirectory.appendingPathComponent("content/\(kind.rawValue)", isDirectory: true)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
            $0.hasSuffix(".md") && Self.isSafeName($0)
        }.sorted()
        return names.compactMap { name -> Entry? in
            let path = "content/\(kind.rawValue)/\(name)"
            let url = folder.appendingPathComponent(name)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                attributes[.type] as? FileAttributeType == .typeRegular,
                let modified = attributes[.modificationDate] as? Date, let size = attributes[.size] as? Int
            else { return nil }
            if let cached = listCache.withLock({ $0[path] }), cached.modified == modified, cached.size == size {
                return cached.entry
            }
            let document = (try? Data(contentsOf: url)).flatMap { try? ContentCodec.decode([UInt8]($0), kind: kind, path: path) }
            let entry = Entry(
                path: path, kind: kind, id: document?.fields.text("id"), org: document?.org,
                title: document?.fields.text("title") ?? document?.fields.text("name") ?? document?.fields.text("promiser"),
                state: document.flatMap { WorkflowState(of: $0) }, proposer: document.flatMap(Self.proposer(of:)))
            listCache.withLock { $0[path] = (modified, size, entry) }
            return entry
        }
    }

    // MARK: Writing

    /// Writes `bytes` to `path` if the file is still `expectedVersion` (nil: the file must not exist yet).
    /// Returns the new version.
    @discardableResult
    public func write(_ path: String, bytes: [UInt8], expectedVersion: String?) throws -> String {
        let (url, _) = try location(of: path)
        return try writeLock.withLock { _ in
            let current = try? [UInt8](Data(contentsOf: url))
            if current.map(Self.version(of:)) != expectedVersion {
                throw Conflict(path: path, currentBytes: current)
            }
            try Self.atomicWrite(bytes, to: url, beforeRename: beforeRename)
            return Self.version(of: bytes)
        }
    }

    /// Temp file next to `url`, fsync, rename over it, fsync the folder; the mode of the file it replaces.
    static func atomicWrite(_ bytes: [UInt8], to url: URL, beforeRename: (@Sendable (URL) throws -> Void)?) throws {
        let folder = url.deletingLastPathComponent()
        var random = SystemRandomNumberGenerator()
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(String(random.next(), radix: 36)).tmp")
        let mode = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions] as? NSNumber)?.uint16Value
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode ?? 0o644))
        guard fd >= 0 else { throw PathError(message: "无法写入临时文件（\(String(cString: strerror(errno)))）") }
        var ok = false
        defer {
            if !ok { unlink(temp.path) }
        }
        do {
            defer { close(fd) }
            var written = 0
            try bytes.withUnsafeBytes { buffer in
                while written < buffer.count {
                    let result = Foundation.write(fd, buffer.baseAddress! + written, buffer.count - written)
                    if result < 0 && errno == EINTR { continue }
                    guard result > 0 else { throw PathError(message: "写入失败（\(String(cString: strerror(errno)))）") }
                    written += result
                }
            }
            if let mode { fchmod(fd, mode_t(mode)) }
            guard fsync(fd) == 0 else { throw PathError(message: "写入磁盘失败（fsync）") }
        }
        try beforeRename?(temp)
        guard rename(temp.path, url.path) == 0 else {
            throw PathError(message: "保存失败（\(String(cString: strerror(errno)))）")
        }
        ok = true
        let dir = open(folder.path, O_RDONLY | O_DIRECTORY)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }
}
