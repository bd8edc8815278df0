import Foundation
import Testing

/// Runs the real `gongshi init` and `gongshi new`, built next to the test bundle.
@Suite("The gongshi init and new commands")
struct ScaffoldCommandLineTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func freshDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-test-\(UUID().uuidString)")
    }

    /// `init`'s site.yaml must be filled in first: the build names both placeholders, then succeeds.
    @Test func initThenBuildAsksForSiteYAMLThenSucceeds() throws {
        let root = Self.freshDirectory()
        let created = try Self.run(["init", root.path])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stderr.contains("gongshi new branch"))
        let output = root.appendingPathComponent("output")
        let refused = try Self.run(["build", "--source", root.path, "--output", output.path, "--as-of", "2026-11-21"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("site.yaml:3: error: 字段 title 仍是 gongshi init 写入的占位文字「请填写站点名称」"))
        #expect(refused.stderr.contains("site.yaml:5: error: 字段 base_url 仍是 gongshi init 写入的示例网址"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        try SiteInitializerTests.fillInSiteYAML(root)
        let built = try Self.run(["build", "--source", root.path, "--output", output.path, "--as-of", "2026-11-21"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.contains("检查完成：0 个错误，0 个警告"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    @Test func initRefusesANonEmptyDirectory() throws {
        let site = try TestSite(["notes.txt": "keep me"])
        let run = try Self.run(["init", site.root.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("不是空目录"))
        #expect(TestSite.listFiles(under: site.root) == ["notes.txt"])
    }

    @Test func newPrintsThePathAndCheckAsksForItsPlaceholders() throws {
        let site = try TestSite(["site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a")])
        let run = try Self.run(["new", "promise", "zhang-2026", "--as-of", "2026-11-21"], in: site.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "content/promises/zhang-2026.md\n")
        #expect(run.stderr.contains("branch 已填为 a"))
        let text = try String(contentsOf: site.root.appendingPathComponent("content/promises/zhang-2026.md"), encoding: .utf8)
        #expect(text.contains("published: 2026-11-21"))
        let checked = try Self.run(["check", "--source", site.root.path, "--templates", TestSite.templates.path, "--as-of", "2026-11-21"])
        #expect(checked.status == 1, "\(checked.stderr)")
        #expect(checked.stderr.contains("content/promises/zhang-2026.md:11: error: 字段 promiser 仍是 gongshi new 写入的占位文字「请填写承诺人姓名」"))
        #expect(checked.stderr.contains("检查完成：3 个错误，0 个警告"), "\(checked.stderr)")
    }

    @Test func newWithSourcePrintsThePathUnderIt() throws {
        let site = try TestSite(["site.yaml": Sample.site])
        let run = try Self.run(["new", "page", "about", "--source", site.root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == site.root.appendingPathComponent("content/pages/about.md").path + "\n")
    }

    @Test func newExitCodes() throws {
        let site = try TestSite(["site.yaml": Sample.site, "content/pages/about.md": "mine"])
        let source = ["--source", site.root.path]
        let badID = try Self.run(["new", "page", "About_Us"] + source)
        #expect(badID.status == 2)
        #expect(badID.stderr.contains("id「About_Us」不合规"))
        #expect(try Self.run(["new", "chapter", "x"] + source).status == 2)
        #expect(try Self.run(["new", "page", "x", "--as-of", "2026-02-30"] + source).status == 2)
        let existing = try Self.run(["new", "page", "about"] + source)
        #expect(existing.status == 1)
        #expect(existing.stderr.contains("content/pages/about.md 已存在"))
        #expect(try String(contentsOf: site.root.appendingPathComponent("content/pages/about.md"), encoding: .utf8) == "mine")
    }
}
