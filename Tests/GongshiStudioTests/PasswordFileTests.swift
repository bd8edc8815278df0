import Foundation
import HummingbirdBcrypt
import Testing

@testable import GongshiStudio

@Suite struct PasswordFileTests {
    static let oldHash = PasswordFile.hash("old password", cost: 4)
    let text = """
        # 账号
        accounts:
          - login: a
            name: 甲
            password: '\(Self.oldHash)'
            roles:
              - {org: x, role: 起草}
          - login: b
            name: 乙
            roles:
              - {org: x, role: 审核}
        """

    @Test func replacesOnlyThatAccountsPasswordLine() throws {
        let hash = PasswordFile.hash("correct horse", cost: 4)
        let updated = try PasswordFile.setting(hash, for: "a", in: text)
        let before = text.components(separatedBy: "\n")
        let after = updated.components(separatedBy: "\n")
        #expect(before.count == after.count)
        let changed = zip(before, after).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        #expect(changed == [4])
        #expect(after[4] == "    password: '\(hash)'")
        #expect(Bcrypt.verify("correct horse", hash: hash))
        #expect(!Bcrypt.verify("wrong horse", hash: hash))
    }

    @Test func addsAPasswordLineAfterTheLoginWhenThereIsNone() throws {
        let hash = PasswordFile.hash("another secret", cost: 4)
        let updated = try PasswordFile.setting(hash, for: "b", in: text).components(separatedBy: "\n")
        let login = try #require(updated.firstIndex(of: "  - login: b"))
        #expect(updated[login + 1] == "    password: '\(hash)'")
        #expect(updated.count == text.components(separatedBy: "\n").count + 1)
    }

    @Test func refusesUnknownLoginsShortAndMismatchedPasswords() {
        #expect(throws: PasswordFile.Problem.self) { try PasswordFile.setting("x", for: "nobody", in: text) }
        #expect(throws: PasswordFile.Problem.self) { try PasswordFile.check("short", repeated: "short") }
        #expect(throws: PasswordFile.Problem.self) { try PasswordFile.check("long enough 1", repeated: "long enough 2") }
        #expect(throws: Never.self) { try PasswordFile.check("long enough", repeated: "long enough") }
    }

    @Test func theUpdatedFileStillLoadsWithTheNewHash() throws {
        let hash = PasswordFile.hash("correct horse", cost: 4)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("passwd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("accounts.yaml")
        try PasswordFile.write(try PasswordFile.setting(hash, for: "b", in: text), to: file)
        let book = try AccountsFile.load(file, knownOrgs: ["x"])
        #expect(book.account(login: "b")?.passwordHash == hash)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["accounts.yaml"])
    }
}
