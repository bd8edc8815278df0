import Foundation
import Testing

@testable import GongshiKit

/// `notice_rules`: 公示期 in working days, a required `until`, 报批, and `retire_after_days`.
@Suite("Notice rules")
struct NoticeRulesTests {
    /// 2026-11-02 is a Monday; 2026-11-04 (a Wednesday) and 2026-11-07 (a Saturday) are holidays here.
    static let siteYAML = Sample.site + "\nholidays: [2026-11-04, 2026-11-07, 2026-10-01]\n"

    static func config(_ yaml: String = siteYAML) -> SiteConfig {
        let (config, diagnostics) = ContentLoader.loadSiteConfig(yaml)
        precondition(diagnostics.isEmpty, "\(diagnostics)")
        return config!
    }

    @Test(arguments: [
        ("2026-11-02", "2026-11-02", 1),  // one weekday, counted inclusively
        ("2026-11-02", "2026-11-03", 2),
        ("2026-11-02", "2026-11-06", 4),  // Monday to Friday, minus the Wednesday holiday
        ("2026-11-02", "2026-11-09", 5),  // over the weekend (its Saturday a holiday too: counted out once)
        ("2026-10-31", "2026-11-06", 4),  // from a Saturday
        ("2026-10-31", "2026-11-01", 0),  // a weekend only
        ("2026-11-07", "2026-11-07", 0),
        ("2026-11-09", "2026-11-13", 5),
        ("2026-09-28", "2026-10-09", 9),  // 10-01 is the only listed holiday of that fortnight
        ("2026-11-06", "2026-11-02", 0),  // ends before it starts
    ])
    func workingDaysSkipWeekendsAndHolidays(_ start: String, _ end: String, _ expected: Int) {
        #expect(Self.config().workingDays(from: Day(start)!, through: Day(end)!) == expected)
    }

    @Test func withoutHolidaysOnlyWeekendsAreSkipped() {
        #expect(Self.config(Sample.site).workingDays(from: Day("2026-11-02")!, through: Day("2026-11-06")!) == 5)
        #expect(Self.config(Sample.site).workingDays(from: Day("2026-09-28")!, through: Day("2026-10-09")!) == 10)
    }

    /// The shortcut that skips counting long periods never passes a period the count would fail.
    @Test func theLongPeriodShortcutAgreesWithTheCount() {
        let config = Self.config()
        for start in 0..<7 {
            let first = Day(ordinal: Day("2026-10-26")!.ordinal + start)
            for length in 0..<40 {
                let last = Day(ordinal: first.ordinal + length)
                for minimum in [1, 3, 5, 10, 20]
                where NoticeRules.surelyLongEnough(from: first, through: last, minimum: minimum, holidays: config.holidays.count) {
                    #expect(config.workingDays(from: first, through: last) >= minimum, "\(first)…\(last), \(minimum)")
                }
            }
        }
        let far = Self.assemble([Self.item(published: "2026-11-02", until: "9999-12-31")]).diagnostics
        #expect(!far.hasErrors, "\(far)")
    }

    static let tree: [(path: String, text: String)] = [
        ("content/branches/root.md", Sample.branch("root")), ("content/branches/a.md", Sample.branch("a", parent: "root")),
    ]

    /// A 社会公开 item; `until` on line 11 when given, `topic` on line 6.
    static func item(
        id: String = "d", topic: String = "发展党员", published: String, until: String?, branch: String = "a", org: String? = nil,
        extra: [String] = []
    ) -> (path: String, text: String) {
        let yaml =
            [
                "id: \(id)", "branch: \(branch)", "title: 发展对象公示", "category: 组织建设", "topic: \(topic)", "scope: 社会公开",
                "published: \(published)", "reviewed: {by: 委员 王某, date: 2026-03-01}",
                "approved: {by: 书记 李某, date: 2026-03-02\(org.map { ", org: \($0)" } ?? "")}",
            ] + (until.map { ["until: \($0)"] } ?? []) + extra
        return ("content/disclosures/\(id).md", TestContent.document(yaml))
    }

    static func assemble(_ items: [(path: String, text: String)], site: String = siteYAML, asOf: String = "2026-11-21")
        -> (model: SiteModel, diagnostics: [Diagnostic])
    {
        TestContent.assemble(tree + items, config: config(site), asOf: Day(asOf)!)
    }

    @Test func aNoticeShorterThanFiveWorkingDaysIsAnErrorNamingBothDatesAndTheCount() {
        let diagnostics = Self.assemble([Self.item(published: "2026-11-02", until: "2026-11-06")]).diagnostics
        expectDiagnostic(
            diagnostics, .error, "content/disclosures/d.md", line: 11,
            contains: ["公示期 2026-11-02 至 2026-11-06 只有 4 个工作日，「发展党员」类事项至少 5 个工作日"])
        // One more working day is enough.
        #expect(!Self.assemble([Self.item(published: "2026-11-02", until: "2026-11-09")]).diagnostics.hasErrors)
    }

