import Foundation
import Testing

@testable import GongshiKit

/// The indicators of issue 15 (践诺记录覆盖率, 久未更新, 量化承诺完成度, 结果公开率, 公示期达标率 per topic, 报到党员)
/// on a three-level tree, root → a → b and root → c, as of 2026-11-21 (a Saturday; `stale_days` 90, so an
/// item is 久未更新 when its latest entry, or the letter's `published` date, is before 2026-08-23).
///
/// The fixture, item by item (all letters of 2026 are published 2026-02-01):
/// - a, letter la: la1 进行中, target 40 人次, entries 03-15 (10) and 06-20 (13) → done 23, recorded, stale;
///   la2 已兑现 with one entry → recorded; la3 进行中 without entries → not recorded, stale (02-01).
/// - a, letter la2025 (2025): 进行中, target 100, no entries — another year, counted nowhere below.
/// - b, letter lb: lb1 已兑现, target 12 次, entries 8 + 7 = 15 → capped at 12, recorded; lb2 未兑现, no entries;
///   lb3 延期 with an entry → outside 践诺记录覆盖率 (neither 进行中 nor closed) and never stale;
///   lb4 进行中 with an entry on 11-02 → recorded, not stale.
/// - c, letter lc: lc1 进行中, target 20 户, no entries → done 0, not recorded, stale.
///
/// So 践诺记录覆盖率: a 2 ÷ 3 (la1, la2 of la1–la3), b 2 ÷ 3 (lb1, lb4 of lb1, lb2, lb4), c 0 ÷ 1;
/// a's subtree 4 ÷ 6, root's 4 ÷ 7. 久未更新: a 2, b 0, c 1; a's subtree 2, root's 3.
/// 量化承诺完成度: a 23 ÷ 40, b 12 ÷ 12, c 0 ÷ 20; a's subtree (23 + 12) ÷ (40 + 12) = 35 ÷ 52; root's 35 ÷ 72
/// (without the cap it would be 38 ÷ 72).
///
/// Disclosures (`notice_rules` adds 换届选举 ≥ 3 working days; 发展党员 ≥ 5 is built in):
/// - c `dev1` 发展党员, 11-11 (Wed) to 11-17 (Tue): 11, 12, 13, 16, 17 = 5 working days, compliant; past, outcome.
/// - a `dev2` 发展党员, 11-16 (Mon) to 11-20 (Fri): 5 working days, compliant; past (11-20 < 11-21), no outcome.
/// - b `elect1` 换届选举, 09-01 (Tue) to 09-07 (Mon): 1, 2, 3, 4, 7 = 5 ≥ 3, compliant; past, no outcome.
/// - a `elect2` 换届选举, no `until` → not compliant; not past (no notice period).
/// - c `plain`, no topic, until 11-30 → not yet past.
///
/// So 结果公开率: a 0 ÷ 1, b 0 ÷ 1, c 1 ÷ 1; a's subtree 0 ÷ 2; root's 1 ÷ 3. 公示期达标率 (发展党员): root 2 ÷ 2,
/// a's subtree 1 ÷ 1, b 0 ÷ 0; (换届选举): root 1 ÷ 2, a's subtree 1 ÷ 2, a 0 ÷ 1, b 1 ÷ 1, c 0 ÷ 0.
/// 报到党员: b 12, c 8 → root 20 (党员 5 + 30 + 20 = 55, never 75), a's subtree 12 (党员 50).
@Suite("践诺 and 结果公开 indicators")
struct RecordIndicatorTests {
    static func branch(_ id: String, type: String, parent: String?, members: Int?, registered: Int?) -> String {
        TestContent.document(
            ["id: \(id)", "name: \(id)组织", "type: \(type)", "field: 街道社区"] + (parent.map { ["parent: \($0)"] } ?? [])
                + (members.map { ["members: \($0)"] } ?? []) + (registered.map { ["registered: \($0)"] } ?? []))
    }

    static func letter(_ id: String, branch: String, year: Int = 2026, items: [String]) -> String {
        TestContent.document(
            ["id: \(id)", "branch: \(branch)", "year: \(year)", "promiser: 张三", "role: 在职党员", "published: \(year)-02-01", "items:"] + items)
    }

    /// One item in the list of `letter`, with its own lines (target, progress …) indented below it.
    static func item(_ status: String, due: String, _ extra: [String] = []) -> String {
        (["  - text: 每月走访困难群众", "    service: 服务群众", "    due: \(due)", "    status: \(status)"] + extra.map { "    " + $0 })
            .joined(separator: "\n")
    }

