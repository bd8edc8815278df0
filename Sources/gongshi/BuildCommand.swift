import ArgumentParser
import Foundation
import GongshiKit

/// `gongshi build`
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "检查内容并生成网站；有错误时不改动输出目录。")

    @OptionGroup var common: SourceOptions

    @Option(name: .long, help: "输出目录。")
    var output: String = "output"

    func run() throws {
        let options = common.makeOptions(output: output)
        if let conflict = options.outputConflict { throw ValidationError(conflict) }
        do {
            let outcome = try SiteBuilder.build(options)
            Report.print(outcome.diagnostics)
            if outcome.hasErrors {
                Report.line("有错误，未生成网站，输出目录 \(output) 保持不变。")
                throw ExitCode(ExitStatus.contentErrors)
            }
            Report.line("已生成 \(outcome.pagesWritten) 个文件到 \(output)/（数据截至 \(options.asOf)）。")
        } catch let error as OutputError {
            Report.line("错误：\(error.message)")
            throw ExitCode(ExitStatus.ioFailure)
        }
    }
}
