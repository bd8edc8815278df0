import Foundation
import Testing

@testable import GongshiKit

/// What residents see of 践诺: the target bar, the timeline, 最近践诺 and 久未更新 on a letter's page; 已完成 n/target and
/// 最近践诺 on the boards, the organisation's page and its poster; 报到党员 apart from 党员; a feed entry per record.
@Suite("践诺 on the pages")
struct ProgressPageTests {
    /// A letter with a quantified item (3 records, 23 of 40), an item with records but no target, and an item
    /// with none (published 2026-02-01, so stale on 2026-11-21 with the default 90 days).
    static let letter = """
        ---
        id: p
        branch: a
        year: 2026
        promiser: 张三
        role: 在职党员
        published: 2026-02-01
        items:
          - text: 全年走访困难群众不少于 40 人次
            service: 服务民生
            due: 2026-12-31
            status: 进行中
            target: {count: 40, unit: 人次}
            progress:
              - {date: 2026-03-10, text: 走访一组困难家庭, count: 11}
              - {date: 2026-10-25, text: 入冬前走访独居老人, count: 4}
              - {date: 2026-06-18, text: 走访三组困难家庭, count: 8}
          - text: 每月组织一次环境卫生清理
            service: 服务群众
            due: 2026-12-31
            status: 进行中
            progress:
              - {date: 2026-09-01, text: 组织党员清理楼道杂物}
          - text: 每季度公开一次党费收缴情况
            service: 服务党员
            due: 2026-12-31
            status: 进行中
        ---
        承诺书正文。
        """

    static func site(_ extra: [String: String] = [:], settings: String = "") throws -> TestSite {
        var files = [
            "site.yaml": Sample.site + "\n" + settings,
            "content/branches/a.md": Sample.branch("a", extra: "members: 8\nregistered: 112"),
            "content/promises/p.md": letter,
        ]
        for (path, text) in extra { files[path] = text }
        let site = try TestSite(files)
        let outcome = try site.build()
        #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
        return site
    }

    /// The text of the element with `id` up to the next `</article>`.
    static func item(_ page: String, _ anchor: String) -> String {
        guard let start = page.range(of: "id=\"\(anchor)\"") else { return "" }
        let rest = page[start.lowerBound...]
        return String(rest[..<(rest.range(of: "</article>")?.lowerBound ?? rest.endIndex)])
    }

    @Test func theLetterShowsTheTargetBarTheTimelineNewestFirstAndTheLatestDate() throws {
        let page = try Self.site().page("promises/p/index.html")
        let quantified = Self.item(page, "item-1")
        // 23 of 40 is 57.5 %, shown rounded: 58 %; the bar's filled part is as wide.
        #expect(quantified.contains("已完成 23 / 40 人次（58%）"), "\(quantified)")
        #expect(quantified.contains("<rect class=\"target-done\" x=\"0\" y=\"0\" width=\"58\""))
        #expect(quantified.contains("最近践诺：<time>2026-10-25</time>"))
        let dates = quantified.components(separatedBy: "<li id=\"jn-").dropFirst().map { String($0.prefix(10)) }
        #expect(dates == ["2026-10-25", "2026-06-18", "2026-03-10"], "newest first, whatever order they were written in")
        #expect(quantified.contains("<span class=\"timeline-count\">本次 4 人次</span>"))
        #expect(!quantified.contains("久未更新"))
        let plain = Self.item(page, "item-2")
        #expect(plain.contains("<ol class=\"timeline\"") && !plain.contains("target-bar") && !plain.contains("timeline-count"), "\(plain)")
        let empty = Self.item(page, "item-3")
        #expect(empty.contains("尚无践诺记录") && empty.contains("久未更新") && !empty.contains("<ol class=\"timeline\""), "\(empty)")
        // The summary table has the progress column, the verdict stays as it was.
        #expect(page.contains("<td data-label=\"践诺进度\"><span class=\"progress\"><span class=\"progress-done\">已完成 23/40 人次（58%）</span>"))
        #expect(page.contains("<span class=\"status status-progress\">进行中</span>"))
    }

    @Test func staleDaysDecideWhatIsLongUnupdated() throws {
        // With 300 days nothing is stale; with 60, the item last recorded on 2026-09-01 (81 days before) is too.
        let lenient = try Self.site(settings: "stale_days: 300").page("promises/p/index.html")
        #expect(!lenient.contains("久未更新"))
        let strict = try Self.site(settings: "stale_days: 60").page("promises/p/index.html")
        #expect(Self.item(strict, "item-2").contains("久未更新") && Self.item(strict, "item-3").contains("久未更新"))
        #expect(!Self.item(strict, "item-1").contains("久未更新"), "recorded 27 days before")
    }

