import ArgumentParser
import Foundation
import GongshiKit
import GongshiPreview

/// `gongshi serve`
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "在本机预览网站：生成到临时目录，只在 127.0.0.1 上提供访问，内容改动后自动重新生成并刷新浏览器。")

    @OptionGroup var common: SourceOptions

    @Option(name: .long, help: "端口；0 表示自动选择空闲端口。")
    var port: UInt16 = 8000

    func run() async throws {
        try await Self.serve(makeOptions())
    }

    private func makeOptions() -> PreviewOptions {
        let build = common.makeOptions(output: "output")
        return PreviewOptions(sourceDirectory: build.sourceDirectory, templatesDirectory: build.templatesDirectory, asOf: build.asOf, port: port)
    }

    private static func serve(_ options: PreviewOptions) async throws {
        let session: PreviewSession
        do {
            session = try await PreviewSession.start(options, log: Report.line)
        } catch let error as PreviewError {
            Report.line("错误：\(error.message)")
            throw ExitCode(ExitStatus.ioFailure)
        }
        Report.line("预览地址：\(session.url)")
        Report.line("（数据截至 \(options.asOf)；只有本机可以访问；按 Ctrl-C 停止，临时目录 \(session.workDirectory.path) 随之删除）")
        _ = await ShutdownSignal.wait()
        await session.stop()
        Report.line("预览已停止。")
    }
}
