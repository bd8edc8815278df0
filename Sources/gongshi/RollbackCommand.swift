import ArgumentParser
import Foundation
import GongshiKit

/// `gongshi rollback`
struct Rollback: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "把网站恢复为 .<输出目录名>.gongshi/releases/ 中的旧版本（默认最新的一个）；再执行一次即可撤销。",
        discussion: "退出码：0 成功，2 用法错误（如 --to 的版本不存在），3 另一个生成任务正在运行，4 失败（网站保持不变）。")

    @Option(name: .long, help: "输出目录。")
    var output: String = "output"

    @Option(name: .long, help: "要恢复的版本名，如 20261120-023000。")
    var to: String?

    @Flag(name: .long, help: "只列出可用的旧版本。")
    var list = false

    @Option(
        name: .long, defaultAsFlag: WaitOption.forever,
        help: ArgumentHelp("另一个生成任务正在运行时等待它结束；--wait 600 最多等 600 秒，到时仍被占用则以退出码 3 结束。", valueName: "秒数"))
    var wait: WaitOption? = nil

    func validate() throws {
        try wait?.validate()
    }

    func run() throws {
        let publisher = Publisher(outputDirectory: URL(fileURLWithPath: output))
        if let problem = OutputLocation.problem(publisher.outputDirectory) { throw ValidationError(problem) }
        if let to, !publisher.layout.releaseNames().contains(to) { throw ValidationError(Self.unknownRelease(to, publisher)) }
        if list {
            let names = publisher.layout.releaseNames()
            print(names.isEmpty ? "没有旧版本。" : names.joined(separator: "\n"))
            return
        }
        do {
            try publisher.layout.prepare()
            let lock = try BuildLock.acquire(publisher.layout.lockFile, wait: WaitOption.lockWait(wait))
            defer { lock.release() }
            let (restored, archivedAs) = try publisher.rollback(to: to)
            Report.line("已恢复旧版本 \(restored)；替换下来的版本保存为 \(publisher.layout.releases.path)/\(archivedAs)。")
        } catch let error as LockError {
            Report.line("错误：\(error)")
            throw ExitCode(ExitStatus.locked)
        } catch {
            Report.line("错误：\(error)")
            throw ExitCode(ExitStatus.ioFailure)
        }
    }

    /// `--to` names no archived release: a usage error that lists the ones there are.
    static func unknownRelease(_ name: String, _ publisher: Publisher) -> String {
        let names = publisher.layout.releaseNames()
        let available = names.isEmpty ? "\(publisher.layout.releases.path) 中没有旧版本" : "可用的版本：\(names.joined(separator: "、"))"
        return "--to 指定的旧版本「\(name)」不存在；\(available)（gongshi rollback --list 列出全部）"
    }
}