    @Test func boardsOrganisationPagesAndPostersShowDoneOfTargetAndTheLatestRecord() throws {
        let site = try Self.site()
        for path in ["promises/index.html", "promises/by-branch/a/index.html", "branches/a/index.html", "branches/a/print/index.html"] {
            let page = try site.page(path)
            #expect(page.contains("已完成 23/40 人次（58%）"), "\(path)")
            #expect(page.contains("最近践诺 <time>2026-10-25</time>"), "\(path)")
            #expect(page.contains("最近践诺 <time>2026-09-01</time>"), "\(path)")
            #expect(page.contains("<strong class=\"stale-mark\">久未更新</strong>"), "\(path)")
        }
    }

    @Test func registeredMembersAreShownApartAndNeverAdded() throws {
        let site = try Self.site(["content/branches/b.md": Sample.branch("b", parent: "a", extra: "members: 30\nregistered: 5")])
        let page = try site.page("branches/a/index.html")
        #expect(page.contains("<dt>党员人数</dt><dd>8 名</dd>"))
        #expect(page.contains("<dt>报到党员</dt><dd>112 名"))
        #expect(page.contains("<dt>含下级组织党员</dt><dd>38 名</dd>"), "8 + 30, without the 117 registered")
        #expect(page.contains("<dt>含下级组织报到党员</dt><dd>117 名"))
        let index = try site.page("branches/index.html")
        #expect(index.contains("党员 8 名 · 报到党员 112 名"))
        let plain = try Self.site(["content/branches/a.md": Sample.branch("a", extra: "members: 8")]).page("branches/a/index.html")
        #expect(!plain.contains("报到党员"), "nothing when it is not set")
    }

    @Test func theBranchFeedHasAnEntryPerRecordThatKeepsItsIDWhenOthersAreAdded() throws {
        let feed = try Self.site().page("branches/a/feed.xml")
        let entries = feed.components(separatedBy: "<entry>").dropFirst().filter { $0.contains("<category term=\"践诺\"/>") }
        #expect(entries.count == 4, "three records of the first item, one of the second")
        let record = try #require(entries.first { $0.contains("入冬前走访独居老人") })
        #expect(record.contains("<published>2026-10-25T00:00:00+08:00</published>"), "dated the record's date")
        let id = try #require(record.components(separatedBy: "<id>").dropFirst().first?.components(separatedBy: "</id>").first)
        #expect(id.hasPrefix("https://example.org/site/promises/p/#jn-2026-10-25-"))
        let anchor = String(id.split(separator: "#").last!)
        #expect(try Self.site().page("promises/p/index.html").contains("<li id=\"\(anchor)\">"), "the id is the record's anchor on the page")
        let more = Self.letter.replacingOccurrences(
            of: "      - {date: 2026-03-10, text: 走访一组困难家庭, count: 11}",
            with: "      - {date: 2026-11-02, text: 走访二组困难家庭, count: 3}\n      - {date: 2026-03-10, text: 走访一组困难家庭, count: 11}")
        let later = try Self.site(["content/promises/p.md": more]).page("branches/a/feed.xml")
        #expect(later.contains("<id>\(id)</id>"), "another record does not change this one's id")
        #expect(later.components(separatedBy: "<category term=\"践诺\"/>").count - 1 == 5)
    }

    @Test func searchFindsTheLetterByWhatItsRecordsSay() throws {
        let search = try SearchDocumentsTests.search(Self.site())
        #expect(try search.page("独居老人").documents.map(\.url) == ["promises/p/"])
        #expect(try search.page("楼道杂物").documents.map(\.url) == ["promises/p/"])
    }

    @Test func recordsWithTheSameDateAndTextGetTheirOwnAnchors() {
        let entry = ProgressEntry(date: Day("2026-05-01")!, text: "走访")
        let item = PromiseItem(
            text: "走访", service: .livelihood, due: Day("2026-12-31")!, status: .inProgress, done: nil, note: nil, progress: [entry, entry])
        let letter = PromiseLetter(
            id: "p", branch: "a", year: 2026, promiser: "张三", role: .employedMember, post: nil, published: Day("2026-01-01")!, items: [item, item],
            review: nil)
        let anchors = ProgressAnchors.make(letter).flatMap { $0 }
        #expect(Set(anchors).count == 4, "\(anchors)")
    }
}
