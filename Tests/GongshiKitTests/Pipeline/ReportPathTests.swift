import Foundation
import Testing

@testable import GongshiKit

/// `--report` and `--cache` paths that would write into the live site, its dot-folder or something that is not a
/// plain file, given to the real binary: each is a usage error (exit 2) before anything is built, and a report that
/// cannot be written at the end is an error (exit 4), never silent.
@Suite("Report and cache paths")
struct ReportPathTests {
    @Test func aReportPathThatLeadsIntoTheSiteOrIsNotAPlainFileIsAUsageError() throws {
        let site = try CommandLineTests.site()
        #expect(try OperatorMistakeTests.build(site).status == 0)
        let fm = FileManager.default
        let layout = ReleaseLayout(output: site.output)
        let root = site.root.path
        func link(_ name: String, _ target: String) throws {
            try fm.createSymbolicLink(atPath: "\(root)/\(name)", withDestinationPath: target)
        }
        try link("dangling.json", site.output.appendingPathComponent("x.json").path)
        try link("dangling-release.json", layout.releases.appendingPathComponent("x.json").path)
        try site.write("outside.txt", "keep")
        try link("to-outside.json", "outside.txt")
        try fm.createDirectory(atPath: "\(root)/logs", withIntermediateDirectories: true)
        try link("logs/site", site.output.path)
        try fm.createDirectory(at: site.output.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try link("sub", site.output.appendingPathComponent("sub").path)
        try fm.linkItem(atPath: site.output.appendingPathComponent("index.html").path, toPath: "\(root)/hard.json")
        try makeFIFO(site.root.appendingPathComponent("fifo.json"))
        try site.write("afile", "x")
        let cases: [(String, String)] = [
            ("\(root)/dangling.json", "是符号链接"),
            ("\(root)/dangling-release.json", "是符号链接"),
            ("\(root)/to-outside.json", "是符号链接"),
            ("\(root)/logs/site/r.json", "报告列出未发布事项及原因，不能放在网站里"),
            ("\(root)/sub/../r.json", "报告列出未发布事项及原因，不能放在网站里"),  // `..` through the link: the output
            ("\(root)/hard.json", "有多个名字（硬链接）"),
            ("\(root)/fifo.json", "不是普通文件，而是命名管道（FIFO）"),
            ("\(root)/logs", "不是普通文件，而是目录"),
            ("\(root)/afile/r.json", "\(root)/afile 是一个文件，不是目录"),
            ("\(root)/nosuch/r.json", "它所在的目录 \(root)/nosuch 不存在"),
        ]
        let manifest = site.output.appendingPathComponent(Manifest.fileName)
        let before = try Data(contentsOf: manifest)
        let index = try Data(contentsOf: site.output.appendingPathComponent("index.html"))
        for (report, message) in cases {
            let run = try OperatorMistakeTests.run(
                ["build", "--source", root, "--output", site.output.path, "--templates", TestSite.templates.path, "--as-of", "2026-11-21", "--report", report],
                deadline: 30)
            #expect(!run.timedOut, "\(report) hangs")
            #expect(run.status == 2, "\(report): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(report): \(run.stderr)")
            #expect(!run.stderr.contains("x.json"), "a symlink's target is never shown")
        }
        #expect(try Data(contentsOf: manifest) == before, "nothing was built")
        #expect(try Data(contentsOf: site.output.appendingPathComponent("index.html")) == index)
        #expect(!fm.fileExists(atPath: site.output.appendingPathComponent("x.json").path))
        #expect(!fm.fileExists(atPath: layout.releases.appendingPathComponent("x.json").path))
        #expect(!fm.fileExists(atPath: site.output.appendingPathComponent("r.json").path))
        #expect(try String(contentsOfFile: "\(root)/outside.txt", encoding: .utf8) == "keep")
    }

    @Test func aCacheInsideTheSiteIsAUsageError() throws {
        let site = try CommandLineTests.site()
        let layout = ReleaseLayout(output: site.output)
        for cache in [site.output.appendingPathComponent("cache").path, layout.stateDirectory.appendingPathComponent("c").path] {
            let run = try OperatorMistakeTests.build(site, ["--cache", cache])
            #expect(run.status == 2, "\(cache): \(run.stderr)")
            #expect(run.stderr.contains("缓存目录 \(cache) 在输出目录"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: site.output.path))
        }
        #expect(try OperatorMistakeTests.build(site, ["--cache", site.root.appendingPathComponent("cache").path]).status == 0)
    }

    /// The report's folder vanishes while the build waits for the lock: the site is published, the failure is said
    /// on stderr and the exit status is 4.
    @Test func aReportThatCannotBeWrittenAtTheEndExitsFour() throws {
        let site = try CommandLineTests.site()
        let folder = site.root.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lock = try BuildLock.acquire(ReleaseLayout(output: site.output).lockFile, wait: .no)
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = [
            "build", "--source", site.root.path, "--output", site.output.path, "--templates", TestSite.templates.path,
            "--as-of", "2026-11-21", "--wait", "--report", folder.appendingPathComponent("r.json").path,
        ]
        let err = Pipe()
        process.standardError = err
        try process.run()
        // Past the up-front checks once it holds the lock file open (it then waits for the lock).
        try Self.waitUntil { Self.openFiles(of: process.processIdentifier).contains { $0.hasSuffix("/lock") } }
        try FileManager.default.removeItem(at: folder)
        lock.release()
        process.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 4, "\(stderr)")
        #expect(stderr.contains("错误：报告文件 \(folder.path)/r.json 无法写入"), "\(stderr)")
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(Manifest.fileName).path))
    }

    /// The paths the process `pid` has open (`/proc/<pid>/fd`).
    static func openFiles(of pid: Int32) -> [String] {
        let folder = "/proc/\(pid)/fd"
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return fds.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/\($0)") }
    }

    /// Polls `condition`; not a timing assertion, only a bound that turns a hang into a failure.
    static func waitUntil(_ condition: () -> Bool) throws {
        for _ in 0..<600 where !condition() { Thread.sleep(forTimeInterval: 0.1) }
        try #require(condition())
    }
}
