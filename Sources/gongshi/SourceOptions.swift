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

    @Flag(name: .customLong("allow-future-as-of"), help: "允许 --as-of 晚于本机今天的日期（会提前显示发布日期未到的事项，只用于预览和测试）。")
    var allowFutureAsOf = false

    func validate() throws {
        guard let asOf else { return }
        guard let day = Day(asOf) else { throw ValidationError("--as-of 的日期「\(asOf)」无效，应为 YYYY-MM-DD") }
        let today = Day.today()
        if day > today, !allowFutureAsOf {
            throw ValidationError(
                "--as-of 的日期 \(day) 晚于本机今天的日期 \(today)：发布日期未到的事项会被提前公开。"
                    + "请检查日期；确实要预览将来某天的网站时，加 --allow-future-as-of")
        }
    }

    func makeOptions(output: String) -> BuildOptions {
        BuildOptions(
            sourceDirectory: URL(fileURLWithPath: source),
            outputDirectory: URL(fileURLWithPath: output),
            templatesDirectory: templates.map { URL(fileURLWithPath: $0) },
            asOf: asOf.flatMap(Day.init) ?? Day.today())
    }
}
