import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Size and modification time of one watched file.
public struct FileStamp: Hashable, Sendable {
    public var size: Int64
    public var seconds: Int
    public var nanoseconds: Int

    public init(size: Int64, seconds: Int, nanoseconds: Int = 0) {
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }
}

/// The stamps of every watched file: `site.yaml`, everything below `content/`, and the templates folder.
/// Keys are paths relative to the source folder (absolute for a templates folder outside it).
public struct SourceSnapshot: Equatable, Sendable {
    public var files: [String: FileStamp]

    public init(files: [String: FileStamp] = [:]) { self.files = files }

    /// Paths added, removed or changed since `old`, sorted.
    public func changedPaths(since old: SourceSnapshot) -> [String] {
        var changed: [String] = []
        for (path, stamp) in files where old.files[path] != stamp { changed.append(path) }
        for path in old.files.keys where files[path] == nil { changed.append(path) }
        return changed.sorted()
    }

    /// Reads the stamps now. Hidden files and editor leftovers (`x~`, `#x#`) are skipped: the scanner
    /// ignores them, and an editor's swap file would otherwise trigger a rebuild on every keystroke.
    public static func take(sourceDirectory: URL, templatesDirectory: URL) -> SourceSnapshot {
        let source = sourceDirectory.standardizedFileURL.path
        var snapshot = SourceSnapshot()
        for root in [source + "/site.yaml", source + "/content", templatesDirectory.standardizedFileURL.path] {
            snapshot.collect(root, relativeTo: source)
        }
        return snapshot
    }

    private mutating func collect(_ root: String, relativeTo source: String) {
        let label = { (path: String) in path.hasPrefix(source + "/") ? String(path.dropFirst(source.count + 1)) : path }
        if let stamp = Self.stamp(ofRegularFile: root) {
            files[label(root)] = stamp
            return
        }
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return }
        for case let relative as String in enumerator where !relative.split(separator: "/").contains(where: Self.isIgnored) {
            let path = root + "/" + relative
            if let stamp = Self.stamp(ofRegularFile: path) { files[label(path)] = stamp }
        }
    }

    static func isIgnored(_ name: Substring) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#")
    }

    /// `stat` (following symlinks) of a regular file, nil for folders and missing paths.
    static func stamp(ofRegularFile path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        return FileStamp(size: Int64(info.st_size), seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec))
    }
}
