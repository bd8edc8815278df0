import ArgumentParser
import Foundation
import GongshiKit

/// `gongshi new`
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "新建一条内容：写出 content/<类型>s/<ID>.md，含该类型的全部字段和中文说明。",
        discussion: "类型：branch 组织、promise 承诺书、disclosure 党务公开事项、example 典型事例、page 页面。写出的文件可直接通过 check；打印写出的路径。")

    @Argument(help: "内容类型：branch、promise、disclosure、example 或 page。")
    var kind: String

    @Argument(help: "编号：小写英文字母、数字和连字符，以字母或数字开头；也是文件名。")
    var id: String

    @Option(name: .long, help: "源目录（含 site.yaml 和 content/）。")
    var source: String = "."

    @Option(name: .long, help: "所属组织的 id（新建组织时为上级组织 parent）；默认为按 id 排序的第一个组织。")
    var branch: String?

    @Option(name: .customLong("as-of"), help: "今天的日期 YYYY-MM-DD，用于日期字段的初始值，默认为本机当天日期。")
    var asOf: String?

    func validate() throws {
        if ContentKind(singular: kind) == nil {
            let kinds = ContentKind.allCases.map(\.singular).joined(separator: "、")
            throw ValidationError("未知的内容类型「\(kind)」，可选：\(kinds)")
        }
        if let asOf, Day(asOf) == nil { throw ValidationError("--as-of 的日期「\(asOf)」无效，应为 YYYY-MM-DD") }
    }

    func run() throws {
        let request = ScaffoldWriter.Request(
            sourceDirectory: URL(fileURLWithPath: source), kind: ContentKind(singular: kind)!, id: id, branch: branch,
            today: asOf.flatMap(Day.init) ?? Day.today())
        do throws(ScaffoldError) {
            let result = try ScaffoldWriter.write(request)
            for note in result.notes { Report.line("注意：\(note)") }
            print(source == "." ? result.path : (source as NSString).appendingPathComponent(result.path))
        } catch {
            throw error.reportedExitCode()
        }
    }
}
