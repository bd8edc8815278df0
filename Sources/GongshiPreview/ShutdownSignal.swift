import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ctrl-C (SIGINT) and SIGTERM, turned into an `await`, so the preview can remove its temporary folder.
public enum ShutdownSignal {
    /// Suspends until SIGINT or SIGTERM arrives; returns the signal number. After the call the default
    /// handling of both signals stays off, so shutting down is not cut short.
    public static func wait() async -> Int32 {
        let queue = DispatchQueue(label: "gongshi.preview.signals")
        return await withCheckedContinuation { continuation in
            let once = Once(continuation)
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { once.resume(number) }
                once.keep(source)
                source.resume()
            }
        }
    }

    /// Resumes the continuation for the first signal only; touched only on the signal queue and at setup.
    private final class Once: @unchecked Sendable {
        private var continuation: CheckedContinuation<Int32, Never>?
        private var sources: [any DispatchSourceSignal] = []
        private let lock = NSLock()

        init(_ continuation: CheckedContinuation<Int32, Never>) { self.continuation = continuation }

        func keep(_ source: any DispatchSourceSignal) { lock.withLock { sources.append(source) } }

        func resume(_ number: Int32) {
            let pending = lock.withLock { () -> CheckedContinuation<Int32, Never>? in
                defer { continuation = nil }
                return continuation
            }
            pending?.resume(returning: number)
        }
    }
}