    static func disclosure(_ id: String, branch: String, published: String, extra: [String]) -> String {
        TestContent.document(
            [
                "id: \(id)", "branch: \(branch)", "title: \(id) 公示", "category: 组织建设", "scope: 社会公开", "published: \(published)",
                "reviewed: {by: 组织委员 王某, date: \(published)}", "approved: {by: 书记 李某, date: \(published)}",
            ] + extra)
    }

    static let files: [String: String] = [
        "site.yaml": Sample.site + "\nnotice_rules:\n  换届选举: {min_working_days: 3}\n",
        "content/branches/root.md": branch("root", type: "党委", parent: nil, members: 5, registered: nil),
        "content/branches/a.md": branch("a", type: "党总支", parent: "root", members: 30, registered: nil),
        "content/branches/b.md": branch("b", type: "党支部", parent: "a", members: 20, registered: 12),
        "content/branches/c.md": branch("c", type: "功能型党支部", parent: "root", members: nil, registered: 8),
        "content/promises/la.md": letter(
            "la", branch: "a",
            items: [
                item(
                    "进行中", due: "2026-12-31",
                    [
                        "target: {count: 40, unit: 人次}", "progress:", "  - {date: 2026-03-15, text: 走访 10 人次, count: 10}",
                        "  - {date: 2026-06-20, text: 走访 13 人次, count: 13}",
                    ]),
                item("已兑现", due: "2026-06-30", ["done: 2026-06-28", "progress:", "  - {date: 2026-06-28, text: 已完成}"]),
                item("进行中", due: "2026-12-31"),
            ]),
        "content/promises/la2025.md": letter(
            "la2025", branch: "a", year: 2025, items: [item("进行中", due: "2025-12-31", ["target: {count: 100, unit: 人次}"])]),
        "content/promises/lb.md": letter(
            "lb", branch: "b",
            items: [
                item(
                    "已兑现", due: "2026-10-31",
                    [
                        "done: 2026-10-20", "target: {count: 12, unit: 次}", "progress:", "  - {date: 2026-05-10, text: 上半年 8 次, count: 8}",
                        "  - {date: 2026-10-20, text: 下半年 7 次, count: 7}",
                    ]),
                item("未兑现", due: "2026-09-30", ["note: 资金未到位"]),
                item("延期", due: "2026-09-30", ["note: 场地改建", "progress:", "  - {date: 2026-09-01, text: 已联系场地}"]),
                item("进行中", due: "2026-12-31", ["progress:", "  - {date: 2026-11-02, text: 已走访 3 户}"]),
            ]),
        "content/promises/lc.md": letter("lc", branch: "c", items: [item("进行中", due: "2026-12-31", ["target: {count: 20, unit: 户}"])]),
        "content/disclosures/dev1.md": disclosure(
            "dev1", branch: "c", published: "2026-11-11",
            extra: ["topic: 发展党员", "until: 2026-11-17", "outcome: {date: 2026-11-19, text: 公示期内未收到意见，按程序发展, received: 0}"]),
        "content/disclosures/dev2.md": disclosure("dev2", branch: "a", published: "2026-11-16", extra: ["topic: 发展党员", "until: 2026-11-20"]),
        "content/disclosures/elect1.md": disclosure("elect1", branch: "b", published: "2026-09-01", extra: ["topic: 换届选举", "until: 2026-09-07"]),
        "content/disclosures/elect2.md": disclosure("elect2", branch: "a", published: "2026-10-12", extra: ["topic: 换届选举"]),
        "content/disclosures/plain.md": disclosure("plain", branch: "c", published: "2026-11-20", extra: ["until: 2026-11-30"]),
    ]

    static func site() throws -> TestSite { try TestSite(files) }

    static func model() throws -> SiteModel {
        let (model, _, diagnostics) = SiteBuilder.check(try site().options)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        return try #require(model)
    }

    static func values(_ model: SiteModel, _ root: String) -> [Indicator: IndicatorValue] {
        IndicatorCalculator(model: model).values(for: Set(model.tree.subtree(of: root)))
    }

