import Foundation
import GongshiKit
import Testing

@testable import GongshiStudio

/// The procedure over HTTP on a real folder: 待办 shows each account what waits for it, the buttons appear only
/// for the account that may press them, a forged POST changes nothing, another branch gets 403.
@Suite struct InboxFlowTests {
    let path = "content/disclosures/huodong-2026-12.md"
    let source: URL

    init() throws {
        source = FileManager.default.temporaryDirectory.appendingPathComponent("inbox-\(UUID().uuidString)")
        let folder = source.appendingPathComponent("content/disclosures")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = """
            ---
            id: huodong-2026-12
            branch: jinqiao-shequ
            title: 十二月主题党日活动安排
            category: 组织生活
            scope: 社会公开
            published: 2026-12-01
            workflow: 待审核
            proposed: {by: 李红梅, date: 2026-11-30}
            ---

            12月10日上午9:00在党群服务站集合。

            """
        try Data(text.utf8).write(to: folder.appendingPathComponent("huodong-2026-12.md"))
    }

    func file() throws -> String { try String(contentsOf: source.appendingPathComponent(path), encoding: .utf8) }

    func version() throws -> String { ContentStore.version(of: [UInt8](try Data(contentsOf: source.appendingPathComponent(path)))) }

    @Test func reviewerThenApproverSignTheProposerCannot() async throws {
        defer { try? FileManager.default.removeItem(at: source) }
        let studio = TestStudio.make(source: source)

        let proposer = try StudioClient(studio: studio)
        try await proposer.logIn("jinqiao-shuji", password: TestStudio.password)
        #expect(try await !proposer.get("/").body.contains("十二月主题党日"))
        let own = try await proposer.get("/view/\(path)")
        #expect(own.status == .ok)
        #expect(!own.body.contains("审核通过</button>"))
        let before = try file()
        let forged = try await proposer.post("/action", form: ["path": path, "version": try version(), "action": "review"])
        #expect(forged.status == .forbidden)
        #expect(try file() == before)

        let other = try StudioClient(studio: studio)
        try await other.logIn("shuikou-shuji", password: TestStudio.password)
        #expect(try await other.get("/view/\(path)").status == .forbidden)
        #expect(try await !other.get("/?show=all").body.contains("十二月主题党日"))

        let reviewer = try StudioClient(studio: studio)
        try await reviewer.logIn("jinqiao-shenhe", password: TestStudio.password)
        #expect(try await reviewer.get("/").body.contains("十二月主题党日"))
        #expect(try await reviewer.get("/view/\(path)").body.contains("审核通过</button>"))
        let stale = try await reviewer.post("/action", form: ["path": path, "version": "0000", "action": "review"])
        #expect(stale.status == .conflict)
        let reviewed = try await reviewer.post("/action", form: ["path": path, "version": try version(), "action": "review"])
        #expect(reviewed.status == .ok)
        #expect(try file().contains("reviewed: {by: 王建国, date: 2026-12-01}"))
        #expect(try !file().contains("workflow:"))

        let approver = try StudioClient(studio: studio)
        try await approver.logIn("jinqiao-shenpi", password: TestStudio.password)
        #expect(try await approver.get("/").body.contains("十二月主题党日"))
        let approved = try await approver.post("/action", form: ["path": path, "version": try version(), "action": "approve"])
        #expect(approved.status == .ok)
        #expect(try file().contains("approved: {by: 张志强, date: 2026-12-01, org: jinqiao-shequ}"))
        let history = try await approver.get("/history/\(path)").body
        #expect(history.contains("王建国") && history.contains("审核通过") && history.contains("张志强") && history.contains("审批通过"))
        #expect(try await !approver.get("/").body.contains("十二月主题党日"))
    }

    @Test func aFileWithCommentsIsShownWithoutButtonsAndNeverRewritten() async throws {
        defer { try? FileManager.default.removeItem(at: source) }
        let url = source.appendingPathComponent(path)
        let commented = try file().replacingOccurrences(of: "workflow: 待审核\n", with: "workflow: 待审核  # 手写的注释\n")
        try Data(commented.utf8).write(to: url)
        let studio = TestStudio.make(source: source)
        let reviewer = try StudioClient(studio: studio)
        try await reviewer.logIn("jinqiao-shenhe", password: TestStudio.password)
        let page = try await reviewer.get("/view/\(path)").body
        #expect(page.contains("只能查看"))
        #expect(!page.contains("审核通过</button>"))
        let posted = try await reviewer.post("/action", form: ["path": path, "version": try version(), "action": "review"])
        #expect(posted.status == .forbidden)
        #expect(try file() == commented)
    }
}
