import Testing

@testable import GongshiKit

@Suite("Small-number protection of review votes")
struct SmallCellTests {
    static let rule = SmallCellRule(threshold: 5)

    static func review(_ satisfied: Int, _ basic: Int, _ dissatisfied: Int) -> Review {
        Review(date: Day("2026-07-15")!, method: nil, votes: ["满意": satisfied, "基本满意": basic, "不满意": dissatisfied])
    }

    @Test("counts 1–4 are hidden; 0 and 5 are not; threshold 0 turns the rule off")
    func rule() {
        #expect((1...4).allSatisfy(Self.rule.suppresses))
        #expect(!Self.rule.suppresses(0) && !Self.rule.suppresses(5) && !Self.rule.suppresses(40))
        #expect(Self.rule.display(3) == "<5" && Self.rule.display(0) == "0" && Self.rule.display(12) == "12")
        #expect(!SmallCellRule(threshold: 0).suppresses(1))
        #expect(SmallCellRule(threshold: 3).display(2) == "<3" && SmallCellRule(threshold: 3).display(3) == "3")
    }

    @Test("a small 不满意 count shows 「<5」; the total, every share and the approval are withheld with a note")
    func smallCellHidesDerivedFigures() throws {
        let block = PromiseContext.ReviewBlock(Self.review(30, 6, 2), cells: Self.rule)
        #expect(block.votes.map(\.count) == ["30", "6", "<5"])
        #expect(block.votes.map(\.share) == ["—", "—", "—"])
        #expect(block.total == nil)
        #expect(block.approval == "—")
        #expect(try #require(block.suppressionNote).contains("「<5」"))
    }

    @Test("with no count between 1 and 4 everything is shown, a 0 included")
    func nothingToHide() {
        let block = PromiseContext.ReviewBlock(Self.review(30, 6, 0), cells: Self.rule)
        #expect(block.votes.map(\.count) == ["30", "6", "0"])
        #expect(block.votes.map(\.share) == ["83.3%", "16.7%", "0%"])
        #expect(block.total == 36 && block.approval == "100%" && block.suppressionNote == nil)
    }

    static func site(votes: String, privacy: String = "") throws -> TestSite {
        var letter = Sample.promise("p", items: [("进行中", "2026-12-31", nil, nil)])
        letter = letter.replacingOccurrences(of: "---\n承诺书正文", with: "review:\n  date: 2026-07-15\n  votes: {\(votes)}\n---\n承诺书正文")
        return try TestSite([
            "site.yaml": Sample.site + privacy, "content/branches/a.md": Sample.branch("a"), "content/promises/p.md": letter,
        ])
    }

    @Test("the promise page shows 「<5」 and no total, share or approval that would give it away")
    func promisePage() throws {
        let site = try Self.site(votes: "满意: 30, 基本满意: 6, 不满意: 2")
        #expect(try !site.build().hasErrors)
        let page = try site.page("promises/p/index.html")
        #expect(page.contains("<th scope=\"row\">不满意</th><td>&lt;5</td><td>—</td>"))
        #expect(page.contains("<th scope=\"row\">满意</th><td>30</td><td>—</td>"))
        #expect(page.contains("满意和基本满意合计 —。"))
        #expect(page.contains("以免推知投票人"))
        #expect(!page.contains("共 38 票") && !page.contains("94.7%"))
    }

    @Test("small_cell_threshold: 0 shows every count; a higher threshold hides more")
    func threshold() throws {
        let off = try Self.site(votes: "满意: 30, 基本满意: 6, 不满意: 2", privacy: "\nprivacy: {small_cell_threshold: 0}")
        _ = try off.build()
        let shown = try off.page("promises/p/index.html")
        #expect(shown.contains("<td>2</td><td>5.3%</td>") && shown.contains("共 38 票") && shown.contains("合计 94.7%"))
        let strict = try Self.site(votes: "满意: 30, 基本满意: 6, 不满意: 0", privacy: "\nprivacy: {small_cell_threshold: 10}")
        _ = try strict.build()
        let hidden = try strict.page("promises/p/index.html")
        #expect(hidden.contains("<th scope=\"row\">基本满意</th><td>&lt;10</td>"))
        #expect(!hidden.contains("共 36 票"))
    }
}
