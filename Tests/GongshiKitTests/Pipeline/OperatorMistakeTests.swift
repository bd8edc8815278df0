import Foundation
import Testing

@testable import GongshiKit

/// The real binary given what a tired operator types: a report inside the site, a date in the future, a wait that
/// must end, a FIFO in the content folder.
@Suite("Operator mistakes with the gongshi command")
struct OperatorMistakeTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
        let timedOut: Bool
    }

    /// Runs the binary; kills it when it is still running after `deadline` seconds (a hang, not a slow machine).
    static func run(_ arguments: [String], deadline: Double = 60) throws -> Run {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        let (out, err) = (Pipe(), Pipe())
        (process.standardOutput, process.standardError) = (out, err)
        // Polled rather than a terminationHandler: on Linux a Process with a handler is never freed (LeakSanitizer
        // in scripts/asan-test.sh reports it).
        try process.run()
        let end = Date().addingTimeInterval(deadline)
        while process.isRunning && Date() < end { usleep(20_000) }
        let timedOut = process.isRunning
        if timedOut { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return Run(status: process.terminationStatus, stdout: stdout, stderr: stderr, timedOut: timedOut)
    }

    static func build(_ site: TestSite, _ extra: [String] = [], asOf: String = "2026-11-21") throws -> Run {
        try run(
            ["build", "--source", site.root.path, "--output", site.output.path, "--templates", TestSite.templates.path, "--as-of", asOf] + extra)
    }

    /// `Day.today()` moved by `days`, as `YYYY-MM-DD`.
    static func day(from today: Int) -> String {
        let date = Calendar.current.date(byAdding: .day, value: today, to: Date())!
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: date)
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!.description
    }

    @Test func aReportInsideTheSiteIsAUsageError() throws {
        let site = try CommandLineTests.site()
        #expect(try Self.build(site).status == 0)
        let layout = ReleaseLayout(output: site.output)
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("logs"), withDestinationURL: site.output)
        let inside = [
            site.output.appendingPathComponent("report.json").path,
            site.output.appendingPathComponent("logs/new/report.json").path,
            site.root.appendingPathComponent("logs/report.json").path,  // the output, through a symlink
            layout.stateDirectory.appendingPathComponent("report.json").path,
            layout.releases.appendingPathComponent("report.json").path,
            layout.legacyReleases.appendingPathComponent("x/report.json").path,
        ]
        let before = try Data(contentsOf: site.output.appendingPathComponent(Manifest.fileName))
        for report in inside {
            let run = try Self.build(site, ["--report", report])
            #expect(run.status == 2, "\(report): \(run.stderr)")
            #expect(run.stderr.contains("报告列出未发布事项及原因，不能放在网站里"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: report))
        }
        #expect(try Data(contentsOf: site.output.appendingPathComponent(Manifest.fileName)) == before)
        let beside = site.root.appendingPathComponent("output-report.json").path
        #expect(try Self.build(site, ["--report", beside]).status == 0)
        #expect(FileManager.default.fileExists(atPath: beside))
    }

    @Test func anAsOfDateAfterTodayIsRefusedUnlessAllowed() throws {
        let site = try CommandLineTests.site()
        let future = Self.day(from: 2)
        let refused = try Self.build(site, asOf: future)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--as-of 的日期 \(future) 晚于本机今天的日期"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        let check = try Self.run(["check", "--source", site.root.path, "--templates", TestSite.templates.path, "--as-of", future])
        #expect(check.status == 2)
        let allowed = try Self.build(site, ["--allow-future-as-of"], asOf: future)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(try Self.build(site, asOf: Self.day(from: -1)).status == 0)
    }

    @Test func aBoundedWaitGivesUpWithExitThree() throws {
        let site = try CommandLineTests.site()
        #expect(try Self.build(site).status == 0)
        let lock = try BuildLock.acquire(ReleaseLayout(output: site.output).lockFile, wait: .no)
        defer { lock.release() }
        let report = site.root.appendingPathComponent("r.json")
        let build = try Self.build(site, ["--wait", "1", "--report", report.path])
        #expect(build.status == 3, "\(build.stderr)")
        #expect(build.stderr.contains("已等待 1 秒，另一个生成任务（进程 \(getpid())）仍在写入同一个输出目录"), "\(build.stderr)")
        #expect(try String(contentsOf: report, encoding: .utf8).contains("\"status\" : \"locked\""))
        let rollback = try Self.run(["rollback", "--output", site.output.path, "--wait=1"])
        #expect(rollback.status == 3, "\(rollback.stderr)")
        #expect(rollback.stderr.contains("已等待 1 秒"))
        #expect(try Self.run(["rollback", "--output", site.output.path, "--wait", "0"]).status == 2)
        #expect(try Self.build(site, ["--wait", "-5"]).status == 2)
    }

    @Test func aBoundedWaitStartsAsSoonAsTheLockIsFree() throws {
        let site = try CommandLineTests.site()
        let lock = try BuildLock.acquire(ReleaseLayout(output: site.output).lockFile, wait: .no)
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = [
            "build", "--source", site.root.path, "--output", site.output.path, "--templates", TestSite.templates.path,
            "--as-of", "2026-11-21", "--wait", "300",
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 0.5)
        #expect(process.isRunning, "a waiting build must not start while the lock is held")
        lock.release()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(Manifest.fileName).path))
    }

    @Test func waitWithoutSecondsStillParsesBeforeOtherOptions() throws {
        let site = try CommandLineTests.site()
        let run = try Self.build(site, ["--wait", "--clean"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.build(site, ["--wait"]).status == 0)
        #expect(try Self.build(site, ["--wait", "30"]).status == 0)
    }

    @Test func aFIFOInTheContentFolderNeitherHangsTheBuildNorKeepsTheLock() throws {
        let site = try CommandLineTests.site()
        let fifo = site.root.appendingPathComponent("content/pages/x.md")
        try makeFIFO(fifo)
        let first = try Self.build(site)
        #expect(!first.timedOut, "the build hung on the FIFO")
        #expect(first.status == 1)
        #expect(first.stderr.contains("content/pages/x.md:1: error: 此文件不是普通文件，而是命名管道（FIFO）"), "\(first.stderr)")
        // The next nightly run is not locked out.
        let second = try Self.build(site)
        #expect(!second.timedOut && second.status == 1)
    }

    @Test func archivedReleasesAreReportedInTheDotFolder() throws {
        let site = try CommandLineTests.site()
        #expect(try Self.build(site).status == 0)
        let second = try Self.build(site)
        let layout = ReleaseLayout(output: site.output)
        let name = try #require(layout.releaseNames().last)
        #expect(layout.releases.path == site.root.path + "/.output.gongshi/releases")
        #expect(second.stderr.contains("上一版本保存为 \(layout.releases.path)/\(name)"), "\(second.stderr)")
        let list = try Self.run(["rollback", "--output", site.output.path, "--list"])
        #expect(list.stdout == name + "\n")
        let rollback = try Self.run(["rollback", "--output", site.output.path])
        #expect(rollback.status == 0, "\(rollback.stderr)")
        #expect(rollback.stderr.contains("替换下来的版本保存为 \(layout.releases.path)/"))
    }
}
