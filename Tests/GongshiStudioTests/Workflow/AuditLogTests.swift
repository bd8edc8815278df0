import Foundation
import Testing

@testable import GongshiStudio

@Suite struct AuditLogTests {
    typealias F = WorkflowFixtures

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func recorder(_ source: URL) -> ChangeRecorder {
        ChangeRecorder(
            sourceDirectory: source, stateDirectory: source.appendingPathComponent(".gongshi-studio"), orgNames: F.tree.names)
    }

    @Test func eventsAreAppendedAndListedNewestFirstWithoutGit() throws {
        let source = try temporaryDirectory()
        let history = recorder(source)
        let path = "content/disclosures/dangfei.md"
        try history.record(AuditEvent(account: F.drafter, action: AuditEvent.created, path: path, id: "dangfei", org: "jq-1"))
        try history.record(AuditEvent(account: F.drafter, action: "提交审核", path: path))
        try history.record(AuditEvent(account: F.reviewer, action: "退回", path: path, reason: "金额有误"))
        try history.record(AuditEvent(account: F.drafter, action: AuditEvent.saved, path: "content/other.md"))
        #expect(history.events(for: path).map(\.action) == ["退回", "提交审核", "新建"])
        #expect(history.creator(of: path) == "zhang")
        #expect(history.lastReturn(of: path)?.reason == "金额有误")
        try history.record(AuditEvent(account: F.drafter, action: "提交审核", path: path))
        #expect(history.lastReturn(of: path) == nil)
        let lines = try String(contentsOf: history.logFile, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[2].contains("\"reason\":\"金额有误\""))
    }

    @Test func inAGitWorkTreeEachChangeIsACommitOfExactlyItsPaths() throws {
        let source = try temporaryDirectory()
        try GitRunner.run(["init", "--quiet"], in: source)
        let content = source.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try "a".write(to: content.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try "unrelated".write(to: content.appendingPathComponent("b.md"), atomically: true, encoding: .utf8)
        let history = recorder(source)
        let warning = try history.record(
            AuditEvent(account: F.reviewer, action: "审核通过", path: "content/a.md", id: "dangfei-2026-q3", org: "jq"))
        #expect(warning == nil)
        let log = try GitRunner.run(["log", "--format=%an <%ae>|%s", "--name-only"], in: source)
        #expect(log.contains("李四 <li@studio>|金桥社区 审核通过 dangfei-2026-q3"))
        #expect(log.contains("content/a.md"))
        #expect(!log.contains("content/b.md"))
        #expect(!log.contains("audit.jsonl"))
    }
}

@Suite struct WorkflowPanelTests {
    typealias F = WorkflowFixtures

    @Test func thePanelShowsOnlyTheButtonsTheAccountMayPress() throws {
        let source = FileManager.default.temporaryDirectory.appendingPathComponent("panel-\(UUID().uuidString)")
        let history = ChangeRecorder(sourceDirectory: source, stateDirectory: source.appendingPathComponent(".gongshi-studio"))
        let rules = WorkflowRules(authorizer: F.authorizer)
        let pending = F.disclosure(.pendingReview)
        func panel(_ document: EditableDocument, _ account: Account) -> String {
            WorkflowPanel.html(
                document: document, path: "content/disclosures/d.md", version: "v1", account: account, rules: rules,
                history: history, csrfField: "<input type=\"hidden\" name=\"csrf\" value=\"t\">")
        }
        #expect(panel(pending, F.reviewer).contains("<button type=\"submit\">审核通过</button>"))
        #expect(panel(pending, F.reviewer).contains("name=\"reason\""))
        #expect(!panel(pending, F.drafter).contains("<button"))
        #expect(!panel(pending, F.otherBranch).contains("<button"))
        try history.record(AuditEvent(account: F.reviewer, action: "退回", path: "content/disclosures/d.md", reason: "<金额>有误"))
        let returned = panel(F.disclosure(.draft), F.drafter)
        #expect(returned.contains("退回：&lt;金额&gt;有误"))
        #expect(returned.contains(">提交审核</button>"))
    }
}
