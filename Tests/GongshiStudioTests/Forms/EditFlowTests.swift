import Foundation
import GongshiKit
import Testing

@testable import GongshiStudio

/// Forms over HTTP on a copy of the sample site: a save is checked like `check` and writes nothing while it has
/// errors (each message beside its field); another branch, a forged branch, a stale version, a forged signoff
/// are all refused with the file unchanged; a new disclosure starts as 草稿 proposed by its author; 记一笔践诺
/// appends one record.
@Suite(.serialized) struct EditFlowTests {
    let source: URL
    let studio: Studio
    let letter = "content/promises/liufang-2026.md"
    let disclosure = "content/disclosures/dangfei-jinqiao-2026-q3.md"

    init() throws {
        source = try SampleCopy.make()
        studio = try TestStudio.onSample(source)
    }

    func file(_ path: String) throws -> String { try String(contentsOf: source.appendingPathComponent(path), encoding: .utf8) }

    func client(_ login: String) async throws -> StudioClient {
        let client = try StudioClient(studio: studio)
        try await client.logIn(login, password: TestStudio.password)
        return client
    }

    /// The page's form as a browser would send it, with `changes` applied (a name mapped to nil is left out).
    func submit(_ client: StudioClient, _ path: String, page: String, changes: [String: String?] = [:], extra: [(String, String)] = []) async throws
        -> StudioClient.Reply
    {
        var fields = FormScraper.fields(in: page, action: path).compactMap { field -> (String, String)? in
            guard let change = changes[field.0] else { return field }
            return change.map { (field.0, $0) }
        }
        fields += extra
        return try await client.post(path, fields: fields)
    }

    @Test func aSaveWithAnErrorWritesNothingAndShowsTheMessageAtItsField() async throws {
        defer { try? FileManager.default.removeItem(at: source) }
        let secretary = try await client("jinqiao-shuji")
        let page = try await secretary.get("/edit/\(letter)")
        #expect(page.status == .ok)
        #expect(page.body.contains("承诺内容") && page.body.contains("践诺记录") && page.body.contains("type=\"date\""))
        let before = try file(letter)
        let bad = try await submit(secretary, "/edit/\(letter)", page: page.body, changes: ["items.0.due": "2026/3/5"])
        #expect(bad.status == .unprocessableContent)
        #expect(try file(letter) == before)
        // The message sits in the due field's own block, and the summary links to it.
        let field = try #require(bad.body.range(of: "<label for=\"f-items-0-due\">"))
        let block = bad.body[field.lowerBound...].prefix(800)
        #expect(block.contains("class=\"errors\""))
        #expect(bad.body.contains("href=\"#f-items-0-due\""))
        // The form is shown again with what was typed.
        #expect(bad.body.contains("value=\"2026/3/5\""))

        let fixed = try await submit(secretary, "/edit/\(letter)", page: page.body, changes: ["items.0.due": "2026-12-30"])
        #expect(fixed.status == .seeOther)
        #expect(try file(letter).contains("due: 2026-12-30"))
        let events = studio.history.events(for: letter)
        #expect(events.first?.action == AuditEvent.saved && events.first?.name == "李红梅")
    }

    @Test func anUnchangedSaveLeavesTheFileByteForByte() async throws {
        defer { try? FileManager.default.removeItem(at: source) }
        let secretary = try await client("jinqiao-shuji")
        let before = try file(letter)
        let page = try await secretary.get("/edit/\(letter)")
        let saved = try await submit(secretary, "/edit/\(letter)", page: page.body)
        #expect(saved.status == .seeOther)
        #expect(try file(letter) == before)
    }

    @Test func anotherBranchAndAForgedBranchAreRefused() async throws {
        defer { try? FileManager.default.removeItem(at: source) }
        let other = try await client("shuikou-shuji")
        #expect(try await other.get("/edit/\(letter)").status == .forbidden)
        let before = try file(letter)
        let forged = try await other.post("/edit/\(letter)", form: ["items.0.due": "2026-12-30", "__version": "x"])
        #expect(forged.status == .forbidden)
        #expect(try file(letter) == before)

        // The letter's own secretary cannot move it into 水口村 through the branch field.
        let secretary = try await client("jinqiao-shuji")
        let page = try await secretary.get("/edit/\(letter)")
        let moved = try await submit(secretary, "/edit/\(letter)", page: page.body, changes: ["branch": "shuikou-cun"])
        #expect(moved.status == .forbidden)
        #expect(try file(letter) == before)
    }

