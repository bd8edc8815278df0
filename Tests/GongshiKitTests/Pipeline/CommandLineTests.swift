import Foundation
import Testing

/// Runs the real `gongshi` binary (built next to the test bundle) on small sites.
@Suite("The gongshi command")
struct CommandLineTests {
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gongshi")
    }

    struct Run {
        let status: Int32
        let stderr: String
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stderr: String(decoding: data, as: UTF8.self))
    }

    static func site() throws -> TestSite {
        try TestSite([
            "site.yaml": Sample.site,
            "content/branches/a.md": Sample.branch("a"),
            "content/disclosures/d.md": Sample.disclosure("d"),
        ])
    }

    @Test func binaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "run `swift build --product gongshi` first (make test does)")
    }

    @Test func buildSucceedsWithExitZero() throws {
        let site = try Self.site()
        let run = try Self.run([
            "build", "--source", site.root.path, "--output", site.output.path, "--templates", TestSite.templates.path, "--as-of", "2026-11-21",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("检查完成：0 个错误，0 个警告"))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("disclosures/d/index.html").path))
    }

    @Test func contentErrorsExitOneWithFileLineDiagnostics() throws {
        let site = try Self.site()
        try site.write("content/disclosures/d.md", Sample.disclosure("d", scope: "内部"))
        try site.write("content/branches/b.md", "---\nid: b\nname: 乙\ntype: 支部\nfield: 农村\n---\n")
        let run = try Self.run(["check", "--source", site.root.path, "--templates", TestSite.templates.path, "--as-of", "2026-11-21"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/disclosures/d.md:6: error: 字段 scope 的值「内部」不在允许范围内，可选值：社会公开、党内公开"))
        #expect(run.stderr.contains("content/branches/b.md:4: error: 字段 type 的值「支部」不在允许范围内"))
        #expect(run.stderr.contains("检查完成：2 个错误，0 个警告"))
    }

    @Test func failedBuildDoesNotTouchOutput() throws {
        let site = try Self.site()
        try site.write("content/branches/a.md", "no front matter")
        let run = try Self.run(["build", "--source", site.root.path, "--output", site.output.path, "--templates", TestSite.templates.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/branches/a.md:1: error: 缺少 front matter"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try Self.run(["build", "--as-of", "2026-13-01"]).status == 2)
        #expect(try Self.run(["build", "--no-such-flag"]).status == 2)
        let site = try Self.site()
        #expect(try Self.run(["build", "--source", site.root.path, "--output", site.root.path]).status == 2)
    }
}

extension CommandLineTests {
    /// On a large site the one error is printed first, not at the end of hundreds of warnings.
    @Test func errorsArePrintedBeforeTheCountedWarnings() throws {
        var files = [
            "site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a", extra: "nmae: 甲\nphone: 13812345678"),
            "content/pages/zz.md": "---\nid: zz\n---\n",
        ]
        for index in 0..<40 { files["content/disclosures/d\(index).md"] = Sample.disclosure("d\(index)", approved: false) }
        let site = try TestSite(files)
        defer { try? FileManager.default.removeItem(at: site.root) }
        for command in ["check", "build"] {
            var arguments = [command, "--source", site.root.path, "--templates", TestSite.templates.path, "--as-of", "2026-11-21"]
            if command == "build" { arguments += ["--output", site.output.path] }
            let run = try Self.run(arguments)
            #expect(run.status == 1)
            let lines = run.stderr.split(separator: "\n").map(String.init)
            #expect(lines.first == "content/pages/zz.md:1: error: 缺少必填字段 title", "\(command): \(lines.prefix(3))")
            #expect(lines.dropFirst().first == "警告：未发布 40 条，手机号打码 1 条，未知字段 1 条", "\(command): \(lines.prefix(3))")
            let warnings = lines.filter { $0.contains(": warning: ") }
            #expect(warnings.count == 42)
            #expect(lines.firstIndex { $0.contains(": warning: ") } == 2)
            #expect(lines.contains("检查完成：1 个错误，42 个警告"))
        }
    }
}
