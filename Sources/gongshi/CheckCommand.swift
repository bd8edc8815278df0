import ArgumentParser
import Foundation
import GongshiKit

/// `gongshi check`
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "只检查内容，不写任何文件。")

    @OptionGroup var common: SourceOptions

    func run() throws {
        let (_, _, diagnostics) = SiteBuilder.check(common.makeOptions(output: "output"))
        Report.print(diagnostics)
        if diagnostics.hasErrors { throw ExitCode(ExitStatus.contentErrors) }
    }
}
