import Foundation
import Testing

@testable import GongshiKit

/// Operator mistakes on the command line get a Chinese usage message and exit 2, never a Foundation error.
@Suite("Command-line mistakes")
struct CommandLineMistakeTests {
    /// Runs the binary (through the operator-mistake tests' runner, which ends a hang); returns its status,
    /// standard output and standard error.
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let run = try OperatorMistakeTests.run(arguments)
        return (run.status, run.stdout, run.stderr)
    }

    @Test func versionIsPrinted() throws {
        let run = try Self.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == GongshiVersion.current)
    }

    @Test func rollbackToAnUnknownReleaseIsAUsageErrorListingTheReleases() throws {
        let site = try CommandLineTests.site()
        var options = site.options
        options.keepReleases = 3
        for _ in 0..<3 { _ = try SiteBuilder.build(options) }
        let names = ReleaseLayout(output: site.output).releaseNames()
        #expect(names.count == 2)
        let before = try Data(contentsOf: site.output.appendingPathComponent(Manifest.fileName))
        let run = try Self.run(["rollback", "--output", site.output.path, "--to", "20200101-000000"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("旧版本「20200101-000000」不存在") && names.allSatisfy(run.stderr.contains), "\(run.stderr)")
        #expect(try Data(contentsOf: site.output.appendingPathComponent(Manifest.fileName)) == before)
        let none = try Self.run(["rollback", "--output", site.root.appendingPathComponent("elsewhere").path, "--to", "x"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("没有旧版本"), "\(none.stderr)")
    }

    @Test(arguments: ["somefile/out", "somefile/a/b", "somefile"])
    func anOutputUnderAFileIsAUsageErrorInChinese(_ output: String) throws {
        let site = try CommandLineTests.site()
        try site.write("somefile", "not a folder\n")
        let path = site.root.appendingPathComponent(output).path
        for arguments in [
            ["build", "--source", site.root.path, "--output", path, "--templates", TestSite.templates.path, "--as-of", "2026-11-21"],
            ["rollback", "--output", path],
        ] {
            let run = try Self.run(arguments)
            #expect(run.status == 2, "\(arguments[0]): \(run.stderr)")
            #expect(run.stderr.contains("是一个文件，不是目录") && run.stderr.contains(site.root.appendingPathComponent("somefile").path), "\(run.stderr)")
            #expect(!run.stderr.contains("NSCocoaErrorDomain"))
        }
        // The engine refuses it too (an output error) before it creates anything.
        var options = site.options
        options.outputDirectory = URL(fileURLWithPath: path)
        #expect(throws: OutputError.self) { try SiteBuilder.build(options) }
    }
}