    @Test func progressCoverageStaleAndTargetsRollUpAlongTheTree() throws {
        let model = try Self.model()
        let calculator = IndicatorCalculator(model: model)
        let expected: [(scope: Set<String>, coverage: Rate, stale: Double, target: Rate)] = [
            (["a"], Rate(2, of: 3), 2, Rate(23, of: 40)),
            (["b"], Rate(2, of: 3), 0, Rate(12, of: 12)),
            (["c"], Rate(0, of: 1), 1, Rate(0, of: 20)),
            (Set(model.tree.subtree(of: "a")), Rate(4, of: 6), 2, Rate(35, of: 52)),
            (Set(model.tree.subtree(of: "root")), Rate(4, of: 7), 3, Rate(35, of: 72)),
        ]
        for row in expected {
            let values = calculator.values(for: row.scope)
            #expect(values[.progressCoverage]?.rate == row.coverage, "\(row.scope)")
            #expect(values[.stale]?.number == row.stale, "\(row.scope)")
            #expect(values[.targetCompletion]?.rate == row.target, "\(row.scope)")
        }
        #expect(Self.values(model, "root")[.targetCompletion]?.text(for: .targetCompletion) == "48.6%")  // 35 ÷ 72
    }

    @Test func outcomesAndNoticePeriodsPerTopicRollUpAlongTheTree() throws {
        let model = try Self.model()
        let calculator = IndicatorCalculator(model: model)
        #expect(calculator.ruledTopics.map(\.topic) == ["发展党员", "换届选举"])
        #expect(calculator.ruledTopics.map(\.minimum) == [5, 3])
        let expected: [(scope: Set<String>, outcomes: Rate, development: Rate, election: Rate)] = [
            (["a"], Rate(0, of: 1), Rate(1, of: 1), Rate(0, of: 1)),
            (["b"], Rate(0, of: 1), Rate(0, of: 0), Rate(1, of: 1)),
            (["c"], Rate(1, of: 1), Rate(1, of: 1), Rate(0, of: 0)),
            (Set(model.tree.subtree(of: "a")), Rate(0, of: 2), Rate(1, of: 1), Rate(1, of: 2)),
            (Set(model.tree.subtree(of: "root")), Rate(1, of: 3), Rate(2, of: 2), Rate(1, of: 2)),
        ]
        for row in expected {
            #expect(calculator.values(for: row.scope)[.outcomePublication]?.rate == row.outcomes, "\(row.scope)")
            let topics = calculator.topicNoticePeriods(for: row.scope)
            #expect(topics.map(\.rate) == [row.development, row.election], "\(row.scope)")
        }
        // One line per ruled topic, named and worded with its topic.
        let lines = calculator.lines(for: Set(model.tree.subtree(of: "root"))).filter { $0.indicator == .topicNoticePeriod }
        #expect(lines.map(\.name) == ["公示期达标率（发展党员）", "公示期达标率（换届选举）"])
        #expect(lines.map(\.detail) == ["发展党员的 2 项中公示期达标的 2 项", "换届选举的 2 项中公示期达标的 1 项"])
        #expect(lines[1].definition.contains("本行为“换届选举”，规定至少 3 个工作日"))
        #expect(calculator.lines(for: ["c"]).first { $0.topic == "换届选举" }?.detail == "暂无换届选举的事项")
    }

    /// `holidays` count against a topic's minimum: with 2026-11-18 a holiday, dev2 (11-16 to 11-20) has 4 working
    /// days and falls short of 5, dev1 (11-11 to 11-17) keeps its 5. Made on the model directly, since the rules
    /// refuse such a notice in content.
    @Test func holidaysShortenANoticePeriod() throws {
        let model = try Self.model()
        let (config, diagnostics) = ContentLoader.loadSiteConfig(Sample.site + "\nholidays: [2026-11-18]\n")
        #expect(diagnostics.isEmpty)
        let withHoliday = SiteModel(
            config: try #require(config), asOf: model.asOf, branches: model.branches, promises: model.promises, disclosures: model.disclosures,
            examples: model.examples, pages: model.pages, withheld: model.withheld)
        let topics = IndicatorCalculator(model: withHoliday).topicNoticePeriods(for: Set(model.branches.map(\.id)))
        #expect(topics.map(\.topic) == ["发展党员"], "换届选举 has no rule in this configuration")
        #expect(topics.first?.rate == Rate(1, of: 2))
    }

    @Test func staleDaysComeFromTheSiteSettings() throws {
        // With stale_days 200, only what is older than 2026-05-05 is stale: la3 and lc1 (02-01), not la1 (06-20).
        var files = Self.files
        files["site.yaml"] = Sample.site + "\nstale_days: 200\n"
        let model = try #require(SiteBuilder.check(try TestSite(files).options).0)
        #expect(IndicatorCalculator(model: model).values(for: Set(model.branches.map(\.id)))[.stale]?.number == 2)
        #expect(Indicator.stale.definition(model.config).contains("超过 200 天"))
    }

    @Test func registeredMembersAreSummedApartFromMembers() throws {
        let model = try Self.model()
        let all = StatisticsCalculator.calculate(model)
        #expect(all.members == 55 && all.registered == 20)
        let a = StatisticsCalculator.calculate(model, scope: Set(model.tree.subtree(of: "a")))
        #expect(a.members == 50 && a.registered == 12)
    }

