import FlyingFox
import FlyingSocks
import Foundation
import GongshiKit

/// What `gongshi serve` works on.
public struct PreviewOptions: Sendable {
    public var sourceDirectory: URL
    /// Defaults to `<source>/templates`.
    public var templatesDirectory: URL?
    public var asOf: Day
    /// 0 picks a free port.
    public var port: UInt16
    /// How often the watched files are looked at.
    public var pollInterval: Duration = .milliseconds(300)
    /// How long files must stay unchanged before a rebuild, so a burst of saves triggers one.
    public var settle: Duration = .milliseconds(200)

    public init(sourceDirectory: URL, templatesDirectory: URL?, asOf: Day, port: UInt16) {
        self.sourceDirectory = sourceDirectory
        self.templatesDirectory = templatesDirectory
        self.asOf = asOf
        self.port = port
    }

    var resolvedTemplatesDirectory: URL { templatesDirectory ?? sourceDirectory.appendingPathComponent("templates") }
}

/// Why the preview could not start.
public struct PreviewError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// A running preview: the site built into a temporary folder, served on 127.0.0.1 only, rebuilt when
/// `site.yaml`, `content/` or the templates change.
public final class PreviewSession: Sendable {
    /// The port actually listened on (the free one chosen for port 0).
    public let port: UInt16
    public let builder: PreviewBuilder
    /// `<tmp>/gongshi-preview-<pid>-<id>`, holding `site/`; removed by `stop()`.
    public let workDirectory: URL
    private let server: HTTPServer
    private let serverTask: Task<Void, Never>
    private let watchTask: Task<Void, Never>

    /// The address to open in a browser.
    public var url: String { "http://127.0.0.1:\(port)/" }

    private init(port: UInt16, builder: PreviewBuilder, workDirectory: URL, server: HTTPServer, serverTask: Task<Void, Never>, watchTask: Task<Void, Never>) {
        self.port = port
        self.builder = builder
        self.workDirectory = workDirectory
        self.server = server
        self.serverTask = serverTask
        self.watchTask = watchTask
    }

    /// Builds once, starts listening, and starts watching. `log` gets the terminal's lines: diagnostics,
    /// their summary, and what each rebuild did.
    public static func start(_ options: PreviewOptions, log: @escaping @Sendable (String) -> Void = { _ in }) async throws -> PreviewSession {
        let pid = ProcessInfo.processInfo.processIdentifier
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-preview-\(pid)-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        } catch {
            throw PreviewError(message: "无法创建临时目录 \(work.path)：\(error.localizedDescription)")
        }
        let builder = PreviewBuilder(
            sourceDirectory: options.sourceDirectory, templatesDirectory: options.templatesDirectory, asOf: options.asOf,
            siteDirectory: work.appendingPathComponent("site"))
        let watcher = SiteWatcher(initial: snapshot(options), settle: options.settle)
        report(await builder.rebuild(), update: await builder.lastUpdate, log: log)
        let listening: (HTTPServer, Task<Void, Never>, UInt16)
        do {
            listening = try await listen(port: options.port, handler: PreviewServer(builder: builder))
        } catch {
            try? FileManager.default.removeItem(at: work)
            throw error
        }
        let watchTask = Task { await watch(watcher, options: options, builder: builder, log: log) }
        return PreviewSession(
            port: listening.2, builder: builder, workDirectory: work, server: listening.0, serverTask: listening.1, watchTask: watchTask)
    }

    /// Stops watching and serving, and removes the temporary folder.
    public func stop() async {
        watchTask.cancel()
        await watchTask.value  // a rebuild in progress finishes before its folder goes
        await server.stop(timeout: 1)
        serverTask.cancel()
        try? FileManager.default.removeItem(at: workDirectory)
    }

    private static func snapshot(_ options: PreviewOptions) -> SourceSnapshot {
        SourceSnapshot.take(sourceDirectory: options.sourceDirectory, templatesDirectory: options.resolvedTemplatesDirectory)
    }

    private static func watch(_ initial: SiteWatcher, options: PreviewOptions, builder: PreviewBuilder, log: @Sendable (String) -> Void) async {
        var watcher = initial
        while !Task.isCancelled {
            try? await Task.sleep(for: options.pollInterval)
            if Task.isCancelled { return }
            guard let changed = watcher.observe(snapshot(options), at: .now) else { continue }
            let shown = changed.prefix(3).joined(separator: "、") + (changed.count > 3 ? " 等 \(changed.count) 个文件" : "")
            log("检测到改动：\(shown)，重新生成……")
            report(await builder.rebuild(), update: await builder.lastUpdate, log: log)
        }
    }

    private static func report(_ state: PreviewState, update: SiteBuilder.Preview.Update?, log: (String) -> Void) {
        let listing = DiagnosticListing(state.diagnostics)
        for line in listing.lines.dropLast() { log(line) }
        if let failure = state.writeFailure {
            if listing.errors.isEmpty {
                log("内容检查没有发现错误（\(listing.warnings.count) 个警告），但网站未能生成。")
            } else {
                log(listing.summary)
            }
            log("错误：\(failure)")
        } else if state.showsErrorPage {
            log(listing.summary)
            log("有错误，浏览器中显示错误页；改正并保存后会自动恢复。")
        } else {
            log(listing.summary)
            let seconds = update.map { String(format: "%.2f", $0.phaseSeconds.values.reduce(0, +)) } ?? "?"
            let changes = update.map { "更新 \($0.changed) 个文件、去掉 \($0.removed) 个，" } ?? ""
            log("已生成预览（第 \(state.version) 次，\(changes)用时 \(seconds) 秒），打开的页面会自动刷新。")
        }
    }

    /// At least this long (6000 polls 10 ms apart) before giving up on a server that never listened.
    static let listenDeadlineSeconds = 60

    /// Listens on 127.0.0.1 only, never on all interfaces: the preview may show content not yet published.
    private static func listen(port: UInt16, handler: PreviewServer) async throws -> (HTTPServer, Task<Void, Never>, UInt16) {
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
        let server = HTTPServer(address: address, timeout: 15, logger: DisabledLogger.disabled, handler: handler)
        let failure = FailureBox()
        let task = Task {
            do { try await server.run() } catch { await failure.record(error) }
        }
        // Counted in polls, not read off the clock: on a loaded 2-core machine (or under AddressSanitizer, beside
        // tests that block threads) this loop and the server's task can both wait seconds for a thread, and a clock
        // deadline then passes before the server had a turn. A port that is taken fails at once, above, not here.
        for _ in 0..<(listenDeadlineSeconds * 100) {
            if let error = await failure.error {
                throw PreviewError(message: "无法在 127.0.0.1:\(port) 上启动预览（\(error)）；端口可能已被占用，请换一个 --port，或用 --port 0 自动选择空闲端口")
            }
            if case .ip4(_, let bound)? = await server.listeningAddress { return (server, task, bound) }
            try await Task.sleep(for: .milliseconds(10))
        }
        task.cancel()
        throw PreviewError(message: "预览服务器在 \(listenDeadlineSeconds) 秒内没有开始监听 127.0.0.1:\(port)")
    }
}

/// The error that ended `HTTPServer.run()`, if any.
private actor FailureBox {
    private(set) var error: (any Error)?
    func record(_ error: any Error) { self.error = error }
}