    @Test func aBranchMovedUnderAnotherParentNeedsThatParentsRights() async throws {
        defer { try? FileManager.default.removeItem(at: source) }
        let secretary = try await client("jinqiao-shuji")
        let menu = try await secretary.get("/new").body
        #expect(menu.contains("/edit/content/branches/jinqiao-wangge-1.md") && !menu.contains("/edit/content/branches/shuikou-cun.md"))
        let path = "content/branches/jinqiao-wangge-1.md"
        let before = try file(path)
        let page = try await secretary.get("/edit/\(path)")
        #expect(page.status == .ok)
        let moved = try await submit(secretary, "/edit/\(path)", page: page.body, changes: ["parent": "shuikou-cun"])
        #expect(moved.status == .forbidden)
        #expect(try file(path) == before)
        let kept = try await submit(secretary, "/edit/\(path)", page: page.body, changes: ["venue": "金桥社区第一网格党员活动室"])
        #expect(kept.status == .seeOther)
        #expect(try file(path).contains("venue: 金桥社区第一网格党员活动室"))
    }

    @Test func aStaleFormIsRefusedAndShowsBothVersions() async throws {
        defer { try? FileManager.default.removeItem(at: source) }
        let first = try await client("jinqiao-shuji")
        let second = try await client("jinqiao-shuji")
        let firstPage = try await first.get("/edit/\(letter)")
        let secondPage = try await second.get("/edit/\(letter)")
        #expect(try await submit(first, "/edit/\(letter)", page: firstPage.body, changes: ["post": "社区书记接待岗"]).status == .seeOther)
        let afterFirst = try file(letter)
        let stale = try await submit(second, "/edit/\(letter)", page: secondPage.body, changes: ["post": "另一个岗位"])
        #expect(stale.status == .conflict)
        #expect(try file(letter) == afterFirst)
        #expect(stale.body.contains("你的修改（未保存）") && stale.body.contains("另一个岗位") && stale.body.contains("社区书记接待岗"))
    }

    @Test func theFormCannotWriteTheWorkflowsRecords() async throws {
        defer { try? FileManager.default.removeItem(at: source) }
        let secretary = try await client("jinqiao-shuji")
        let path = "content/promises/tijiao-zaizhi-2027.md"
        let page = try await secretary.get("/edit/\(path)")
        #expect(page.status == .ok)
        let forged = try await submit(
            secretary, "/edit/\(path)", page: page.body, extra: [("reviewed.by", "李红梅"), ("reviewed.date", "2026-12-01"), ("workflow", "")])
        #expect(forged.status == .forbidden)
        let text = try file(path)
        #expect(!text.contains("reviewed:"))
        #expect(text.contains("workflow: 待审核"))
        let clearing = try await submit(secretary, "/edit/\(path)", page: page.body, extra: [("workflow", "")])
        #expect(clearing.status == .forbidden)
        #expect(try file(path) == text)
    }

