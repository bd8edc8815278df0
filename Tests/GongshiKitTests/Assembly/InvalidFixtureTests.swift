import Foundation
import Testing

@testable import GongshiKit

@Suite("Invalid fixtures")
struct InvalidFixtureTests {
    @Test("there are invalid fixtures to run, each with a non-empty expected.txt")
    func fixturesExist() throws {
        #expect(InvalidFixtures.names.count >= 3)
        for name in InvalidFixtures.names {
            #expect(try !InvalidFixtures.expectedLines(name).isEmpty, "\(name)/expected.txt is empty")
        }
    }

    @Test("every expected diagnostic is reported, and no unexpected error", arguments: InvalidFixtures.names)
    func fixture(_ name: String) throws {
        let expected = try InvalidFixtures.expectedLines(name)
        let site = try TestSite(invalidFixture: name)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let options = BuildOptions(
            sourceDirectory: site.root, outputDirectory: site.output, templatesDirectory: TestSite.templates,
            asOf: Day("2026-11-21")!)
        let (_, _, diagnostics) = SiteBuilder.check(options)
        let reported = diagnostics.map(\.description)
        for line in expected {
            #expect(reported.contains(line), "missing in \(name): \(line)\nreported:\n\(reported.joined(separator: "\n"))")
        }
        let unexpectedErrors = diagnostics.filter { $0.severity == .error && !expected.contains($0.description) }
        #expect(unexpectedErrors.isEmpty, "unexpected errors in \(name): \(unexpectedErrors.map(\.description))")
        #expect(diagnostics.hasErrors)
        // Nothing is written by a check.
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }
}
