import Foundation
import GongshiKit
import Synchronization
import Testing

@testable import GongshiStudio

/// Documents kept in memory; the version is a counter.
final class MemoryDocuments: WorkflowDocuments {
    let files: Mutex<[String: (EditableDocument, Int)]>

    init(_ files: [String: EditableDocument]) { self.files = Mutex(files.mapValues { ($0, 1) }) }

    func load(_ path: String) throws -> (document: EditableDocument, version: String) {
        guard let (document, version) = files.withLock({ $0[path] }) else { throw WorkflowError("找不到 \(path)") }
        return (document, "v\(version)")
    }

    func save(_ document: EditableDocument, to path: String, expectedVersion: String) throws -> String {
        files.withLock { files in
            let version = (files[path]?.1 ?? 0) + 1
            files[path] = (document, version)
            return "v\(version)"
        }
    }
}

@Suite struct WorkflowActionTests {
    typealias F = WorkflowFixtures
    let path = "content/disclosures/dangfei.md"

    func handler(_ document: EditableDocument) -> (WorkflowActionHandler, MemoryDocuments) {
        let source = FileManager.default.temporaryDirectory.appendingPathComponent("action-\(UUID().uuidString)")
        let history = ChangeRecorder(sourceDirectory: source, stateDirectory: source.appendingPathComponent(".gongshi-studio"))
        let documents = MemoryDocuments([path: document])
        return (WorkflowActionHandler(rules: WorkflowRules(authorizer: F.authorizer), documents: documents, history: history), documents)
    }

    @Test func aWholeProcedureIsRecordedStepByStep() throws {
        let (handler, documents) = handler(F.disclosure(.draft))
        #expect(try handler.perform(.submit, path: path, version: "v1", reason: nil, account: F.drafter, today: F.today).state == .pendingReview)
        #expect(try handler.perform(.review, path: path, version: "v2", reason: nil, account: F.reviewer, today: F.today).state == .pendingApproval)
        #expect(try handler.perform(.reject, path: path, version: "v3", reason: "附件缺页", account: F.approver, today: F.today).state == .draft)
        #expect(try documents.load(path).document.fields.text("workflow") == "草稿")
        let events = handler.history.events(for: path)
        #expect(events.map(\.action) == ["退回", "审核通过", "提交审核"])
        #expect(events.first?.reason == "附件缺页" && events.first?.before == "v3" && events.first?.after == "v4")
    }

    @Test func aForgedPostByTheProposerIsRefusedAndWritesNothing() throws {
        let (handler, documents) = handler(F.disclosure(.pendingReview, proposer: "孙八"))
        #expect(throws: WorkflowError.self) {
            try handler.perform(.review, path: path, version: "v1", reason: nil, account: F.allRoles, today: F.today)
        }
        #expect(try documents.load(path).version == "v1")
        #expect(handler.history.events(for: path).isEmpty)
    }

    @Test func aStaleVersionIsAConflict() throws {
        let (handler, _) = handler(F.disclosure(.pendingReview))
        #expect(throws: WorkflowError("这份内容在你打开之后已被别人修改或处理过，请刷新页面，看过最新内容后再操作。")) {
            try handler.perform(.review, path: path, version: "v0", reason: nil, account: F.reviewer, today: F.today)
        }
    }
}
