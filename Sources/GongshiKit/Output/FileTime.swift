import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file-system time (a `timespec`), recorded in the page cache.
struct FileTime: Codable, Sendable, Comparable {
    var seconds: Int
    var nanoseconds: Int

    static func < (a: FileTime, b: FileTime) -> Bool { (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds) }

    init(_ time: timespec) { (seconds, nanoseconds) = (Int(time.tv_sec), Int(time.tv_nsec)) }

    init(seconds: Int, nanoseconds: Int) { (self.seconds, self.nanoseconds) = (seconds, nanoseconds) }

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
