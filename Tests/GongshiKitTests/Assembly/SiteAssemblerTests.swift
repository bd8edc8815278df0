import Foundation
import Testing

@testable import GongshiKit

@Suite("SiteAssembler")
struct SiteAssemblerTests {
    // Sample.branch: id on line 2, parent on line 6.
    // Sample.promise: id 2, branch 3, year 4, published 7, items 8; first item text 9, service 10, due 11, status 12,
    // then done and note in that order when given.
    static let branchA = ("content/branches/a.md", Sample.branch("a"))

    /// A disclosure with both signoffs; line numbers are index + 2.
    static func disclosureYAML(
        id: String = "d1", branch: String = "a", published: String = "2026-03-10", reviewed: String = "2026-03-01",
        approved: String = "2026-03-02", until: String? = nil
    ) -> [String] {
        [
            "id: \(id)",  // 2
            "branch: \(branch)",  // 3
            "title: 公开事项",  // 4
            "category: 组织生活",  // 5
            "scope: 社会公开",  // 6
            "published: \(published)",  // 7
            "reviewed: {by: 组织委员 王某, date: \(reviewed)}",  // 8
            "approved:",  // 9
            "  by: 书记 李某",  // 10
            "  date: \(approved)",  // 11
        ] + (until.map { ["until: \($0)"] } ?? [])  // 12
    }

    /// A valid example; line numbers are index + 2.
    static func example(id: String = "e1", branch: String = "a") -> String {
        TestContent.document(["id: \(id)", "title: 典型事例", "branch: \(branch)", "date: 2026-05-01"], body: "第一段。")
    }

    static func errors(_ diagnostics: [Diagnostic]) -> [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// `TestContent.assemble` on a site whose 久未更新 and 结果待公开 thresholds are out of reach: these tests count
    /// every diagnostic, and the reminders that only follow from the as-of date have their own suites
    /// (`PromiseProgressTests`, the `disclosure-outcome` fixture).
    static func assemble(_ files: [(path: String, text: String)]) -> (model: SiteModel, diagnostics: [Diagnostic]) {
        TestContent.assemble(files, config: quiet)
    }

    static let quiet: SiteConfig = {
        let (config, diagnostics) = ContentLoader.loadSiteConfig(Sample.site + "\nstale_days: 100000\noutcome_due_days: 100000\n")
        precondition(diagnostics.isEmpty, "\(diagnostics)")
        return config!
    }()

    @Test("valid content assembles without diagnostics")
    func validContent() {
        let (model, diagnostics) = Self.assemble([
            Self.branchA,
            ("content/branches/b.md", Sample.branch("b", parent: "a")),
            ("content/promises/p1.md", Sample.promise("p1", items: [("已兑现", "2026-06-30", "2026-06-01", nil)])),
            ("content/disclosures/d1.md", TestContent.document(Self.disclosureYAML())),
            ("content/examples/e1.md", Self.example()),
        ])
        #expect(diagnostics.isEmpty)
        #expect(model.branches.map(\.id) == ["a", "b"])
        #expect(model.tree.roots == ["a"])
        #expect(model.tree.children["a"] == ["b"])
        #expect(model.promises.map(\.id) == ["p1"])
        #expect(model.disclosures.map(\.id) == ["d1"])
        #expect(model.examples.map(\.id) == ["e1"])
        #expect(model.withheld.isEmpty)
    }

    // MARK: - Duplicate and reserved ids

    @Test("a duplicate promise id is an error at the second file naming both files")
    func duplicatePromiseID() throws {
        let (_, diagnostics) = Self.assemble([
            Self.branchA,
            ("content/promises/first.md", Sample.promise("p1", items: [("进行中", "2026-12-31", nil, nil)])),
            ("content/promises/second.md", Sample.promise("p1", items: [("进行中", "2026-12-31", nil, nil)])),
        ])
        #expect(diagnostics.count == 1)
        let d = try #require(
            expectDiagnostic(
                diagnostics, .error, "content/promises/second.md", line: 2,
                contains: ["承诺书", "「p1」", "重复", "content/promises/first.md:2", "content/promises/second.md"]))
        #expect(d.message == "承诺书 id「p1」重复：content/promises/first.md:2 已使用该 id，与 content/promises/second.md 冲突")
    }

