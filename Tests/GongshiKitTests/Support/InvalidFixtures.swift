import Foundation

@testable import GongshiKit

/// The invalid-input fixture sites under `Fixtures/invalid/<case>/`, each with an `expected.txt`.
enum InvalidFixtures {
    static let directory = TestSite.fixtures.appendingPathComponent("invalid")

    /// Every case folder, sorted; empty when the folder is missing (a test checks it is not).
    static var names: [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return entries.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    /// The non-empty lines of `<case>/expected.txt`.
    static func expectedLines(_ name: String) throws -> [String] {
        let url = directory.appendingPathComponent(name).appendingPathComponent("expected.txt")
        return try String(contentsOf: url, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}

extension TestSite {
    /// Copies the invalid fixture `name` into a fresh temp dir (its `expected.txt` comes along and is ignored by the scanner).
    init(invalidFixture name: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: InvalidFixtures.directory.appendingPathComponent(name), to: root)
    }
}