    @Test func childrenAreRankedOnTheNewIndicators() throws {
        let model = try Self.model()
        let section = IndicatorSection(model: model, scope: Set(model.branches.map(\.id)), children: ["a", "c"], rows: Rows(model: model, route: .stats))
        func order(_ name: String) -> [String] { section.rankings.first { $0.indicator == name }?.rows.map(\.id) ?? [] }
        #expect(order("践诺记录覆盖率") == ["c", "a"])  // 0 ÷ 1 before 4 ÷ 6
        #expect(order("久未更新事项") == ["a", "c"])  // 2 before 1: more is weaker
        #expect(order("量化承诺完成度") == ["c", "a"])  // 0 ÷ 20 before 35 ÷ 52
        #expect(order("结果公开率") == ["a", "c"])  // 0 ÷ 2 before 1 ÷ 1
    }

    @Test func pagesAndOpenDataShowTheNewIndicators() throws {
        let site = try Self.site()
        let outcome = try site.build()
        #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
        for path in ["stats/index.html", "branches/root/stats/index.html"] {
            let text = StatsWordingTests.visibleText(try site.page(path))
            for words in [
                "进行中或已有结果的 7 项中有践诺记录的 4 项", "量化目标合计 72 中已完成 35", "公示期已过的 3 项中已公开结果的 1 项",
                "发展党员的 2 项中公示期达标的 2 项", "换届选举的 2 项中公示期达标的 1 项", "报到党员 20 名",
            ] {
                #expect(text.contains(words), "\(path) lacks \(words)")
            }
            for indicator in [Indicator.progressCoverage, .stale, .targetCompletion, .outcomePublication] {
                #expect(text.contains(indicator.definition(nil).prefix(20)), "\(path) lacks the definition of \(indicator)")
            }
        }
        #expect(StatsWordingTests.visibleText(try site.page("branches/a/stats/index.html")).contains("共 2 个组织、50 名党员，另有报到党员 12 名"))
        let definitions = StatsWordingTests.visibleText(try site.page("stats/definitions/index.html"))
        #expect(definitions.contains("公示期达标率（换届选举）") && definitions.contains("本行为“换届选举”，规定至少 3 个工作日"))
        #expect(definitions.contains("报到党员"))

        let stats = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: site.output.appendingPathComponent("branches/a/stats/stats.json")))
                as? [String: Any])
        #expect(stats["members"] as? Int == 50 && stats["registered"] as? Int == 12)
        let indicators = try #require(stats["indicators"] as? [[String: Any]])
        func record(_ id: String, topic: String? = nil) -> [String: Any]? {
            indicators.first { $0["id"] as? String == id && $0["topic"] as? String == topic }
        }
        #expect(record("progressCoverage")?["numerator"] as? Int == 4 && record("progressCoverage")?["denominator"] as? Int == 6)
        #expect(record("stale")?["value"] as? Double == 2)
        #expect(record("targetCompletion")?["numerator"] as? Int == 35 && record("targetCompletion")?["denominator"] as? Int == 52)
        #expect(record("outcomePublication")?["numerator"] as? Int == 0 && record("outcomePublication")?["denominator"] as? Int == 2)
        let election = try #require(record("topicNoticePeriod", topic: "换届选举"))
        #expect(election["numerator"] as? Int == 1 && election["denominator"] as? Int == 2 && election["minWorkingDays"] as? Int == 3)
        #expect(election["name"] as? String == "公示期达标率（换届选举）")
        #expect((record("targetCompletion")?["definition"] as? String)?.contains("超过目标的按目标计") == true)

        let csv = try ScopedStatisticsTests.csv(site, "stats/indicators.csv")
        let rows = csv.components(separatedBy: "\r\n")
        #expect(rows.first == "指标代码,指标,分子,分母,数值,定义,公开主题,规定工作日")
        #expect(rows.contains { $0.hasPrefix("progressCoverage,践诺记录覆盖率,4,7,0.5714,") })
        #expect(rows.contains { $0.hasPrefix("stale,久未更新事项,,,3.0,") })
        #expect(rows.contains { $0.hasPrefix("targetCompletion,量化承诺完成度,35,72,0.4861,") })
        #expect(rows.contains { $0.hasPrefix("outcomePublication,结果公开率,1,3,0.3333,") })
        #expect(rows.contains { $0.hasPrefix("topicNoticePeriod,公示期达标率（发展党员）,2,2,1.0,") && $0.hasSuffix(",发展党员,5") })
        #expect(rows.contains { $0.hasPrefix("topicNoticePeriod,公示期达标率（换届选举）,1,2,0.5,") && $0.hasSuffix(",换届选举,3") })
        #expect(
            try ScopedStatisticsTests.csv(site, "branches/root/stats/ranking-targetCompletion.csv")
                == "名次,组织id,组织,量化承诺完成度,分子,分母\r\n1,c,c组织,0%,0,20\r\n2,a,a组织,67.3%,35,52\r\n")

        let branches = try ScopedStatisticsTests.csv(site, "data/branches.csv").components(separatedBy: "\r\n")
        #expect(branches.first?.contains(",党员人数,报到党员人数,") == true)
        #expect(branches.contains { $0.hasPrefix("b,b组织,党支部,街道社区,a,,20,12,") })
        #expect(branches.contains { $0.hasPrefix("c,c组织,功能型党支部,街道社区,root,,,8,") })
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: site.output.appendingPathComponent("data/branches.json"))) as? [[String: String]])
        #expect(json.first { $0["id"] == "b" }?["报到党员人数"] == "12")
    }

    /// An edit of what the new figures count re-renders the statistics of the organisations above it (and only
    /// those), and the incremental plan equals a clean one (`PageKeyTests.rerendered` compares every file).
    @Test func editingWhatTheNewFiguresCountRerendersTheStatisticsAbove() throws {
        let (checked, library, _) = SiteBuilder.check(try Self.site().options)
        let model = try #require(checked)
        let templates = try #require(library)
        func site(branches: [Branch]? = nil, promises: [PromiseLetter]? = nil, disclosures: [Disclosure]? = nil) -> SiteModel {
            SiteModel(
                config: model.config, asOf: model.asOf, branches: branches ?? model.branches, promises: promises ?? model.promises,
                disclosures: disclosures ?? model.disclosures, examples: model.examples, pages: model.pages, withheld: model.withheld)
        }
        // 报到党员 of c (below root only).
        let registered = model.branches.map { branch -> Branch in
            var branch = branch
            if branch.id == "c" { branch.registered = 9 }
            return branch
        }
        let first = try PageKeyTests.rerendered(from: model, to: site(branches: registered), templates: templates)
        #expect(first.isSuperset(of: ["stats/index.html", "stats/stats.json", "branches/root/stats/index.html", "data/branches.csv"]))
        #expect(!first.contains("branches/a/stats/index.html"), "c is not below a")
        // A 践诺 entry for lc1 (c): it is no longer stale, and it counts towards its target.
        let promises = model.promises.map { letter -> PromiseLetter in
            guard letter.id == "lc" else { return letter }
            let old = letter.items[0]
            let item = PromiseItem(
                text: old.text, service: old.service, due: old.due, status: old.status, done: old.done, note: old.note, target: old.target,
                progress: [ProgressEntry(date: Day("2026-11-10")!, text: "走访 6 户", count: 6)])
            return PromiseLetter(
                id: letter.id, branch: letter.branch, year: letter.year, promiser: letter.promiser, role: letter.role, post: letter.post,
                published: letter.published, items: [item], review: letter.review, privacy: letter.privacy, source: letter.source,
                bodyHTML: letter.bodyHTML)
        }
        let second = try PageKeyTests.rerendered(from: model, to: site(promises: promises), templates: templates)
        #expect(second.isSuperset(of: ["stats/index.html", "stats/indicators.csv", "branches/root/stats/ranking-stale.csv"]))
        #expect(!second.contains("branches/a/stats/stats.json"))
        // An outcome for elect1 (b, below a and root).
        let disclosures = model.disclosures.map { d -> Disclosure in
            guard d.id == "elect1" else { return d }
            return Disclosure(
                id: d.id, branch: d.branch, title: d.title, category: d.category, scope: d.scope, published: d.published, reviewed: d.reviewed,
                approved: d.approved, cadence: d.cadence, period: d.period, until: d.until, feedback: d.feedback, proposed: d.proposed,
                topic: d.topic, outcome: Outcome(date: Day("2026-09-10")!, text: "选举产生新一届支部委员会", received: 0), follows: d.follows,
                privacy: d.privacy, attachments: d.attachments, attachmentFiles: d.attachmentFiles, source: d.source, bodyHTML: d.bodyHTML)
        }
        let third = try PageKeyTests.rerendered(from: model, to: site(disclosures: disclosures), templates: templates)
        #expect(third.isSuperset(of: ["branches/a/stats/index.html", "branches/a/stats/stats.json", "branches/root/stats/ranking-outcomePublication.csv"]))
    }
}
