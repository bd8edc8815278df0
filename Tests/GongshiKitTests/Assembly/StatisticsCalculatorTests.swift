import Testing

@testable import GongshiKit

/// Every expected figure below is computed by hand from `StatisticsCalculatorTests.files`, as of 2026-11-21.
@Suite("StatisticsCalculator")
struct StatisticsCalculatorTests {
    static let allGoals = "{领导班子: true, 骨干队伍: true, 服务场所: true, 服务载体: true, 制度机制: true, 服务业绩: true}"

    static func branch(
        _ id: String, type: String, field: String, parent: String? = nil, members: Int? = nil, liuyou: String? = nil,
        ratings: [(Int, Double, Int)] = []
    ) -> (path: String, text: String) {
        var yaml = ["id: \(id)", "name: \(id) 组织", "type: \(type)", "field: \(field)"]
        if let parent { yaml.append("parent: \(parent)") }
        if let members { yaml.append("members: \(members)") }
        if let liuyou { yaml.append("liuyou: \(liuyou)") }
        if !ratings.isEmpty {
            yaml.append("ratings:")
            for (year, satisfaction, respondents) in ratings {
                yaml += ["  - year: \(year)", "    satisfaction: \(satisfaction)", "    respondents: \(respondents)"]
            }
        }
        return ("content/branches/\(id).md", TestContent.document(yaml))
    }

    static func disclosure(_ id: String, category: String, published: String, scope: String = "社会公开", approved: Bool = true)
        -> (path: String, text: String)
    {
        var yaml = [
            "id: \(id)", "branch: a", "title: \(id)", "category: \(category)", "scope: \(scope)", "published: \(published)",
            "reviewed: {by: 王某, date: 2025-12-01}",
        ]
        if approved { yaml.append("approved: {by: 李某, date: 2025-12-02}") }
        return ("content/disclosures/\(id).md", TestContent.document(yaml))
    }

    static let files: [(path: String, text: String)] = [
        // a: latest rating 90% × 100 (the older 2024 rating, listed second, must be ignored).
        branch("a", type: "党委", field: "街道社区", members: 30, liuyou: allGoals, ratings: [(2025, 90, 100), (2024, 50, 1000)]),
        branch(
            "b", type: "党支部", field: "农村", parent: "a", members: 12,
            liuyou: "{领导班子: true, 骨干队伍: true, 服务场所: true, 服务载体: true, 制度机制: true, 服务业绩: false}",
            ratings: [(2025, 80, 300)]),
        branch("c", type: "党支部", field: "街道社区", parent: "a"),
        branch("d", type: "党支部", field: "机关", members: 8, liuyou: allGoals),
        // e filed five goals only: the missing one counts as not met.
        branch(
            "e", type: "党总支", field: "社会组织", members: 5,
            liuyou: "{领导班子: true, 骨干队伍: true, 服务场所: true, 服务载体: true, 制度机制: true}"),

        (
            "content/promises/p-a.md",
            Sample.promise(
                "p-a", branch: "a",
                items: [
                    ("已兑现", "2026-06-30", "2026-06-01", nil),  // fulfilled
                    ("进行中", "2026-12-31", nil, nil),  // future: not assessed
                    ("进行中", "2026-10-31", nil, nil),  // 逾期
                    ("延期", "2026-09-30", nil, "资金未到位"),  // past due: assessed
                    ("延期", "2026-12-15", nil, "天气原因"),  // future: not assessed
                ])
        ),
        (
            "content/promises/p-b.md",
            Sample.promise(
                "p-b", branch: "b",
                items: [
                    ("已兑现", "2026-12-31", "2026-11-01", nil),  // closed early: assessed
                    ("未兑现", "2026-12-31", nil, "政策调整"),  // closed: assessed
                    ("进行中", "2026-11-21", nil, nil),  // due today: neither overdue nor assessed
                    ("进行中", "2026-11-20", nil, nil),  // 逾期
                ])
        ),
        ("content/promises/p-d.md", Sample.promise("p-d", branch: "d", items: [("已兑现", "2026-03-31", "2026-03-20", nil)])),
        (
            "content/promises/old-a.md",
            Sample.promise(
                "old-a", branch: "a", year: 2025,
                items: [
                    ("已兑现", "2025-06-30", "2025-06-01", nil),
                    ("未兑现", "2025-12-31", nil, "未完成"),
                    ("进行中", "2025-12-31", nil, nil),
                ])
        ),

        disclosure("d1", category: "组织生活", published: "2026-03-10"),
        disclosure("d2", category: "组织生活", published: "2026-03-25"),
        disclosure("d3", category: "党费管理", published: "2026-10-12"),
        disclosure("d4", category: "党费管理", published: "2026-10-12", scope: "党内公开"),  // withheld
        disclosure("d5", category: "决策部署", published: "2026-05-01", approved: false),  // withheld
        disclosure("d6", category: "服务群众", published: "2026-12-01"),  // withheld: future
        disclosure("d7", category: "其他", published: "2025-12-20"),

        ("content/examples/e1.md", TestContent.document(["id: e1", "title: 事例一", "branch: a", "date: 2026-05-01"])),
        ("content/examples/e2.md", TestContent.document(["id: e2", "title: 事例二", "branch: b", "date: 2026-06-01"])),
    ]

