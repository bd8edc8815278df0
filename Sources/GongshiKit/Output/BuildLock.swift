import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Another build holds the lock of the same output.
public struct LockError: Error, CustomStringConvertible {
    public let holder: Int32?
    public let path: String
    /// The seconds waited with `--wait N` before giving up; nil when not waiting.
    public var waited: Int? = nil
    public var description: String {
        let who = holder.map { "（进程 \($0)）" } ?? ""
        if let waited {
            return "已等待 \(waited) 秒，另一个生成任务\(who)仍在写入同一个输出目录，本次未生成；锁文件 \(path)。"
                + "如果它一直不结束，请检查该进程（例如是否卡在读取某个文件上）"
        }
        return "另一个生成任务\(who)正在写入同一个输出目录，本次未生成；锁文件 \(path)。可稍后重试，或使用 --wait 等待其完成"
    }
}

/// One build per output at a time: an exclusive `flock` on the lock file (`ReleaseLayout.lockFile`), which holds the
/// owner's pid.
/// The kernel releases the lock when its process ends, however it ends, so a lock file left by a killed
/// build (its pid no longer running) is simply taken over.
public final class BuildLock: @unchecked Sendable {
    private let descriptor: Int32
    private var isReleased = false
    public let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// How long to wait for another build to finish.
    public enum Wait: Sendable, Equatable {
        /// Give up at once.
        case no
        case forever
        case seconds(Int)
    }

    /// Takes the lock, or throws `LockError` at once when another live build holds it (waits when `wait`).
    public static func acquire(_ url: URL, wait: Bool) throws -> BuildLock {
        try acquire(url, wait: wait ? .forever : .no)
    }

    /// Takes the lock, waiting as `wait` says; throws `LockError` when another live build still holds it.
    public static func acquire(_ url: URL, wait: Wait) throws -> BuildLock {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw OutputError(message: "无法创建锁文件所在的目录：\(OutputLocation.reason(of: error))")
        }
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw OutputError(message: "无法创建锁文件 \(url.path)：\(OutputLocation.reason(errno: errno))") }
        guard lock(fd, wait) else {
            let holder = readPID(fd)
            close(fd)
            var error = LockError(holder: holder, path: url.path)
            if case .seconds(let seconds) = wait { error.waited = seconds }
            throw error
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.utf8.count, 0)
        return BuildLock(descriptor: fd, path: url.path)
    }

    /// Whether `flock` was granted within the wait: a bounded wait retries a non-blocking `flock` until its deadline.
    private static func lock(_ fd: Int32, _ wait: Wait) -> Bool {
        switch wait {
        case .no: return flock(fd, LOCK_EX | LOCK_NB) == 0
        case .forever:
            while flock(fd, LOCK_EX) != 0 { guard errno == EINTR else { return false } }
            return true
        case .seconds(let seconds):
            let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(seconds, 0)) * 1_000_000_000
            while true {
                if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }
                let now = DispatchTime.now().uptimeNanoseconds
                guard now < deadline else { return false }
                usleep(UInt32(min(200_000, (deadline - now) / 1000 + 1)))
            }
        }
    }

    /// The pid recorded in a lock file, if any.
    static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Releases the lock; the file stays, holding a pid that is no longer running.
    public func release() {
        guard !isReleased else { return }
        isReleased = true
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    deinit { release() }
}
