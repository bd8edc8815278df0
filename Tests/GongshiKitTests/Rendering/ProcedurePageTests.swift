import Foundation
import Testing

@testable import GongshiKit

/// A disclosure's page shows its whole procedure record and its linked items; lists show the 结果公开 state; pages
/// that show another record are keyed by that record's version.
@Suite("The procedure record on disclosure pages")
struct ProcedurePageTests {
    /// A 发展对象 notice with every step recorded (approved by the street above the branch), and its 实施结果公开.
    static let notice = """
        ---
        id: n
        branch: b
        title: 发展对象公示
        category: 组织建设
        topic: 发展党员
        scope: 社会公开
        published: 2026-10-26
        proposed: {by: 组织委员 赵强, date: 2026-10-20}
        reviewed: {by: 街道组织委员 张敏, date: 2026-10-22}
        approved: {by: 街道书记 王建国, date: 2026-10-23, org: a}
        until: 2026-11-01
        outcome: {date: 2026-11-05, text: 公示期内未收到反映。, received: 2}
        ---
        现予公示。
        """

    static let result = """
        ---
        id: r
        branch: b
        title: 发展对象接收情况
        category: 组织建设
        scope: 社会公开
        published: 2026-11-10
        reviewed: {by: 组织委员 王某, date: 2026-11-08}
        approved: {by: 书记 李某, date: 2026-11-09}
        follows: n
        ---
        已接收。
        """

    static func site(_ files: [String: String], settings: String = "") throws -> TestSite {
        var all = [
            "site.yaml": Sample.site + "\n" + settings, "content/branches/a.md": Sample.branch("a"),
            "content/branches/b.md": Sample.branch("b", parent: "a"),
        ]
        for (path, text) in files { all[path] = text }
        let site = try TestSite(all)
        let outcome = try site.build()
        #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
        return site
    }

    /// The step named `name` of a procedure record.
    static func step(_ page: String, _ name: String) -> String {
        guard let start = page.range(of: "<h3 class=\"step-name\">\(name)</h3>") else { return "" }
        let rest = page[start.upperBound...]
        return String(rest[..<(rest.range(of: "</li>")?.lowerBound ?? rest.endIndex)])
    }

