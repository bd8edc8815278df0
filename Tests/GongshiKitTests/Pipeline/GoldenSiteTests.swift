import Foundation
import Testing

@testable import GongshiKit

/// Whole pages compared byte for byte with `Fixtures/sites/<case>/expected/`.
/// Re-record with `GONGSHI_RECORD=1 swift test --filter GoldenSiteTests`, then review the diff like code.
@Suite("Golden sites")
struct GoldenSiteTests {
    static let record = ProcessInfo.processInfo.environment["GONGSHI_RECORD"] == "1"

    @Test(arguments: ["golden"])
    func pagesMatchTheirBaselines(name: String) throws {
        let site = try TestSite(fixture: name)
        try? FileManager.default.removeItem(at: site.root.appendingPathComponent("expected"))
        let outcome = try site.build()
        #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
        let expected = TestSite.fixtures.appendingPathComponent("sites/\(name)/expected")
        // Pages only: the stylesheet is checked by eye, not byte for byte.
        let pages = site.outputFiles().filter { !$0.hasPrefix("assets/") && !$0.hasPrefix(".") }
        if Self.record {
            try? FileManager.default.removeItem(at: expected)
            for path in pages {
                let target = expected.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: site.output.appendingPathComponent(path), to: target)
            }
            return
        }
        #expect(FileManager.default.fileExists(atPath: expected.path), "no baseline: run with GONGSHI_RECORD=1 and review")
        for path in pages {
            let baseline = try? String(contentsOf: expected.appendingPathComponent(path), encoding: .utf8)
            #expect(baseline != nil, "no baseline for \(path)")
            if let baseline { #expect(try site.page(path) == baseline, "\(path) differs from its baseline") }
        }
        let recorded = TestSite.listFiles(under: expected)
        #expect(recorded == pages, "pages added or removed since the baseline was recorded")
    }
}
