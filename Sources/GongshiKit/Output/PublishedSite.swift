import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The site an output holds when a build starts, read once per build: its manifest, the manifest's SHA-256 (which the
/// page cache checks), and, once `verify(since:)` ran, which of its files no longer hold the bytes the manifest
/// records (a hand edit of the output). Such files are never reused; they are made again.
public struct PublishedSite: Sendable {
    /// The published folder.
    public let output: URL
    /// nil when the output has no `manifest.json` or it cannot be read.
    public let manifest: Manifest?
    /// SHA-256 of the `manifest.json` bytes; nil when there is none.
    let manifestDigest: String?
    /// When the files were last known to match the manifest (the end of the build that published them); nil until
    /// `verify(since:)`.
    private(set) var since: FileTime?
    /// Files of the manifest that differ from it (or are missing); meaningful only once `since` is set.
    private(set) var altered: Set<String> = []
    /// The device and inode of every file `verify(since:)` found to be the manifest's, from the same `lstat`: a
    /// recycled release's file is kept when it is the very file published (`ReleaseRecycler.trim`), without a
    /// second `lstat` of every published path.
    private var inodes: [String: FileIdentity] = [:]

    /// A file's device and inode.
    struct FileIdentity: Equatable, Sendable {
        let device: UInt64
        let inode: UInt64

        init(_ info: stat) { (device, inode) = (UInt64(info.st_dev), UInt64(info.st_ino)) }
    }

    /// Reads `output/manifest.json`.
    public static func read(_ output: URL) -> PublishedSite {
        let data = Manifest.contents(of: output.appendingPathComponent(Manifest.fileName))
        return PublishedSite(output: output, manifest: data.flatMap(Manifest.parse), manifestDigest: data.map(SHA256.hex))
    }

    init(output: URL, manifest: Manifest?, manifestDigest: String?) {
        (self.output, self.manifest, self.manifestDigest) = (output, manifest, manifestDigest)
    }

    /// Checks every file of the manifest against it: a file whose size differs, or that changed at or after `since`
    /// (its modification or status-change time) and whose SHA-256 differs, is altered. The status-change time cannot be
    /// set back by hand, so a same-size edit whose modification time was restored is still found; unchanged files cost
    /// one `lstat`, done on every core.
    mutating func verify(since: FileTime) {
        self.since = since
        guard let manifest else { return }
        let root = output.path + "/"
        let paths = Array(manifest.entries.keys)
        let chunks = stride(from: 0, to: paths.count, by: 512).map { paths[$0..<min($0 + 512, paths.count)] }
        let found = chunks.concurrentMap { chunk in
            var altered: [String] = []
            var identities: [(String, FileIdentity)] = []
            for path in chunk {
                if let identity = Self.matches(root + path, manifest.entries[path]!, since: since) {
                    identities.append((path, identity))
                } else {
                    altered.append(path)
                }
            }
            return (altered, identities)
        }
        altered = Set(found.flatMap(\.0))
        inodes = Dictionary(found.flatMap(\.1), uniquingKeysWith: { first, _ in first })
    }

    /// The device and inode the published file at `path` had when it was verified; nil when it was not verified.
    func identity(of path: String) -> FileIdentity? { inodes[path] }

    /// Whether `verify(since:)` ran, so that `isVerified` can say yes.
    var wasVerified: Bool { since != nil }

    /// Whether the published file at `path` was verified to be the manifest's.
    func isVerified(_ path: String) -> Bool {
        since != nil && manifest?.entries[path] != nil && !altered.contains(path)
    }

    /// HTML files in the output (dot-folders skipped), for a site whose manifest is missing.
    func htmlFileCount() -> Int {
        guard let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        else { return 0 }
        var count = 0
        for case let url as URL in enumerator where url.pathExtension == "html" { count += 1 }
        return count
    }

    /// `<folder>/<name>/index.html` for every regular `index.html` one level below each of `folders` (dot-names
    /// skipped): the record pages of the site as it is on disk, whatever its manifest says. One `readdir` per folder and
    /// one `lstat` per entry.
    func recordPagePaths(in folders: [String]) -> [String] {
        let root = output.path + "/"
        var paths: [String] = []
        for folder in folders {
            for entry in DirectoryListing.entries(of: root + folder) ?? [] where entry.kind == .directory && !entry.name.hasPrefix(".") {
                let path = "\(folder)/\(entry.name)/index.html"
                var info = stat()
                if lstat(root + path, &info) == 0, info.st_mode & S_IFMT == S_IFREG { paths.append(path) }
            }
        }
        return paths
    }

    /// The file's identity when the regular file at `path` has the entry's size and, if it changed at or after
    /// `since`, its SHA-256; nil when it does not.
    static func matches(_ path: String, _ entry: Manifest.Entry, since: FileTime) -> FileIdentity? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == entry.size else { return nil }
        if FileTime(info.st_mtim) < since, FileTime(info.st_ctim) < since { return FileIdentity(info) }
        guard let data = FileManager.default.contents(atPath: path), data.count == entry.size, SHA256.hex(data) == entry.sha256
        else { return nil }
        return FileIdentity(info)
    }
}
