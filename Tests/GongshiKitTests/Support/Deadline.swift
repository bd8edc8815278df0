import Foundation
import Testing

/// Runs `body` on its own thread and waits for it at most `seconds`. A FIFO opened for reading blocks until someone
/// opens it for writing, so on a hang the FIFOs in `unblocking` are opened for writing and closed, which lets the
/// stuck `open` (and the test) finish. Not a timing assertion: a healthy `body` returns at once; the deadline only
/// turns a hang into a failure. Check expectations on what `body` returns, not inside it: an `#expect` on another
/// thread is not recorded against the test.
func withDeadline<T: Sendable>(
    _ seconds: Double = 30, unblocking fifos: [URL] = [], sourceLocation: SourceLocation = #_sourceLocation,
    _ body: @escaping @Sendable () throws -> T
) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        box.set(Result { try body() })
        done.signal()
    }
    if done.wait(timeout: .now() + seconds) == .timedOut {
        Issue.record("still running after \(Int(seconds)) s: it hangs (a FIFO opened for reading?)", sourceLocation: sourceLocation)
        for fifo in fifos {
            let fd = open(fifo.path, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        done.wait()
    }
    return try box.get()
}

/// One result handed from a thread to the waiting test.
private final class ResultBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, any Error>?

    func set(_ value: Result<T, any Error>) {
        lock.lock()
        defer { lock.unlock() }
        result = value
    }

    func get() throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try result!.get()
    }
}

/// Makes a FIFO (named pipe) at `url`.
func makeFIFO(_ url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    guard mkfifo(url.path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
}
