import GongshiKit
import Testing

@testable import GongshiStudio

@Suite struct WorkflowSaveTests {
    typealias F = WorkflowFixtures

    @Test func aNewDisclosureStartsAsADraftProposedByTheAccount() throws {
        var new = F.disclosure(.draft)
        new.fields["workflow"] = nil
        new.fields["proposed"] = nil
        try WorkflowRules.prepareSave(old: nil, new: &new, account: F.drafter, today: F.today)
        #expect(WorkflowState(of: new) == .draft)
        #expect(new.fields["proposed"] == F.signoff("张三", "2026-12-01"))
        var letter = EditableDocument(kind: .promises, fields: FrontMap([.init(key: "branch", value: .text("jq-1"))]), body: "")
        try WorkflowRules.prepareSave(old: nil, new: &letter, account: F.drafter, today: F.today)
        #expect(WorkflowState(of: letter) == .draft)
        #expect(letter.fields["proposed"] == nil)
    }

    @Test(arguments: WorkflowKey.all)
    func theFormMayNotTouchTheProcedureRecord(key: String) {
        let old = F.disclosure(.pendingReview)
        var new = old
        new.fields[key] = F.signoff("孙八")
        #expect(throws: WorkflowError.self) { try WorkflowRules.prepareSave(old: old, new: &new, account: F.drafter, today: F.today) }
        var fresh = EditableDocument(kind: .disclosures, fields: FrontMap([.init(key: key, value: .text("已审批"))]), body: "")
        #expect(throws: WorkflowError.self) { try WorkflowRules.prepareSave(old: nil, new: &fresh, account: F.drafter, today: F.today) }
    }

    @Test(arguments: [WorkflowState.pendingApproval, .approved])
    func editingASignedOffDisclosureSendsItBackToReview(state: WorkflowState) throws {
        let old = F.disclosure(state)
        var new = old
        new.body = "改过的正文"
        let notice = try WorkflowRules.prepareSave(old: old, new: &new, account: F.drafter, today: F.today)
        #expect(notice != nil)
        #expect(WorkflowState(of: new) == .pendingReview)
        #expect(new.fields["reviewed"] == nil && new.fields["approved"] == nil)
        #expect(new.fields["proposed"] == old.fields["proposed"])
    }

    @Test func editingAReviewedLetterSendsItBackToReview() throws {
        let old = F.letter(.reviewed)
        var new = old
        new.fields["branch"] = .text("jq-1")
        new.body = "新承诺"
        #expect(try WorkflowRules.prepareSave(old: old, new: &new, account: F.drafter, today: F.today) != nil)
        #expect(WorkflowState(of: new) == .pendingReview)
    }

    @Test(arguments: [WorkflowState.draft, .pendingReview])
    func editingAnUnsignedItemKeepsItsState(state: WorkflowState) throws {
        let old = F.disclosure(state)
        var new = old
        new.body = "改过的正文"
        #expect(try WorkflowRules.prepareSave(old: old, new: &new, account: F.drafter, today: F.today) == nil)
        #expect(WorkflowState(of: new) == state)
        var unchanged = F.disclosure(.approved)
        #expect(try WorkflowRules.prepareSave(old: F.disclosure(.approved), new: &unchanged, account: F.drafter, today: F.today) == nil)
        #expect(WorkflowState(of: unchanged) == .approved)
    }
}
