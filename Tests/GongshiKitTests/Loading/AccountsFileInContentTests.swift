import Foundation
import Testing

@testable import GongshiKit

/// The studio's `accounts.yaml` holds password hashes: anywhere under `content/` it could be published (as a listed
/// attachment) or read, so `check` and `build` refuse it with an error at its path.
@Suite struct AccountsFileInContentTests {
    @Test(arguments: ["content/accounts.yaml", "content/disclosures/accounts.yaml", "content/examples/附件/accounts.yaml"])
    func anAccountsFileUnderContentIsAnError(path: String) throws {
        let site = try TestSite(fixture: "golden")
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.write(path, "accounts:\n  - login: a\n    name: 甲\n    password: '$2b$12$x'\n")
        let errors = site.check().filter { $0.severity == .error }
        #expect(errors.map(\.path) == [path])
        #expect(errors.first?.message.contains("账号文件") == true)
    }

    @Test func theSameNameOutsideContentIsNoConcernOfTheBuild() throws {
        let site = try TestSite(fixture: "golden")
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.write("accounts.yaml", "accounts: []\n")
        #expect(site.check().filter { $0.severity == .error }.isEmpty)
    }
}
