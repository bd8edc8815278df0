import ArgumentParser
import Foundation
import GongshiKit

/// `gongshi init`
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "新建一个空站点：site.yaml、content/ 下的各内容目录和默认模板 templates/。")

    @Argument(help: "新站点的目录；可以不存在或为空目录，不能是已有文件的目录。")
    var directory: String

    func run() throws {
        do throws(ScaffoldError) {
            try SiteInitializer.create(at: URL(fileURLWithPath: directory))
        } catch {
            throw error.reportedExitCode()
        }
        Report.line(
            """
            已在 \(directory)/ 新建站点：site.yaml、content/（五个内容目录）、templates/（默认模板）。
            下一步：编辑 \(directory)/site.yaml 填写站点名称和网址，然后
              gongshi new branch <组织编号> --source \(directory)
              gongshi build --source \(directory) --output \(directory)/output
            """)
    }
}

extension ScaffoldError {
    /// Prints the message and picks the exit code: see README「命令行」.
    func reportedExitCode() -> ExitCode {
        Report.line("错误：\(message)")
        switch reason {
        case .usage: return ExitCode(ExitStatus.usage)
        case .conflict: return ExitCode(ExitStatus.contentErrors)
        case .io: return ExitCode(ExitStatus.ioFailure)
        }
    }
}