    @Test func aNewDisclosureStartsAsADraftProposedByItsAuthor() async throws {
        defer { try? FileManager.default.removeItem(at: source) }
        let secretary = try await client("jinqiao-shuji")
        let page = try await secretary.get("/new/disclosures")
        #expect(page.status == .ok)
        let created = try await submit(
            secretary, "/new/disclosures", page: page.body,
            changes: [
                "id": "zhuti-dangri-2026-12", "branch": "jinqiao-shequ", "title": "十二月主题党日活动安排", "category": "组织生活",
                "scope": "社会公开", "__body": "12月10日上午在党群服务站开展主题党日活动。",
            ])
        #expect(created.status == .seeOther)
        let text = try file("content/disclosures/zhuti-dangri-2026-12.md")
        #expect(text.contains("workflow: 草稿"))
        #expect(text.contains("proposed: {by: 李红梅, date: 2026-12-01}"))
        #expect(text.contains("branch: jinqiao-shequ"))
        #expect(text.hasSuffix("12月10日上午在党群服务站开展主题党日活动。\n"))
        #expect(studio.history.creator(of: "content/disclosures/zhuti-dangri-2026-12.md") == "jinqiao-shuji")
        // The same 编号 again is an error on the 编号 field; the first file stays.
        let again = try await submit(
            secretary, "/new/disclosures", page: page.body,
            changes: ["id": "zhuti-dangri-2026-12", "branch": "jinqiao-shequ", "title": "重复", "category": "组织生活", "scope": "社会公开"])
        #expect(again.status == .unprocessableContent)
        #expect(try file("content/disclosures/zhuti-dangri-2026-12.md") == text)
        // Without a scope nothing is written: 公开范围 is required.
        let unscoped = try await submit(
            secretary, "/new/disclosures", page: page.body, changes: ["id": "meiyou-fanwei", "branch": "jinqiao-shequ", "title": "没有范围", "category": "组织生活"])
        #expect(unscoped.status == .unprocessableContent)
        let scopeField = try #require(unscoped.body.range(of: "<label for=\"f-scope\">"))
        #expect(unscoped.body[scopeField.lowerBound...].prefix(600).contains("缺少必填字段 scope"))
        #expect(!FileManager.default.fileExists(atPath: source.appendingPathComponent("content/disclosures/meiyou-fanwei.md").path))
    }

    @Test func addingARowShowsTheFormAgainWithoutSaving() async throws {
        defer { try? FileManager.default.removeItem(at: source) }
        let secretary = try await client("jinqiao-shuji")
        let before = try file(letter)
        let page = try await secretary.get("/edit/\(letter)")
        let rows = page.body.components(separatedBy: "class=\"row\"").count
        let added = try await submit(secretary, "/edit/\(letter)", page: page.body, extra: [("__add", "items")])
        #expect(added.status == .ok)
        #expect(added.body.components(separatedBy: "class=\"row\"").count == rows + 1)
        #expect(try file(letter) == before)
        // Filling the new row and saving writes a fifth item after the others.
        let items = try #require(ContentCodec.decode(Array(before.utf8), kind: .promises).fields["items"]?.listValue).count
        let saved = try await submit(
            secretary, "/edit/\(letter)", page: added.body,
            changes: [
                "items.\(items).text": "每月走访辖区困难党员一次", "items.\(items).service": "服务党员", "items.\(items).due": "2026-12-31",
                "items.\(items).status": "进行中",
            ])
        #expect(saved.status == .seeOther)
        let after = try ContentCodec.decode(Array(try file(letter).utf8), kind: .promises)
        #expect(after.fields["items"]?.listValue?.last?.mapValue?.text("text") == "每月走访辖区困难党员一次")
    }

    @Test func oneProgressRecordIsAppendedToItsItem() async throws {
        defer { try? FileManager.default.removeItem(at: source) }
        let secretary = try await client("jinqiao-shuji")
        let page = try await secretary.get("/progress/\(letter)?item=1")
        #expect(page.status == .ok)
        #expect(page.body.contains("践诺日期") && page.body.contains("做了什么"))
        let before = try ContentCodec.decode(Array(try file(letter).utf8), kind: .promises)
        let empty = try await submit(secretary, "/progress/\(letter)", page: page.body, changes: ["text": ""])
        #expect(empty.status == .unprocessableContent)
        let saved = try await submit(secretary, "/progress/\(letter)", page: page.body, changes: ["text": "交警部门批复停车位方案，施划完成52个。"])
        #expect(saved.status == .seeOther)
        let after = try ContentCodec.decode(Array(try file(letter).utf8), kind: .promises)
        let progress = try #require(after.fields["items"]?.listValue?[1].mapValue?["progress"]?.listValue)
        let oldCount = before.fields["items"]?.listValue?[1].mapValue?["progress"]?.listValue?.count ?? 0
        #expect(progress.count == oldCount + 1)
        #expect(progress.last?.mapValue?.text("text") == "交警部门批复停车位方案，施划完成52个。")
        #expect(progress.last?.mapValue?.text("date") == "2026-12-01")
        #expect(studio.history.events(for: letter).first?.action == "记践诺")
        let other = try await client("shuikou-shuji")
        #expect(try await other.get("/progress/\(letter)?item=1").status == .forbidden)
    }
}
