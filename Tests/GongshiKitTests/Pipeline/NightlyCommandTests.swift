import Foundation
import Testing

@testable import GongshiKit

/// The real binary as cron runs it: lock exit code, a build killed mid-way, the JSON report, rollback.
@Suite("Nightly builds with the gongshi command", .serialized)
struct NightlyCommandTests {
    static func arguments(_ site: TestSite, _ extra: [String] = []) -> [String] {
        ["build", "--source", site.root.path, "--output", site.output.path, "--templates", TestSite.templates.path, "--as-of", "2026-11-21"] + extra
    }

    @Test func anotherBuildHoldingTheLockExitsThree() throws {
        let site = try BuildEndToEndTests.smallSite()
        let lock = try BuildLock.acquire(ReleaseLayout(output: site.output).lockFile, wait: false)
        defer { lock.release() }
        let run = try CommandLineTests.run(Self.arguments(site, ["--report", site.root.appendingPathComponent("r.json").path]))
        #expect(run.status == 3)
        #expect(run.stderr.contains("另一个生成任务（进程 \(getpid())）正在写入同一个输出目录"))
        let report = try String(contentsOf: site.root.appendingPathComponent("r.json"), encoding: .utf8)
        #expect(report.contains("\"status\" : \"locked\""))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func aBuildKilledMidWayLeavesThePublishedSite() throws {
        let site = try BuildEndToEndTests.smallSite()
        #expect(try CommandLineTests.run(Self.arguments(site)).status == 0)
        let before = try Data(contentsOf: site.output.appendingPathComponent("manifest.json"))
        try site.write("content/disclosures/d1.md", Sample.disclosure("d1", title: "新标题", category: "党费管理"))

        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = Self.arguments(site, ["--clean"])
        process.environment = ["GONGSHI_TEST_PAUSE_AFTER_FILES": "5"]
        let pipe = Pipe()
        process.standardError = pipe
        try process.run()
        // Wait (bounded) until five files are staged, then kill it hard.
        let deadline = Date().addingTimeInterval(20)
        var seen = ""
        while !seen.contains("paused"), Date() < deadline {
            seen += String(decoding: pipe.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(seen.contains("paused"))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        #expect(try Data(contentsOf: site.output.appendingPathComponent("manifest.json")) == before)
        #expect(try !site.page("disclosures/d1/index.html").contains("新标题"))
        let staging = site.root.appendingPathComponent(".output.gongshi/staging-\(process.processIdentifier)")
        #expect(FileManager.default.fileExists(atPath: staging.path), "the killed build's staging folder is what it left")

        // The next build publishes, and clears what the killed one left.
        #expect(try CommandLineTests.run(Self.arguments(site)).status == 0)
        #expect(try site.page("disclosures/d1/index.html").contains("新标题"))
        #expect(!FileManager.default.fileExists(atPath: staging.path))
    }

    @Test func reportDescribesTheBuild() throws {
        let site = try BuildEndToEndTests.smallSite()
        let path = site.root.appendingPathComponent("report.json")
        #expect(try CommandLineTests.run(Self.arguments(site, ["--report", path.path])).status == 0)
        #expect(try CommandLineTests.run(Self.arguments(site, ["--report", path.path])).status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as? [String: Any])
        #expect(object["status"] as? String == "ok")
        #expect(object["exitCode"] as? Int == 0)
        let counts = try #require(object["counts"] as? [String: Int])
        #expect(counts == ["branches": 3, "promises": 3, "disclosures": 5, "examples": 1, "pages": 1])
        let pages = try #require(object["pages"] as? [String: Int])
        // Nothing changed: only the theme's three asset files are written again (the sitemap and robots.txt are keyed).
        #expect(pages["written"] == 3 && pages["removed"] == 0 && (pages["reused"] ?? 0) > 20)
        let unpublished = try #require(object["unpublished"] as? [[String: Any]])
        #expect(unpublished.compactMap { $0["id"] as? String } == ["future", "pending", "secret"])
        #expect(object["archivedRelease"] is String)

        try site.write("content/branches/a.md", "---\nid: a\n---\n")
        #expect(try CommandLineTests.run(Self.arguments(site, ["--report", path.path])).status == 1)
        let failed = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as? [String: Any])
        #expect(failed["status"] as? String == "content-errors")
        #expect((failed["errors"] as? [[String: Any]])?.first?["path"] as? String == "content/branches/a.md")
    }
}

extension NightlyCommandTests {
    @Test func rollbackCommandRestoresYesterdaysSite() throws {
        let site = try BuildEndToEndTests.smallSite()
        #expect(try CommandLineTests.run(Self.arguments(site)).status == 0)
        try site.write("content/disclosures/d1.md", Sample.disclosure("d1", title: "今晚的标题", category: "党费管理"))
        #expect(try CommandLineTests.run(Self.arguments(site)).status == 0)
        #expect(try site.page("disclosures/d1/index.html").contains("今晚的标题"))
        let run = try CommandLineTests.run(["rollback", "--output", site.output.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try !site.page("disclosures/d1/index.html").contains("今晚的标题"))
        // The next nightly build publishes the current content again (the cache no longer matches, so all is rendered).
        #expect(try CommandLineTests.run(Self.arguments(site)).status == 0)
        #expect(try site.page("disclosures/d1/index.html").contains("今晚的标题"))
    }
}

extension NightlyCommandTests {
    /// Starts a build that pauses after staging `files` files; returns once it is paused.
    static func startPausedBuild(_ site: TestSite, files: Int = 3) throws -> Process {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments(site, ["--clean"])
        process.environment = ["GONGSHI_TEST_PAUSE_AFTER_FILES": "\(files)"]
        let pipe = Pipe()
        process.standardError = pipe
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        var seen = ""
        while !seen.contains("paused"), Date() < deadline {
            seen += String(decoding: pipe.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(seen.contains("paused"))
        return process
    }

    @Test func twoConcurrentBuildsOfOneOutput() throws {
        let site = try BuildEndToEndTests.smallSite()
        let first = try Self.startPausedBuild(site)
        // A second cron run while the first is writing: refused at once.
        let second = try CommandLineTests.run(Self.arguments(site))
        #expect(second.status == 3)
        #expect(second.stderr.contains("进程 \(first.processIdentifier)"))
        // A third one that waits: it starts when the first ends (here: killed), and publishes.
        let third = Process()
        third.executableURL = CommandLineTests.binary
        third.arguments = Self.arguments(site, ["--wait"])
        third.standardError = FileHandle.nullDevice
        try third.run()
        Thread.sleep(forTimeInterval: 0.5)
        #expect(third.isRunning, "a waiting build must not start while the lock is held")
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        third.waitUntilExit()
        #expect(third.terminationStatus == 0)
        #expect(LinkChecker.brokenLinks(in: site.output, baseURL: "https://example.org/site/") == [])
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("manifest.json").path))
    }
}
