import ArgumentParser
import Foundation
import GongshiKit

/// Exit codes, stable for scripts: see README「命令行」.
enum ExitStatus {
    static let contentErrors: Int32 = 1
    static let usage: Int32 = 2
    static let ioFailure: Int32 = 4
}

struct Gongshi: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongshi",
        abstract: "公示：把 Markdown 内容生成为基层党组织党务公开静态网站。",
        subcommands: [Build.self, Check.self])
}

/// Options shared by `build` and `check`.
struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: "源目录（含 site.yaml 和 content/）。")
    var source: String = "."

    @Option(name: .long, help: "模板目录，默认为 <源目录>/templates。")
    var templates: String?

    @Option(name: .customLong("as-of"), help: "数据截至日期 YYYY-MM-DD，默认为今天。")
    var asOf: String?

    func validate() throws {
        if let asOf, Day(asOf) == nil { throw ValidationError("--as-of 的日期「\(asOf)」无效，应为 YYYY-MM-DD") }
    }

    func makeOptions(output: String) -> BuildOptions {
        BuildOptions(
            sourceDirectory: URL(fileURLWithPath: source),
            outputDirectory: URL(fileURLWithPath: output),
            templatesDirectory: templates.map { URL(fileURLWithPath: $0) },
            asOf: asOf.flatMap(Day.init) ?? Day.today())
    }
}

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

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "只检查内容，不写任何文件。")

    @OptionGroup var common: SourceOptions

    func run() throws {
        let (_, _, diagnostics) = SiteBuilder.check(common.makeOptions(output: "output"))
        Report.print(diagnostics)
        if diagnostics.hasErrors { throw ExitCode(ExitStatus.contentErrors) }
    }
}

enum Report {
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { line(diagnostic.description) }
        line(diagnostics.summary)
    }
}

// Usage errors exit with 2 (argument-parser's default is 64).
do {
    var command = try Gongshi.parseAsRoot()
    try command.run()
} catch {
    let code = Gongshi.exitCode(for: error)
    if code == .validationFailure {
        FileHandle.standardError.write(Data((Gongshi.fullMessage(for: error) + "\n").utf8))
        exit(ExitStatus.usage)
    }
    Gongshi.exit(withError: error)
}
