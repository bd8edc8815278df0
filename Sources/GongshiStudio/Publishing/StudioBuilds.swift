import Foundation
import GongshiKit

/// The build started from 生成: at most one at a time, run off the request's task on a global queue (a build can
/// take a minute), and the report of the last one. The output's `BuildLock` is the CLI's, so a cron
/// `gongshi build` holding it makes this build end at once with 「另一个生成正在进行」; nothing is queued.
public final class StudioBuilds: @unchecked Sendable {
    /// What one build from the studio gave.
    public struct Report: Sendable {
        public enum Status: Sendable { case published, contentErrors, locked, failed }
        public var status: Status
        public var login: String
        public var name: String
        public var started: Date
        public var finished: Date
        public var errors: [Diagnostic] = []
        public var withheld: [WithheldItem] = []
        public var counts: [String: Int] = [:]
        public var publish: PublishResult?
        /// Why nothing was published although the content has no errors (the lock, a write failure).
        public var failure: String?
    }

    private let lock = NSLock()
    private var runningSince: (login: String, name: String, started: Date)?
    private var last: Report?

    public init() {}

    /// Whether a build from the studio is running, and the last report.
    public var state: (running: Bool, last: Report?) { lock.withLock { (runningSince != nil, last) } }

    /// Starts `options`' build for `account` unless one from the studio is running (then false, nothing queued).
    /// `finished` runs on the build's queue with the report, before `state` shows it.
    @discardableResult
    public func start(_ options: BuildOptions, by account: Account, finished: @escaping @Sendable (Report) -> Void = { _ in }) -> Bool {
        let started = Date()
        let claimed = lock.withLock { () -> Bool in
            guard runningSince == nil else { return false }
            runningSince = (account.login, account.name, started)
            return true
        }
        guard claimed else { return false }
        let (login, name) = (account.login, account.name)
        DispatchQueue.global(qos: .userInitiated).async {
            var report = Report(status: .failed, login: login, name: name, started: started, finished: started)
            do {
                let outcome = try SiteBuilder.build(options)
                report.errors = outcome.diagnostics.filter { $0.severity == .error }
                report.withheld = outcome.withheld
                report.counts = outcome.counts
                report.publish = outcome.publish
                report.status = outcome.hasErrors ? .contentErrors : .published
                if !outcome.hasErrors, outcome.publish == nil { report.status = .failed }
            } catch let error as LockError {
                report.status = .locked
                report.failure = error.description
            } catch {
                report.failure = String(describing: error)
            }
            report.finished = Date()
            // The audit line is written before the build counts as finished, so the report and the log agree.
            finished(report)
            self.lock.withLock {
                self.last = report
                self.runningSince = nil
            }
        }
        return true
    }

    /// Waits until no build from the studio is running (tests).
    public func idle() async {
        while state.running { try? await Task.sleep(for: .milliseconds(20)) }
    }
}
