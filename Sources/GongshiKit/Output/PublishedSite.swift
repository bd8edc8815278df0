import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The site an output holds when a build starts, read once per build: its manifest, the manifest's SHA-256 (which the
/// page cache checks), and, once `verify(since:)` ran, which of its files no longer hold the bytes the manifest
/// records (a hand edit of the output). Such files are never reused; they are made again.
public struct PublishedSite: Sendable {
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

    /// Reads `output/manifest.json`.
    public static func read(_ output: URL) -> PublishedSite {
        let data = FileManager.default.contents(atPath: output.appendingPathComponent(Manifest.fileName).path)
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
            chunk.filter { !FileCheck.matches(root + $0, manifest.entries[$0]!, since: since) }
        }
        altered = Set(found.joined())
    }

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
}

/// A file-system time: seconds and nanoseconds.
public struct FileTime: Codable, Sendable, Comparable {
    public var seconds: Int
    public var nanoseconds: Int

    public static func < (a: FileTime, b: FileTime) -> Bool { (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds) }

    init(_ time: timespec) { (seconds, nanoseconds) = (Int(time.tv_sec), Int(time.tv_nsec)) }

    /// A little earlier than every change made to a file from now on: the status-change time of a new probe file in
    /// `directory`, less `margin`. The kernel may stamp a new file with its fine clock and a later change of another
    /// file with its coarse clock, which lags by up to one timer tick (a few milliseconds); files changed within the
    /// margin before now are merely hashed once more. nil when the folder cannot be written.
    static func now(in directory: URL, margin: Int = 100_000_000) -> FileTime? {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(".probe-\(getpid())").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        defer {
            close(fd)
            unlink(path)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var time = FileTime(info.st_ctim)
        time.nanoseconds -= margin
        while time.nanoseconds < 0 {
            time.nanoseconds += 1_000_000_000
            time.seconds -= 1
        }
        return time
    }
}

/// Whether a file on disk still is a manifest entry.
enum FileCheck {
    /// True when the regular file at `path` has the entry's size and, if it changed at or after `since`, its SHA-256.
    static func matches(_ path: String, _ entry: Manifest.Entry, since: FileTime?) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        return matches(info, entry, since: since) { FileManager.default.contents(atPath: path) }
    }

    /// The same for a file already `stat`ed; `read` gives its bytes when they must be hashed.
    static func matches(_ info: stat, _ entry: Manifest.Entry, since: FileTime?, read: () -> Data?) -> Bool {
        guard info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == entry.size else { return false }
        if let since, FileTime(info.st_mtim) < since, FileTime(info.st_ctim) < since { return true }
        guard let data = read() else { return false }
        return data.count == entry.size && SHA256.hex(data) == entry.sha256
    }
}
