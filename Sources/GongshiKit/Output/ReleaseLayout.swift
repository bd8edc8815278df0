import Foundation

/// Where a site's files live: the published folder, the archived releases beside it, the staging folder of
/// a running build and the lock file. Nothing outside these is ever written or deleted.
public struct ReleaseLayout: Sendable {
    public let output: URL

    public init(output: URL) { self.output = output.standardizedFileURL }

    var parent: URL { output.deletingLastPathComponent() }
    var name: String { output.lastPathComponent }

    /// `output.releases/`: earlier sites, newest name last (`20261121-023000`).
    public var releases: URL { parent.appendingPathComponent("\(name).releases") }

    /// `.output.lock`
    public var lockFile: URL { parent.appendingPathComponent(".\(name).lock") }

    /// `.output.staging-<pid>` of this process.
    func staging(pid: Int32 = getpid()) -> URL { parent.appendingPathComponent(".\(name).staging-\(pid)") }

    /// Staging folders left by builds whose process is gone (killed mid-way).
    func abandonedStagings() -> [URL] {
        let prefix = ".\(name).staging-"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        return entries.sorted().compactMap { entry in
            guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid(),
                !ProcessProbe.isAlive(pid)
            else { return nil }
            return parent.appendingPathComponent(entry)
        }
    }

    /// Archived release names, oldest first (`…-9` before `…-10` within one second).
    public func releaseNames() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: releases.path)) ?? []
        return entries.filter { !$0.hasPrefix(".") }.sorted { Self.order($0) < Self.order($1) }
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
