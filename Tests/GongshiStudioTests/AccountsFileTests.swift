import Foundation
import GongshiStudio
import Testing

@Suite struct AccountsFileTests {
    static let orgs: Set<String> = ["jinqiao-shequ", "qingxi-jiedao"]

    func problems(_ text: String) -> [String] {
        do {
            _ = try AccountsFile.parse(text, file: "accounts.yaml", knownOrgs: Self.orgs)
            return []
        } catch let error as AccountsFileError {
            return error.description.split(separator: "\n").map(String.init)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func aValidFileLoads() throws {
        let book = try AccountsFile.parse(
            """
            sample: true
            accounts:
              - login: a
                name: 李红梅
                password: '\(TestStudio.hash)'
                roles:
                  - {org: jinqiao-shequ, role: 起草}
            """, file: "accounts.yaml", knownOrgs: Self.orgs)
        #expect(book.isSample)
        #expect(book.account(login: "a")?.roles == [RoleGrant(org: "jinqiao-shequ", role: .drafter)])
        #expect(book.account(login: "a")?.passwordHash == TestStudio.hash)
    }

    @Test func eachMistakeIsReportedAtItsLine() {
        let found = problems(
            """
            accounts:
              - login: a
                name: 甲
                roles:
                  - {org: jinqiao-shequ, role: 编辑}
              - login: b
                roles:
                  - {org: nowhere, role: 审核}
              - login: a
                name: 乙
                password: plain-password
                roles:
                  - {org: qingxi-jiedao, role: 审批}
            """)
        #expect(found.contains { $0.hasPrefix("accounts.yaml:5: 未知角色「编辑」") })
        #expect(found.contains { $0.hasPrefix("accounts.yaml:6: 账号「b」缺少 name") })
        #expect(found.contains { $0.hasPrefix("accounts.yaml:8: 未知组织「nowhere」") })
        #expect(found.contains { $0.hasPrefix("accounts.yaml:9: 登录名「a」重复（第 2 行已有）") })
        #expect(found.contains { $0.hasPrefix("accounts.yaml:11: 账号「a」的 password 不是 bcrypt 摘要") && $0.contains("gongshi studio passwd") })
    }

    @Test func sampleFileIsRefusedOffLoopback() throws {
        let source = FileManager.default.temporaryDirectory.appendingPathComponent("studio-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: source) }
        #expect(Studio.isLoopback("127.0.0.1"))
        #expect(Studio.isLoopback("::1"))
        #expect(!Studio.isLoopback("0.0.0.0"))
        #expect(!Studio.isLoopback("192.168.1.5"))
        // Without accounts.yaml the studio does not start.
        #expect(throws: StudioStartupError.self) { try Studio.load(settings: StudioSettings(sourceDirectory: source)) }
    }
}

@Suite struct AccountsSampleFileTests {
    /// The repository root is the sample site's source dir.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theSampleAccountsLoadOnLoopbackOnly() throws {
        let studio = try Studio.load(settings: StudioSettings(sourceDirectory: Self.root))
        #expect(studio.accounts.isSample)
        #expect(studio.accounts.accounts.count == 5)
        let error = #expect(throws: StudioStartupError.self) {
            try Studio.load(settings: StudioSettings(sourceDirectory: Self.root, host: "0.0.0.0"))
        }
        #expect(error?.description.contains("示例账号文件") == true)
    }
}
