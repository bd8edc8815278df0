import Foundation
import Testing

@testable import GongshiKit

/// 践诺记录 rules and the 久未更新 warning; the 功能型党支部 member-count warning.
@Suite("Promise progress")
struct PromiseProgressTests {
    /// A letter published 2026-02-01 with one item 进行中; its `progress` lines start at line 13.
    static func letter(_ progress: [String], status: String = "进行中", target: Bool = false) -> String {
        var yaml = [
            "id: p", "branch: a", "year: 2026", "promiser: 张三", "role: 在职党员", "published: 2026-02-01", "items:",
            "  - text: 全年走访不少于 40 人次", "    service: 服务群众", "    due: 2026-12-31", "    status: \(status)",  // 12
        ]
        if status == "已兑现" { yaml.append("    done: 2026-10-01") }
        if target { yaml.append("    target: {count: 40, unit: 人次}") }
        if !progress.isEmpty { yaml += ["    progress:"] + progress.map { "      - \($0)" } }
        return TestContent.document(yaml)
    }

    static func diagnostics(_ text: String, site: String = Sample.site, asOf: String = "2026-11-21") -> [Diagnostic] {
        let (config, _) = ContentLoader.loadSiteConfig(site)
        return TestContent.assemble([("content/branches/a.md", Sample.branch("a")), ("content/promises/p.md", text)], config: config!, asOf: Day(asOf)!)
            .diagnostics
    }

    @Test(arguments: [
        ("2026-08-23", false), ("2026-08-22", true),  // 90 days before the as-of date is still fresh; 91 is not
    ])
    func anItemInProgressWithoutARecentEntryIsStale(_ latest: String, _ stale: Bool) {
        let diagnostics = Self.diagnostics(Self.letter(["{date: 2026-03-01, text: 走访}", "{date: \(latest), text: 走访}"]))
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let warnings = diagnostics.filter { $0.kind == .stale }
        #expect(warnings.count == (stale ? 1 : 0), "\(diagnostics)")
        if stale { expectDiagnostic(diagnostics, .warning, "content/promises/p.md", line: 12, contains: ["最近一条践诺记录是 2026-08-22（91 天前）", "超过 90 天"]) }
    }

    @Test func withoutEntriesThePublicationDateCountsAndTheSiteSetsTheDays() {
        let empty = Self.letter([])
        expectDiagnostic(Self.diagnostics(empty), .warning, "content/promises/p.md", line: 12, contains: ["自承诺公示（2026-02-01）以来还没有践诺记录"])
        #expect(Self.diagnostics(empty, asOf: "2026-05-02").filter { $0.kind == .stale }.isEmpty)  // 90 days
        #expect(Self.diagnostics(empty, asOf: "2026-05-03").filter { $0.kind == .stale }.count == 1)
        #expect(Self.diagnostics(empty, site: Sample.site + "\nstale_days: 300\n").filter { $0.kind == .stale }.isEmpty)
        // Only 进行中 items go stale.
        #expect(Self.diagnostics(Self.letter([], status: "已兑现")).filter { $0.kind == .stale }.isEmpty)
    }

    @Test func entriesLieBetweenPublicationAndTheAsOfDate() {
        let text = Self.letter(["{date: 2026-01-31, text: 早了}", "{date: 2026-02-01, text: 当天}", "{date: 2026-11-21, text: 当天}", "{date: 2026-11-22, text: 晚了}"])
        let diagnostics = Self.diagnostics(text)
        expectDiagnostic(diagnostics, .error, "content/promises/p.md", line: 14, contains: ["第 1 条践诺记录日期 2026-01-31 早于承诺公示日期 published（2026-02-01）"])
        expectDiagnostic(diagnostics, .error, "content/promises/p.md", line: 17, contains: ["第 4 条践诺记录日期 2026-11-22 晚于数据截至日期 2026-11-21"])
        #expect(diagnostics.errorCount == 2, "\(diagnostics)")
    }

    @Test func aCountNeedsATarget() {
        let entries = ["{date: 2026-03-01, text: 走访, count: 5}"]
        expectDiagnostic(Self.diagnostics(Self.letter(entries)), .error, "content/promises/p.md", line: 14, contains: ["填写了 count，但第 1 项承诺没有量化目标 target"])
        #expect(!Self.diagnostics(Self.letter(entries, target: true)).hasErrors)
    }

    @Test(arguments: [
        ("功能型党支部", "members: 112", true), ("功能型党支部", "members: 0\nregistered: 112", false), ("功能型党支部", "registered: 112", false), ("党支部", "members: 30", false),
    ])
    func aFunctionalBranchCountingMembersIsWarnedToUseRegistered(_ type: String, _ extra: String, _ warned: Bool) {
        let branch = Sample.branch("a", extra: extra).replacingOccurrences(of: "type: 党支部", with: "type: \(type)")
        let diagnostics = TestContent.assemble([("content/branches/a.md", branch)]).diagnostics
        let warnings = diagnostics.filter { $0.kind == .registeredMembers }
        #expect(warnings.count == (warned ? 1 : 0), "\(diagnostics)")
        if warned { #expect(warnings.first?.message.contains("请改填 registered") == true) }
        #expect(!diagnostics.hasErrors)
    }
}
