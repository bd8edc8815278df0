import Foundation

/// Records every change the studio makes: one line appended to the audit log (always), and a git commit of exactly
/// the changed paths with the account as author when the source dir is a git work tree.
public final class ChangeRecorder: @unchecked Sendable {
    public let sourceDirectory: URL
    public let logFile: URL
    /// The organisation names for commit messages (「金桥社区 审核通过 dangfei-2026-q3」).
    public let orgNames: [String: String]
    private let lock = NSLock()

    public init(sourceDirectory: URL, stateDirectory: URL, orgNames: [String: String] = [:]) {
        self.sourceDirectory = sourceDirectory
        self.logFile = stateDirectory.appendingPathComponent("audit.jsonl")
        self.orgNames = orgNames
    }

    /// Appends `event` to the audit log and commits `paths` (relative to the source dir; default the event's path).
    /// A failing commit does not undo the change: it is reported in the returned message, the audit line stays.
    @discardableResult
    public func record(_ event: AuditEvent, paths: [String]? = nil) throws -> String? {
        lock.lock()
        defer { lock.unlock() }
        try append(event)
        guard GitRunner.isWorkTree(sourceDirectory) else { return nil }
        let subject = [event.org.map { orgNames[$0] ?? $0 }, event.action, event.id ?? event.path].compactMap { $0 }.joined(separator: " ")
        let message = event.reason.map { "\(subject)\n\n退回原因：\($0)" } ?? subject
        do {
            try GitRunner.commit(paths: paths ?? [event.path], in: sourceDirectory, message: message, author: event.name, email: "\(event.login)@studio")
            return nil
        } catch {
            return "修改已保存，但没能提交到 git：\(error)"
        }
    }

    /// Every event of `path`, newest first.
    public func events(for path: String) -> [AuditEvent] {
        allEvents().filter { $0.path == path }.reversed()
    }

    /// The whole log in file order; a damaged line is skipped.
    public func allEvents() -> [AuditEvent] {
        guard let data = try? Data(contentsOf: logFile) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(AuditEvent.self, from: Data($0)) }
    }

    /// The login that created `path`, from its first 新建 event.
    public func creator(of path: String) -> String? {
        allEvents().first { $0.path == path && $0.action == AuditEvent.created }?.login
    }

    /// The latest 退回 of `path` when it is the file's latest workflow event (an item returned and not resubmitted).
    public func lastReturn(of path: String) -> AuditEvent? {
        let labels = Set(WorkflowAction.allCases.map(\.label))
        let latest = events(for: path).first { labels.contains($0.action) }
        return latest?.action == WorkflowAction.reject.label ? latest : nil
    }

    /// Appends `event` to the audit log without a git commit (a build from 生成 changes no source file).
    func appendOnly(_ event: AuditEvent) throws {
        lock.lock()
        defer { lock.unlock() }
        try append(event)
    }

    /// One `write` with `O_APPEND` and `fsync`, so lines of concurrent writers never interleave.
    private func append(_ event: AuditEvent) throws {
        try FileManager.default.createDirectory(at: logFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(event)
        line.append(UInt8(ascii: "\n"))
        let fd = open(logFile.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw WorkflowError("无法写入审计日志 \(logFile.path)：\(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(fd) == 0 else { throw WorkflowError("写入审计日志失败：\(String(cString: strerror(errno)))") }
    }
}