    @Test("duplicate ids of disclosures, examples and pages are errors naming both files")
    func duplicateOtherIDs() {
        let (_, diagnostics) = Self.assemble([
            Self.branchA,
            ("content/disclosures/x.md", TestContent.document(Self.disclosureYAML(id: "same"))),
            ("content/disclosures/y.md", TestContent.document(Self.disclosureYAML(id: "same"))),
            ("content/examples/x.md", Self.example(id: "same")),
            ("content/examples/y.md", Self.example(id: "same")),
            ("content/pages/x.md", TestContent.document(["title: 关于", "id: same"])),
            ("content/pages/y.md", TestContent.document(["title: 关于", "id: same"])),
        ])
        #expect(Self.errors(diagnostics).count == 3)
        expectDiagnostic(
            diagnostics, .error, "content/disclosures/y.md", line: 2,
            contains: ["党务公开事项 id「same」重复", "content/disclosures/x.md:2", "content/disclosures/y.md"])
        expectDiagnostic(
            diagnostics, .error, "content/examples/y.md", line: 2,
            contains: ["典型事例 id「same」重复", "content/examples/x.md:2", "content/examples/y.md"])
        expectDiagnostic(
            diagnostics, .error, "content/pages/y.md", line: 3, contains: ["页面 id「same」重复", "content/pages/x.md:3", "content/pages/y.md"])
    }

    @Test("the same id in two different kinds is not a duplicate")
    func sameIDAcrossKinds() {
        let (_, diagnostics) = Self.assemble([
            Self.branchA,
            ("content/promises/a.md", Sample.promise("a", items: [("进行中", "2026-12-31", nil, nil)])),
            ("content/examples/a.md", Self.example(id: "a")),
        ])
        #expect(diagnostics.isEmpty)
    }

    @Test(
        "a duplicate branch id is an error naming both files")
    func duplicateBranchID() {
        let (_, diagnostics) = Self.assemble([
            ("content/branches/a.md", Sample.branch("a")),
            ("content/branches/a-copy.md", Sample.branch("a")),
        ])
        expectDiagnostic(
            diagnostics, .error, "content/branches/a-copy.md", line: 2,
            contains: ["组织 id「a」重复", "content/branches/a.md:2", "content/branches/a-copy.md"])
    }

    @Test("reserved ids: by-branch for promises, category for disclosures")
    func reservedIDs() {
        let (_, diagnostics) = Self.assemble([
            Self.branchA,
            ("content/promises/x.md", Sample.promise("by-branch", items: [("进行中", "2026-12-31", nil, nil)])),
            ("content/disclosures/x.md", TestContent.document(Self.disclosureYAML(id: "category"))),
        ])
        #expect(diagnostics.count == 2)
        expectDiagnostic(diagnostics, .error, "content/promises/x.md", line: 2, contains: ["id「by-branch」", "保留路径", "换一个 id"])
        expectDiagnostic(diagnostics, .error, "content/disclosures/x.md", line: 2, contains: ["id「category」", "保留路径"])
    }

    @Test("reserved ids are only reserved for their own kind")
    func reservedIDsOtherKinds() {
        let (_, diagnostics) = Self.assemble([
            Self.branchA,
            ("content/examples/x.md", Self.example(id: "by-branch")),
            ("content/pages/x.md", TestContent.document(["id: category", "title: 分类"])),
        ])
        #expect(diagnostics.isEmpty)
    }

    // MARK: - References

