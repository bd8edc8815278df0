import ArgumentParser
import Foundation
import GongshiKit

/// `gongshi build`
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "检查内容并生成网站；有错误时不改动已发布的网站。",
        discussion: "退出码：0 成功，1 内容有错误，2 用法错误，3 另一个生成任务正在运行，4 写入失败（原网站保持不变；或网站已发布而 --report 的报告文件写不进去）。")

    @OptionGroup var common: SourceOptions

    @Option(name: .long, help: "输出目录。")
    var output: String = "output"

    @Option(name: .long, help: "保留多少个被替换下来的旧版本（在 .<输出目录名>.gongshi/releases/ 中）。")
    var keep: Int = 3

    @Option(
        name: .long, defaultAsFlag: WaitOption.forever,
        help: ArgumentHelp("另一个生成任务正在运行时等待它结束，而不是立即退出（退出码 3）；--wait 600 最多等 600 秒，到时仍被占用则以退出码 3 结束。", valueName: "秒数"))
    var wait: WaitOption? = nil

    @Flag(name: .long, help: "忽略缓存，重新渲染所有页面。")
    var clean = false

    @Option(name: .long, help: "缓存目录，默认为 <源目录>/.gongshi-cache；不能在输出目录或 .<输出目录名>.gongshi/ 之内。")
    var cache: String?

    @Option(name: .long, help: "把构建报告（JSON）写到这个文件；不能在输出目录或 .<输出目录名>.gongshi/ 之内（报告列出未发布的事项），不能是符号链接或普通文件以外的东西，所在目录必须存在。")
    var report: String?

    @Flag(name: .customLong("allow-shrink"), help: "组织数不到已发布网站的一半、或党务公开事项变为 0 时仍然发布。")
    var allowShrink = false

    func validate() throws {
        if keep < 0 { throw ValidationError("--keep 不能小于 0") }
        try wait?.validate()
        let options = common.makeOptions(output: output)
        if let report, let conflict = options.reportConflict(report) { throw ValidationError(conflict) }
        if let cache, let conflict = options.cacheConflict(URL(fileURLWithPath: cache)) { throw ValidationError(conflict) }
    }

    func run() throws {
        var options = common.makeOptions(output: output)
        if let conflict = options.outputConflict { throw ValidationError(conflict) }
        if let problem = OutputLocation.problem(options.outputDirectory) { throw ValidationError(problem) }
        options.keepReleases = keep
        options.lockWait = WaitOption.lockWait(wait)
        options.clean = clean
        options.allowShrink = allowShrink
        options.cacheDirectory = cache.map { URL(fileURLWithPath: $0) }
        options.hooks = TestHooks.fromEnvironment()
        let started = Date()
        func finish(_ status: BuildReport.Status, _ code: Int32, _ outcome: BuildOutcome?, failure: String? = nil) throws {
            if let report {
                let json = BuildReport(
                    status: status, exitCode: code, asOf: options.asOf, duration: Date().timeIntervalSince(started), outcome: outcome,
                    failure: failure
                ).json
                if let failure = ReportFile.write(json, to: report, output: options.outputDirectory) {
                    // Never silent: a monitor reading the report would otherwise see the previous run's.
                    Report.line("错误：\(failure)。")
                    throw ExitCode(code == 0 ? ExitStatus.ioFailure : code)
                }
            }
            if code != 0 { throw ExitCode(code) }
        }
        let outcome: BuildOutcome
        do {
            outcome = try SiteBuilder.build(options)
        } catch let error as LockError {
            Report.line("错误：\(error)")
            return try finish(.locked, ExitStatus.locked, nil, failure: error.description)
        } catch {
            Report.line("错误：\(error)")
            return try finish(.ioFailure, ExitStatus.ioFailure, nil, failure: String(describing: error))
        }
        Report.print(outcome.diagnostics)
        Report.print(notes: outcome)
        if outcome.hasErrors {
            Report.line("有错误，未生成网站，已发布的网站保持不变。")
            return try finish(.contentErrors, ExitStatus.contentErrors, outcome)
        }
        let publish = outcome.publish ?? PublishResult()
        let releases = ReleaseLayout(output: options.outputDirectory).releases.path
        Report.line(
            "已发布到 \(output)/：新写 \(publish.written) 个文件，沿用 \(publish.reused) 个，删除 \(publish.removed) 个"
                + (publish.archivedRelease.map { "；上一版本保存为 \(releases)/\($0)" } ?? "") + "（数据截至 \(options.asOf)）。")
        try finish(.ok, 0, outcome)
    }
}

/// Test-only seams, set through the environment by the command-line tests.
enum TestHooks {
    /// `GONGSHI_TEST_PAUSE_AFTER_FILES=N` sleeps after the N-th file is staged, so a test can kill the build.
    static func fromEnvironment() -> PublishHooks {
        guard let value = ProcessInfo.processInfo.environment["GONGSHI_TEST_PAUSE_AFTER_FILES"], let limit = Int(value) else {
            return PublishHooks()
        }
        return PublishHooks(afterWritingFile: { count in
            if count == limit {
                FileHandle.standardError.write(Data("paused\n".utf8))
                Thread.sleep(forTimeInterval: 30)
            }
        })
    }
}
