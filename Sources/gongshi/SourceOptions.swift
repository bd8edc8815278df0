import ArgumentParser
import Foundation
import GongshiKit

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