    @Test func everyStepIsShownInOrderWithTheApprovingOrganisationLinked() throws {
        let page = try Self.site(["content/disclosures/n.md": Self.notice, "content/disclosures/r.md": Self.result]).page("disclosures/n/index.html")
        let names = page.components(separatedBy: "<h3 class=\"step-name\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(names == ["提出", "审核（含保密审查）", "审批", "发布", "公示期", "结果公开"])
        #expect(Self.step(page, "提出").contains("组织委员 赵强") && Self.step(page, "提出").contains("<time>2026-10-20</time>"))
        #expect(Self.step(page, "审批").contains("审批组织：<a href=\"../../branches/a/\">a党支部</a>"), "\(Self.step(page, "审批"))")
        #expect(Self.step(page, "公示期").contains("<time>2026-11-01</time> <span class=\"badge\">公示期已结束</span>"))
        let outcome = Self.step(page, "结果公开")
        #expect(outcome.contains("<time>2026-11-05</time>") && outcome.contains("公示期内未收到反映。") && outcome.contains("收到意见 2 条"))
        #expect(page.contains("<dt>事项类型</dt><dd>发展党员</dd>"))
        #expect(page.contains("后续事项：<a href=\"../../disclosures/r/\">发展对象接收情况</a>"))
        let follower = try Self.site(["content/disclosures/n.md": Self.notice, "content/disclosures/r.md": Self.result]).page("disclosures/r/index.html")
        #expect(follower.contains("本事项落实：<a href=\"../../disclosures/n/\">发展对象公示</a>"))
        #expect(Self.step(follower, "提出").contains("未记录"), "a step every item goes through, not written down")
        #expect(!follower.contains("审批组织"), "no 审批组织 when none is named")
    }

    /// The one-step review of letters and examples (the studio's 审核通过) is shown on their pages with the name.
    @Test func aReviewedLetterAndExampleShowTheirReviewer() throws {
        let letter = """
            ---
            id: l
            branch: b
            year: 2026
            promiser: 刘芳
            role: 书记
            published: 2026-02-10
            reviewed: {by: 王建国, date: 2026-02-09}
            items:
              - {text: 每周接待居民来访两次, service: 服务群众, due: 2026-12-31, status: 进行中}
            ---
            承诺。
            """
        let example = """
            ---
            id: e
            title: 入户走访
            branch: b
            date: 2026-08-30
            reviewed: {by: 王建国, date: 2026-09-01}
            ---
            走访。
            """
        let site = try Self.site(["content/promises/l.md": letter, "content/examples/e.md": example])
        #expect(try site.page("promises/l/index.html").contains("<dt>审核</dt><dd>王建国，<time>2026-02-09</time></dd>"))
        #expect(try site.page("examples/e/index.html").contains("<dt>审核</dt><dd>王建国，<time>2026-09-01</time></dd>"))
        let unreviewed = try Self.site(["content/promises/l.md": letter.replacingOccurrences(of: "reviewed: {by: 王建国, date: 2026-02-09}\n", with: "")])
        #expect(try !unreviewed.page("promises/l/index.html").contains("<dt>审核</dt>"))
    }

    @Test func theOutcomeStepSaysWhatIsStillToCome() throws {
        // During the notice period; after it, within outcome_due_days; and past them (结果待公开).
        let open = Self.notice.replacingOccurrences(of: "outcome: {date: 2026-11-05, text: 公示期内未收到反映。, received: 2}\n", with: "")
            .replacingOccurrences(of: "until: 2026-11-01", with: "until: 2026-11-25")
        let during = try Self.site(["content/disclosures/n.md": open]).page("disclosures/n/index.html")
        #expect(Self.step(during, "公示期").contains("<span class=\"badge badge-active\">公示中</span>"))
        #expect(Self.step(during, "结果公开").contains("公示期结束后公开") && !during.contains("结果待公开"))
        let ended = Self.notice.replacingOccurrences(of: "outcome: {date: 2026-11-05, text: 公示期内未收到反映。, received: 2}\n", with: "")
        let recent = try Self.site(["content/disclosures/n.md": ended], settings: "outcome_due_days: 30")
        #expect(Self.step(try recent.page("disclosures/n/index.html"), "结果公开").contains("公示期已结束，结果尚未公开"))
        #expect(!(try recent.page("disclosures/index.html")).contains("结果待公开"))
        let due = try Self.site(["content/disclosures/n.md": ended])
        let page = try due.page("disclosures/n/index.html")
        #expect(Self.step(page, "结果公开").contains("<span class=\"badge badge-pending\">结果待公开</span>"), "\(Self.step(page, "结果公开"))")
        #expect(Self.step(page, "结果公开").contains("公示期于 2026-11-01 结束，已超过 15 天"))
        for list in ["disclosures/index.html", "disclosures/category/zuzhi-jianshe/index.html", "branches/b/index.html", "index.html"] {
            #expect(try due.page(list).contains("<span class=\"badge badge-pending\">结果待公开</span>"), "\(list)")
        }
        #expect(try due.page("branches/b/print/index.html").contains("公示期已结束 · 结果待公开"), "the poster says it too")
        let done = try Self.site(["content/disclosures/n.md": Self.notice])
        #expect(try done.page("disclosures/index.html").contains("<span class=\"badge\">结果已公开</span>"))
        let none = try Self.site(["content/disclosures/d.md": Sample.disclosure("d", branch: "b")]).page("disclosures/d/index.html")
        #expect(!none.contains("结果公开") && !none.contains("公示期"), "no notice period, no outcome: neither step")
    }

    /// The model of a small site whose `follows` may name an item the published model does not hold (a withheld
    /// or retired one, which the build's rules refuse, so it is made here directly).
    static func model(follows target: String) throws -> (SiteModel, TemplateLibrary) {
        let site = try TestSite([
            "site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a"), "content/branches/b.md": Sample.branch("b", parent: "a"),
            "content/disclosures/r.md": Self.result.replacingOccurrences(of: "follows: n", with: "follows: \(target)"),
        ])
        let (model, templates, diagnostics) = SiteBuilder.check(site.options)
        // The rules refuse the link (`FollowsRules`); the renderer must still leave no trace of it.
        #expect(diagnostics.filter { $0.severity == .error }.allSatisfy { $0.message.contains("follows") }, "\(diagnostics)")
        return (try #require(model), try #require(templates))
    }

    @Test func aLinkToAnItemOutsideThePublishedModelLeavesNoTrace() throws {
        let (model, templates) = try Self.model(follows: "neibu-qzhidden")
        let pages = PageRenderer(templates: templates).renderAll(model, stats: StatisticsCalculator.calculate(model))
        let follower = try #require(pages.first { $0.path == "disclosures/r/index.html" })
        let text = String(decoding: follower.contents, as: UTF8.self)
        #expect(!text.contains("关联事项") && !text.contains("本事项落实"))
        for page in pages { #expect(!String(decoding: page.contents, as: UTF8.self).contains("qzhidden"), "\(page.path)") }
    }

    @Test func pagesAreKeyedByTheLinkedItemsAndTheApprovingOrganisation() throws {
        let site = try TestSite([
            "site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a"), "content/branches/b.md": Sample.branch("b", parent: "a"),
            "content/disclosures/n.md": Self.notice, "content/disclosures/r.md": Self.result,
        ])
        let (loaded, templates, _) = SiteBuilder.check(site.options)
        let model = try #require(loaded)
        let library = try #require(templates)
        // Retitling the follower re-renders the page it follows, which shows its title.
        let retitled = model.disclosures.map { d in
            d.id != "r"
                ? d
                : Disclosure(
                    id: d.id, branch: d.branch, title: "发展对象接收情况（更正）", category: d.category, scope: d.scope, published: d.published,
                    reviewed: d.reviewed, approved: d.approved, cadence: d.cadence, period: d.period, until: d.until, feedback: d.feedback,
                    proposed: d.proposed, topic: d.topic, outcome: d.outcome, follows: d.follows, source: d.source, bodyHTML: d.bodyHTML)
        }
        let afterRetitle = try PageKeyTests.rerendered(from: model, to: PageKeyTests.site(model, disclosures: retitled), templates: library)
        #expect(afterRetitle.contains("disclosures/n/index.html") && afterRetitle.contains("disclosures/r/index.html"), "\(afterRetitle.sorted())")
        // Renaming the approving organisation re-renders the page that names it, though the item is another's.
        let renamed = model.branches.map { $0.id == "a" ? PageKeyTests.renamed($0, to: "街道党工委（新）") : $0 }
        let afterRename = try PageKeyTests.rerendered(from: model, to: PageKeyTests.site(model, branches: renamed), templates: library)
        #expect(afterRename.contains("disclosures/n/index.html"), "\(afterRename.sorted())")
        #expect(!afterRename.contains("disclosures/r/index.html"), "r names neither a nor an item approved by it")
    }
}
