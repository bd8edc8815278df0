import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where a site's files live: the published folder, and beside it one hidden folder `.<output>.gongshi/` that holds
/// the archived releases, the staging folder of a running build and the lock file. Nothing outside these is ever
/// written or deleted.
///
/// Everything but the live site is under a dot-folder, so a web server that serves the output's parent and denies
/// dot-paths (the README's nginx example) exposes none of it: old releases still hold withdrawn items.
/// Releases of the earlier layout (`output.releases/` beside the output) are still listed, and moved into the
/// dot-folder by the next build or rollback (`migrateLegacyReleases`).
public struct ReleaseLayout: Sendable {
    public let output: URL

    public init(output: URL) { self.output = output.standardizedFileURL }

    var parent: URL { output.deletingLastPathComponent() }
    var name: String { output.lastPathComponent }

    /// `.output.gongshi/`: gongshi's own folder beside the output.
    public var stateDirectory: URL { parent.appendingPathComponent(".\(name).gongshi") }

    /// Creates `.output.gongshi/` (and any missing folder above it), or explains in Chinese why it cannot be made.
    public func prepare() throws(OutputError) {
        try OutputLocation.createFolder(stateDirectory, for: output)
    }

    /// `.output.gongshi/releases/`: earlier sites, newest name last (`20261121-023000`).
    public var releases: URL { stateDirectory.appendingPathComponent("releases") }

    /// `.output.gongshi/lock`
    public var lockFile: URL { stateDirectory.appendingPathComponent("lock") }

    /// `.output.gongshi/staging-<pid>` of this process.
    func staging(pid: Int32 = getpid()) -> URL { stateDirectory.appendingPathComponent("staging-\(pid)") }

    /// `output.releases/` of the earlier layout, visible to a web server serving the parent.
    public var legacyReleases: URL { parent.appendingPathComponent("\(name).releases") }

    /// `.output.lock` of the earlier layout.
    var legacyLockFile: URL { parent.appendingPathComponent(".\(name).lock") }

    /// Staging folders left by builds whose process is gone (killed mid-way), in this layout and the earlier one
    /// (`.output.staging-<pid>` beside the output).
    func abandonedStagings() -> [URL] {
        Self.abandoned(in: stateDirectory, prefix: "staging-") + Self.abandoned(in: parent, prefix: ".\(name).staging-")
    }

    private static func abandoned(in folder: URL, prefix: String) -> [URL] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return entries.sorted().compactMap { entry in
            guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid(),
                !ProcessProbe.isAlive(pid)
            else { return nil }
            return folder.appendingPathComponent(entry)
        }
    }

    /// Archived release names, oldest first (`…-9` before `…-10` within one second), including those still in the
    /// earlier layout's `output.releases/`.
    public func releaseNames() -> [String] {
        let fm = FileManager.default
        let current = (try? fm.contentsOfDirectory(atPath: releases.path)) ?? []
        let legacy = (try? fm.contentsOfDirectory(atPath: legacyReleases.path)) ?? []
        return Set(current + legacy).filter { !$0.hasPrefix(".") }.sorted { Self.order($0) < Self.order($1) }
    }

    /// The folder of an archived release: in `releases/`, or else in the earlier layout's `output.releases/`.
    public func release(named name: String) -> URL {
        let current = releases.appendingPathComponent(name)
        let legacy = legacyReleases.appendingPathComponent(name)
        guard !FileManager.default.fileExists(atPath: current.path), FileManager.default.fileExists(atPath: legacy.path) else {
            return current
        }
        return legacy
    }

    /// Moves the releases of the earlier layout into `releases/` (one `rename` each, same folder tree) and removes
    /// the emptied `output.releases/` and the old lock file when no one holds it. Call with the lock held.
    func migrateLegacyReleases() {
        let fm = FileManager.default
        if let names = try? fm.contentsOfDirectory(atPath: legacyReleases.path) {
            try? fm.createDirectory(at: releases, withIntermediateDirectories: true)
            for name in names where !name.hasPrefix(".") && !fm.fileExists(atPath: releases.appendingPathComponent(name).path) {
                _ = rename(legacyReleases.appendingPathComponent(name).path, releases.appendingPathComponent(name).path)
            }
            // Only when empty: anything else in it was not gongshi's.
            _ = rmdir(legacyReleases.path)
        }
        let fd = open(legacyLockFile.path, O_RDWR | O_CLOEXEC | O_NOFOLLOW)
        if fd >= 0 {
            // Held by a build of an earlier version: left alone.
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { unlink(legacyLockFile.path) }
            close(fd)
        }
    }

    /// A name's time and its counter within that second (1 without one).
    static func order(_ name: String) -> (String, Int) {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let counter = Int(parts[2]) else { return (name, 1) }
        return ("\(parts[0])-\(parts[1])", counter)
    }

    /// A new release name from the clock (UTC) that sorts after every archived release, so it is never the one
    /// pruned first, even when the oldest was just taken for recycling or the clock was set back. Names never
    /// appear in the site.
    func newReleaseName(now: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let base = formatter.string(from: now)
        guard let newest = releaseNames().last.map(Self.order), newest.0 >= base else { return base }
        return "\(newest.0)-\(newest.1 + 1)"
    }
}

/// Whether a process id belongs to a running process.
enum ProcessProbe {
    static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