    @Test("a promise referring to a missing branch suggests the nearest id")
    func missingBranchOfPromise() throws {
        let (_, diagnostics) = Self.assemble([
            ("content/branches/jinqiao-shequ.md", Sample.branch("jinqiao-shequ")),
            ("content/branches/shuikou-cun.md", Sample.branch("shuikou-cun")),
            ("content/promises/p.md", Sample.promise("p", branch: "jinqiao-shequu", items: [("进行中", "2026-12-31", nil, nil)])),
        ])
        #expect(diagnostics.count == 1)
        let d = try #require(
            expectDiagnostic(
                diagnostics, .error, "content/promises/p.md", line: 3,
                contains: ["字段 branch", "「jinqiao-shequu」不存在", "content/branches/", "是否应为 jinqiao-shequ？"]))
        #expect(
            d.message == "字段 branch 引用的组织「jinqiao-shequu」不存在：content/branches/ 中没有 id 为 jinqiao-shequu 的组织；是否应为 jinqiao-shequ？")
    }

    @Test("disclosures, examples and parents are checked too; no suggestion when nothing is close")
    func missingBranchOtherKinds() {
        let (_, diagnostics) = Self.assemble([
            ("content/branches/shuikou-cun.md", Sample.branch("shuikou-cun")),
            ("content/branches/child.md", Sample.branch("child", parent: "shuikou-cum")),
            ("content/disclosures/d.md", TestContent.document(Self.disclosureYAML(branch: "jinqiao-shequ"))),
            ("content/examples/e.md", Self.example(branch: "shuikoucun")),
        ])
        #expect(diagnostics.count == 3)
        expectDiagnostic(
            diagnostics, .error, "content/branches/child.md", line: 6, contains: ["字段 parent", "「shuikou-cum」不存在", "是否应为 shuikou-cun？"])
        let far = expectDiagnostic(diagnostics, .error, "content/disclosures/d.md", line: 3, contains: ["字段 branch", "「jinqiao-shequ」不存在"])
        #expect(far?.message.contains("是否应为") == false)
        expectDiagnostic(
            diagnostics, .error, "content/examples/e.md", line: 4, contains: ["字段 branch", "「shuikoucun」不存在", "是否应为 shuikou-cun？"])
    }

    // MARK: - The organisation tree

    @Test("a two-branch parent loop is reported on both branches, naming the cycle")
    func parentLoop() {
        let (model, diagnostics) = Self.assemble([
            ("content/branches/a.md", Sample.branch("a", parent: "b")),
            ("content/branches/b.md", Sample.branch("b", parent: "a")),
            ("content/branches/c.md", Sample.branch("c", parent: "a")),
        ])
        #expect(diagnostics.count == 2)
        expectDiagnostic(diagnostics, .error, "content/branches/a.md", line: 6, contains: ["上级组织形成循环：a → b → a", "一棵树"])
        expectDiagnostic(diagnostics, .error, "content/branches/b.md", line: 6, contains: ["上级组织形成循环：b → a → b"])
        // c hangs below the loop but is not on it.
        #expect(!diagnostics.contains { $0.path == "content/branches/c.md" })
        #expect(model.tree.roots.isEmpty)
    }

    @Test("a three-branch loop names all three")
    func longerParentLoop() {
        let (_, diagnostics) = Self.assemble([
            ("content/branches/a.md", Sample.branch("a", parent: "b")),
            ("content/branches/b.md", Sample.branch("b", parent: "c")),
            ("content/branches/c.md", Sample.branch("c", parent: "a")),
        ])
        #expect(diagnostics.count == 3)
        expectDiagnostic(diagnostics, .error, "content/branches/a.md", line: 6, contains: ["a → b → c → a"])
        expectDiagnostic(diagnostics, .error, "content/branches/b.md", line: 6, contains: ["b → c → a → b"])
        expectDiagnostic(diagnostics, .error, "content/branches/c.md", line: 6, contains: ["c → a → b → c"])
    }

    @Test("a branch that is its own parent gets exactly one error")
    func selfParent() throws {
        let (_, diagnostics) = Self.assemble([("content/branches/a.md", Sample.branch("a", parent: "a"))])
        #expect(diagnostics.count == 1)
        let d = try #require(expectDiagnostic(diagnostics, .error, "content/branches/a.md", line: 6, contains: ["parent", "不能是自己", "（a）"]))
        #expect(d.description == "content/branches/a.md:6: error: 上级组织 parent 不能是自己（a）")
    }

    // MARK: - Promise items

    @Test("done is not allowed unless the status is 已兑现", arguments: ["进行中", "延期", "未兑现"])
    func donePresentWhenNotFulfilled(_ status: String) {
        let (_, diagnostics) = Self.assemble([
            Self.branchA,
            ("content/promises/p.md", Sample.promise("p", items: [(status, "2026-06-30", "2026-06-01", "原因说明")])),
        ])
        #expect(diagnostics.count == 1)
        expectDiagnostic(
            diagnostics, .error, "content/promises/p.md", line: 13, contains: ["第 1 项承诺", "状态为\(status)", "不能填写兑现日期 done"])
    }

    @Test("已兑现 requires done, reported at the status line of the right item")
    func doneMissingWhenFulfilled() {
        let (_, diagnostics) = Self.assemble([
            Self.branchA,
            (
                "content/promises/p.md",
                Sample.promise(
                    "p",
                    items: [
                        ("已兑现", "2026-06-30", "2026-06-01", nil),  // lines 9–13
                        ("已兑现", "2026-09-30", nil, nil),  // text 14, service 15, due 16, status 17
                    ])
            ),
        ])
        #expect(diagnostics.count == 1)
        expectDiagnostic(diagnostics, .error, "content/promises/p.md", line: 17, contains: ["第 2 项承诺", "状态为已兑现", "必须填写兑现日期 done"])
    }

    @Test("未兑现 and 延期 require a note explaining why", arguments: ["未兑现", "延期"])
    func noteMissing(_ status: String) {
        let (_, diagnostics) = Self.assemble([
            Self.branchA,
            ("content/promises/p.md", Sample.promise("p", items: [(status, "2026-06-30", nil, nil)])),
        ])
        #expect(diagnostics.count == 1)
        expectDiagnostic(diagnostics, .error, "content/promises/p.md", line: 12, contains: ["第 1 项承诺", "状态为\(status)", "note", "说明原因"])
    }

    @Test("an empty quoted note does not count as an explanation")
    func noteEmpty() {
        let (_, diagnostics) = Self.assemble([
            Self.branchA,
            ("content/promises/p.md", Sample.promise("p", items: [("延期", "2026-06-30", nil, "\"\"")])),
        ])
        expectDiagnostic(diagnostics, .error, "content/promises/p.md", line: 12, contains: ["状态为延期", "必须在 note 中说明原因"])
    }

    @Test("a note is enough for 未兑现 and 延期", arguments: ["未兑现", "延期"])
    func notePresent(_ status: String) {
        let (_, diagnostics) = Self.assemble([
            Self.branchA,
            ("content/promises/p.md", Sample.promise("p", items: [(status, "2026-06-30", nil, "资金未到位")])),
        ])
        #expect(diagnostics.isEmpty)
    }

    @Test("done before the letter was published is a warning")
    func doneBeforePublished() {
        let (_, diagnostics) = Self.assemble([
            Self.branchA,
            ("content/promises/p.md", Sample.promise("p", items: [("已兑现", "2026-06-30", "2026-01-15", nil)])),
        ])
        #expect(diagnostics.count == 1)
        expectDiagnostic(diagnostics, .warning, "content/promises/p.md", line: 13, contains: ["第 1 项承诺", "2026-01-15", "早于承诺公示日期 2026-02-01"])
    }

    @Test("a review dated before the letter was published is an error at review.date")
    func reviewBeforePublished() {
        var text = Sample.promise("p", items: [("进行中", "2026-12-31", nil, nil)])
        // The item ends on line 12; review on 13, its date on 14.
        text = text.replacingOccurrences(of: "---\n承诺书正文", with: "review:\n  date: 2026-01-20\n  votes: {满意: 20}\n---\n承诺书正文")
        let (_, diagnostics) = Self.assemble([Self.branchA, ("content/promises/p.md", text)])
        #expect(diagnostics.count == 1)
        expectDiagnostic(diagnostics, .error, "content/promises/p.md", line: 14, contains: ["述职评议日期 2026-01-20", "早于承诺公示日期 2026-02-01"])
    }

    // MARK: - Disclosure procedure

    @Test("approval before review is an error at approved.date")
    func approvalBeforeReview() {
        let (_, diagnostics) = Self.assemble([
            Self.branchA,
            ("content/disclosures/d.md", TestContent.document(Self.disclosureYAML(reviewed: "2026-03-05", approved: "2026-03-04"))),
        ])
        #expect(diagnostics.count == 1)
        expectDiagnostic(
            diagnostics, .error, "content/disclosures/d.md", line: 11,
            contains: ["审批日期 approved.date（2026-03-04）", "早于审核日期 reviewed.date（2026-03-05）", "先审核、后审批"])
    }

    @Test("publishing before approval is an error at published")
    func publishedBeforeApproval() {
        let (_, diagnostics) = Self.assemble([
            Self.branchA,
            ("content/disclosures/d.md", TestContent.document(Self.disclosureYAML(published: "2026-03-01", reviewed: "2026-02-27"))),
        ])
        #expect(diagnostics.count == 1)
        expectDiagnostic(
            diagnostics, .error, "content/disclosures/d.md", line: 7, contains: ["发布日期 published（2026-03-01）", "早于审批日期 approved.date（2026-03-02）"])
    }

    @Test("the same day for review, approval and publication is fine")
    func sameDayProcedure() {
        let (model, diagnostics) = Self.assemble([
            Self.branchA,
            (
                "content/disclosures/d.md",
                TestContent.document(
                    Self.disclosureYAML(published: "2026-03-02", reviewed: "2026-03-02", approved: "2026-03-02", until: "2026-03-02"))
            ),
        ])
        #expect(diagnostics.isEmpty)
        #expect(model.disclosures.count == 1)
    }

    @Test("a notice period ending before publication is an error at until")
    func untilBeforePublished() {
        let (_, diagnostics) = Self.assemble([
            Self.branchA,
            ("content/disclosures/d.md", TestContent.document(Self.disclosureYAML(until: "2026-03-09"))),
        ])
        #expect(diagnostics.count == 1)
        expectDiagnostic(
            diagnostics, .error, "content/disclosures/d.md", line: 12, contains: ["公示截止日期 until（2026-03-09）", "早于发布日期 published（2026-03-10）"])
    }

    @Test("every assembly error of every file is reported in one run")
    func allAssemblyErrorsAtOnce() {
        let (_, diagnostics) = Self.assemble([
            ("content/branches/a.md", Sample.branch("a", parent: "a")),
            (
                "content/promises/p.md",
                Sample.promise(
                    "p", branch: "zz",
                    items: [
                        ("已兑现", "2026-06-30", nil, nil), ("延期", "2026-07-30", nil, nil),
                    ])
            ),
            ("content/disclosures/d.md", TestContent.document(Self.disclosureYAML(reviewed: "2026-03-05", approved: "2026-03-04", until: "2026-03-01"))),
        ])
        #expect(Self.errors(diagnostics).count == 6)
        expectDiagnostic(diagnostics, .error, "content/branches/a.md", line: 6, contains: ["不能是自己"])
        expectDiagnostic(diagnostics, .error, "content/promises/p.md", line: 3, contains: ["「zz」不存在"])
        expectDiagnostic(diagnostics, .error, "content/promises/p.md", line: 12, contains: ["第 1 项承诺", "done"])
        expectDiagnostic(diagnostics, .error, "content/promises/p.md", line: 16, contains: ["第 2 项承诺", "note"])
        expectDiagnostic(diagnostics, .error, "content/disclosures/d.md", line: 11, contains: ["审批日期"])
        expectDiagnostic(diagnostics, .error, "content/disclosures/d.md", line: 12, contains: ["公示截止日期"])
    }
}