    static func statistics() throws -> Statistics {
        let (model, diagnostics) = TestContent.assemble(files, asOf: Day("2026-11-21")!)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description))")
        #expect(diagnostics.filter { $0.kind == .unpublished }.count == 3)  // d4, d5, d6 withheld
        return StatisticsCalculator.calculate(model)
    }

    @Test("organisations, members, letters and items of the as-of year")
    func counts() throws {
        let stats = try Self.statistics()
        #expect(stats.organisations == 5)
        #expect(stats.organisationsByType == [Tally(label: "党委", count: 1), Tally(label: "党总支", count: 1), Tally(label: "党支部", count: 3)])
        #expect(
            stats.organisationsByField == [
                Tally(label: "农村", count: 1), Tally(label: "街道社区", count: 2), Tally(label: "机关", count: 1), Tally(label: "社会组织", count: 1),
            ])
        #expect(stats.members == 55)  // 30 + 12 + 0 + 8 + 5
        #expect(stats.promiseYear == 2026)
        #expect(stats.letters == 3)  // old-a is 2025
        #expect(stats.items == 10)
        #expect(stats.examples == 2)
    }

    @Test("fulfilment rate: 已兑现 ÷ (closed or past due), current year only")
    func fulfilment() throws {
        let stats = try Self.statistics()
        // Fulfilled: p-a#1, p-b#1, p-d#1. Assessed: those three + p-a#3 (逾期), p-a#4 (延期, past due),
        // p-b#2 (未兑现), p-b#4 (逾期). Not assessed: p-a#2, p-a#5, p-b#3.
        #expect(stats.fulfilment == Rate(3, of: 7))
        #expect(stats.fulfilment.percentText == "42.9%")
    }

    @Test("overdue: 进行中 past due only, ordered by due date")
    func overdue() throws {
        let stats = try Self.statistics()
        #expect(stats.overdue.map(\.letterID) == ["p-a", "p-b"])
        #expect(stats.overdue.map(\.due) == [Day("2026-10-31")!, Day("2026-11-20")!])
        #expect(stats.overdue.map(\.branchID) == ["a", "b"])
        #expect(stats.overdue.first?.promiser == "张三")
    }

    @Test("items by status, with 逾期 split out of 进行中")
    func itemsByStatus() throws {
        let stats = try Self.statistics()
        #expect(
            stats.itemsByStatus == [
                Tally(label: "已兑现", count: 3), Tally(label: "进行中", count: 2), Tally(label: "逾期", count: 2),
                Tally(label: "延期", count: 2), Tally(label: "未兑现", count: 1),
            ])
        #expect(stats.itemsByStatus.map(\.count).reduce(0, +) == stats.items)
    }

    @Test("fulfilment by 领域, in the vocabulary's order")
    func byField() throws {
        let stats = try Self.statistics()
        #expect(
            stats.fulfilmentByField == [
                FulfilmentRow(key: "农村", label: "农村", items: 4, fulfilled: 1, overdue: 1, rate: Rate(1, of: 3)),
                FulfilmentRow(key: "街道社区", label: "街道社区", items: 5, fulfilled: 1, overdue: 1, rate: Rate(1, of: 3)),
                FulfilmentRow(key: "机关", label: "机关", items: 1, fulfilled: 1, overdue: 0, rate: Rate(1, of: 1)),
            ])
    }

    @Test("fulfilment by branch: only branches with letters this year, by id")
    func byBranch() throws {
        let stats = try Self.statistics()
        #expect(
            stats.fulfilmentByBranch == [
                FulfilmentRow(key: "a", label: "a 组织", items: 5, fulfilled: 1, overdue: 1, rate: Rate(1, of: 3)),
                FulfilmentRow(key: "b", label: "b 组织", items: 4, fulfilled: 1, overdue: 1, rate: Rate(1, of: 3)),
                FulfilmentRow(key: "d", label: "d 组织", items: 1, fulfilled: 1, overdue: 0, rate: Rate(1, of: 1)),
            ])
    }

    @Test("fulfilment by year includes the letters of other years")
    func byYear() throws {
        let stats = try Self.statistics()
        #expect(
            stats.fulfilmentByYear == [
                FulfilmentRow(key: "2025", label: "2025年", items: 3, fulfilled: 1, overdue: 1, rate: Rate(1, of: 3)),
                FulfilmentRow(key: "2026", label: "2026年", items: 10, fulfilled: 3, overdue: 2, rate: Rate(3, of: 7)),
            ])
    }

    @Test("六有 达标: all six true ÷ branches that filed a 六有 map")
    func liuyou() throws {
        let stats = try Self.statistics()
        #expect(stats.liuyou == Rate(2, of: 4))  // a and d of a, b, d, e; c filed nothing
        #expect(stats.liuyou.percentText == "50%")
        #expect(
            stats.liuyouByGoal == [
                Tally(label: "领导班子", count: 4), Tally(label: "骨干队伍", count: 4), Tally(label: "服务场所", count: 4),
                Tally(label: "服务载体", count: 4), Tally(label: "制度机制", count: 4), Tally(label: "服务业绩", count: 2),
            ])
    }

    @Test("satisfaction: respondent-weighted over each branch's latest rating")
    func satisfaction() throws {
        let stats = try Self.statistics()
        // (90 × 100 + 80 × 300) ÷ 400 = 82.5; a's 2024 rating (50 × 1000) is not the latest.
        let value = try #require(stats.satisfaction)
        #expect(abs(value - 82.5) < 1e-9)
        #expect(stats.satisfactionRespondents == 400)
        #expect(stats.satisfactionBranches == 2)
        #expect(Statistics.percent(value) == "82.5%")
    }

    @Test("disclosures by category and by month count publishable items only")
    func disclosures() throws {
        let stats = try Self.statistics()
        #expect(stats.disclosures == 4)  // d1, d2, d3, d7
        #expect(
            stats.disclosuresByCategory == [
                Tally(label: "决策部署", count: 0), Tally(label: "组织建设", count: 0), Tally(label: "组织生活", count: 2),
                Tally(label: "党费管理", count: 1), Tally(label: "服务群众", count: 0), Tally(label: "其他", count: 1),
            ])
        #expect(
            stats.disclosuresByMonth == [
                Tally(label: "2025-12", count: 1), Tally(label: "2026-03", count: 2), Tally(label: "2026-10", count: 1),
            ])
    }

    @Test("the same figures through SiteBuilder.check on disk")
    func throughSiteBuilder() throws {
        var files = Dictionary(uniqueKeysWithValues: Self.files.map { ($0.path, $0.text) })
        files["site.yaml"] = Sample.site
        let site = try TestSite(files)
        let (model, _, diagnostics) = SiteBuilder.check(site.options)
        #expect(!diagnostics.hasErrors)
        let stats = StatisticsCalculator.calculate(try #require(model))
        #expect(stats.fulfilment == Rate(3, of: 7))
        #expect(stats.overdue.count == 2)
        #expect(stats.members == 55)
        #expect(stats.disclosures == 4)
    }

    @Test("empty site: rates have no denominator and satisfaction is nil")
    func emptySite() throws {
        let (model, diagnostics) = TestContent.assemble([])
        #expect(diagnostics.isEmpty)
        let stats = StatisticsCalculator.calculate(model)
        #expect(stats.fulfilment == Rate(0, of: 0))
        #expect(stats.fulfilment.percentText == "—")
        #expect(stats.liuyou.fraction == nil)
        #expect(stats.satisfaction == nil)
        #expect(stats.satisfactionRespondents == 0)
        #expect(stats.itemsByStatus.allSatisfy { $0.count == 0 })
        #expect(stats.disclosuresByMonth.isEmpty)
        #expect(stats.disclosuresByCategory.count == 6)
    }

    @Test("the item predicates on the as-of boundary")
    func itemPredicates() {
        let asOf = Day("2026-11-21")!
        func item(_ status: ItemStatus, due: String) -> PromiseItem {
            PromiseItem(text: "t", service: .livelihood, due: Day(due)!, status: status, done: nil, note: nil)
        }
        #expect(item(.inProgress, due: "2026-11-20").isOverdue(asOf: asOf))
        #expect(!item(.inProgress, due: "2026-11-21").isOverdue(asOf: asOf))
        #expect(!item(.postponed, due: "2026-01-01").isOverdue(asOf: asOf))
        #expect(item(.inProgress, due: "2026-11-20").displayStatus(asOf: asOf) == "逾期")
        #expect(item(.postponed, due: "2026-01-01").displayStatus(asOf: asOf) == "延期")
        #expect(item(.postponed, due: "2026-11-20").isAssessable(asOf: asOf))
        #expect(!item(.postponed, due: "2026-11-22").isAssessable(asOf: asOf))
        #expect(!item(.inProgress, due: "2026-11-21").isAssessable(asOf: asOf))
        #expect(item(.unfulfilled, due: "2027-01-01").isAssessable(asOf: asOf))
        #expect(item(.fulfilled, due: "2027-01-01").isAssessable(asOf: asOf))
    }
}
