import Foundation
import GongshiPreview
import Testing

/// Runs the real `gongshi serve` binary (built next to the test bundle), as a secretary would.
@Suite("The gongshi serve command")
struct ServeCommandTests {
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gongshi")
    }

    /// Standard error of a running process, collected as it arrives.
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func append(_ more: Data) { lock.withLock { data.append(more) } }
        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
    }

    /// Starts `gongshi serve <arguments>`, collecting its standard error.
    static func serve(_ arguments: [String]) throws -> (Process, Collected) {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve"] + arguments
        let pipe = Pipe()
        let stderr = Collected()
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }  // end of file
            stderr.append(data)
        }
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, stderr)
    }

    @Test func servesOnAFreePortAndCleansUpOnCtrlC() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "run `swift build --build-tests` first")
        let site = try PreviewSite.standard()
        defer { site.remove() }
        let (process, stderr) = try Self.serve(["--source", site.root.path, "--templates", PreviewSite.templates.path, "--as-of", "2026-11-21", "--port", "0"])
        defer { if process.isRunning { process.terminate() } }

        let started = await eventually(timeout: .seconds(20)) { stderr.text.contains("预览地址：") }
        try #require(started, "\(stderr.text)")
        let text = stderr.text
        #expect(text.contains("检查完成：0 个错误，0 个警告"))
        let address = try #require(text.firstMatch(of: /预览地址：http:\/\/127\.0\.0\.1:(\d+)\//))
        let port = try #require(UInt16(address.1))
        let workPath = try #require(text.firstMatch(of: /临时目录 (\S+) 随之删除/)).1
        #expect(FileManager.default.fileExists(atPath: String(workPath)))

        let home = try await LoopbackHTTP.get("/", port: port)
        #expect(home.status == 200)
        #expect(home.text.contains("测试街道党务公开网"))

        process.interrupt()  // SIGINT, as Ctrl-C
        let exited = await eventually(timeout: .seconds(10)) { !process.isRunning }
        try #require(exited)
        #expect(process.terminationStatus == 0)
        #expect(!FileManager.default.fileExists(atPath: String(workPath)), "the temporary folder is removed")
        #expect(await eventually(timeout: .seconds(10)) { stderr.text.contains("预览已停止。") })
    }

    @Test func aBusyPortIsReportedInChinese() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "run `swift build --build-tests` first")
        let site = try PreviewSite.standard()
        defer { site.remove() }
        let session = try await PreviewSession.start(site.options())
        let (process, stderr) = try Self.serve(["--source", site.root.path, "--templates", PreviewSite.templates.path, "--port", String(session.port)])
        let exited = await eventually(timeout: .seconds(20)) { !process.isRunning }
        await session.stop()
        if !exited { process.terminate() }
        try #require(exited)
        #expect(process.terminationStatus == 4)
        let reported = await eventually(timeout: .seconds(10)) { stderr.text.contains("错误：无法在 127.0.0.1:\(session.port) 上启动预览") }
        #expect(reported, "\(stderr.text)")
    }
}