    @Test func theSiteSetsItsOwnMinimumOverTheBuiltIn() {
        let site = Self.siteYAML + "notice_rules:\n  发展党员: {min_working_days: 7}\n  评先评优: {min_working_days: 2}\n"
        let long = Self.assemble([Self.item(published: "2026-11-02", until: "2026-11-09")], site: site).diagnostics
        expectDiagnostic(long, .error, "content/disclosures/d.md", line: 11, contains: ["只有 5 个工作日", "至少 7 个工作日"])
        let other = Self.assemble([Self.item(topic: "评先评优", published: "2026-11-06", until: "2026-11-06")], site: site).diagnostics
        expectDiagnostic(other, .error, "content/disclosures/d.md", line: 11, contains: ["只有 1 个工作日，「评先评优」类事项至少 2 个工作日"])
        // A topic without rules is not checked; nor is an item without a topic.
        #expect(!Self.assemble([Self.item(topic: "换届选举", published: "2026-11-06", until: "2026-11-06")]).diagnostics.hasErrors)
    }

    @Test func aDevelopmentNoticeWithoutUntilIsAnErrorAtTopic() {
        let diagnostics = Self.assemble([Self.item(published: "2026-11-02", until: nil)]).diagnostics
        expectDiagnostic(diagnostics, .error, "content/disclosures/d.md", line: 6, contains: ["「发展党员」类事项必须填写公示截止日期 until"])
        let relaxed = Self.siteYAML + "notice_rules:\n  发展党员: {until_required: false}\n"
        #expect(!Self.assemble([Self.item(published: "2026-11-02", until: nil)], site: relaxed).diagnostics.hasErrors)
    }

    @Test(arguments: [(nil, false), ("a", false), ("root", true)] as [(String?, Bool)])
    func approverLevelParentNeedsAnAncestor(_ org: String?, _ ok: Bool) {
        let site = Self.siteYAML + "notice_rules:\n  四议两公开: {approver_level: parent}\n"
        let items = [Self.item(topic: "四议两公开", published: "2026-11-02", until: nil, org: org)]
        let diagnostics = Self.assemble(items, site: site).diagnostics
        if ok {
            #expect(!diagnostics.hasErrors, "\(diagnostics)")
        } else {
            let words = org == nil ? ["请在 approved 中用 org 写明审批的上级组织", "可填 root（root党支部）"] : ["不能是发布组织本身（a）"]
            expectDiagnostic(diagnostics, .error, "content/disclosures/d.md", line: 10, contains: ["「四议两公开」类事项须报上级组织审批"] + words)
        }
    }

    @Test(arguments: [("2026-11-21", false), ("2026-12-16", false), ("2026-12-17", true)])
    func retireAfterDaysWithholdsTheItemOnceMoreThanNDaysHavePassed(_ asOf: String, _ retired: Bool) {
        // until 2026-11-16: 30 days later is 12-16, still shown; 12-17 is past it.
        let site = Self.siteYAML + "notice_rules:\n  发展党员: {retire_after_days: 30}\n"
        let items = [Self.item(published: "2026-11-09", until: "2026-11-16", extra: ["outcome: {date: 2026-11-20, text: 无异议}"])]
        let (model, diagnostics) = Self.assemble(items, site: site, asOf: asOf)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(model.disclosures.map(\.id) == (retired ? [] : ["d"]))
        #expect(model.withheld.map(\.id) == (retired ? ["d"] : []))
        let warnings = diagnostics.filter { $0.kind == .unpublished }
        #expect(warnings.count == (retired ? 1 : 0), "\(warnings)")
        if retired {
            // At the scope line, like every other withheld item's warning.
            expectDiagnostic(diagnostics, .warning, "content/disclosures/d.md", line: 7, contains: ["公示期结束已满 30 天，按 notice_rules 不再公开"])
            #expect(model.withheld.first?.reason.contains("公示期结束已满 30 天") == true)
        }
    }

    @Test func retirementIsDecidedByThePolicyAlone() {
        let item = Disclosure(
            id: "d", branch: "a", title: "t", category: "组织建设", scope: .society, published: Day("2026-03-02")!,
            reviewed: PublicationPolicyTests.reviewed, approved: PublicationPolicyTests.approved, cadence: nil, period: nil,
            until: Day("2026-03-06")!, feedback: nil, topic: "发展党员")
        let asOf = Day("2026-04-06")!  // 31 days after until
        #expect(PublicationPolicy.decide(item, asOf: asOf) == .publish)
        #expect(PublicationPolicy.decide(item, asOf: asOf, rule: NoticeRule(retireAfterDays: 31)) == .publish)
        #expect(PublicationPolicy.decide(item, asOf: asOf, rule: NoticeRule(retireAfterDays: 30)) != .publish)
        #expect(PublicationPolicy.decide(item, asOf: asOf, rule: NoticeRule(retireAfterDays: 0)) != .publish)
    }
}
