import Foundation
import Testing

@testable import GongshiKit

/// 小数保护 of review votes in pooled figures: a letter whose votes the small-number rule hides on its own page is
/// left out of 述职评议认可率 everywhere, or the branch's figure (one letter) or the pooled figure less the other
/// letters' shown votes would give the hidden count away.
///
/// Branch `solo` has one reviewed letter: 满意 8, 基本满意 2, 不满意 2 (hidden: 2 < 5). Branch `pair` has that
/// letter's twin and a letter with 满意 30, 基本满意 10, 不满意 5 (all shown). Root `jiedao` is above both.
@Suite("Review votes in pooled figures")
struct ReviewSmallCellTests {
    static func letter(_ id: String, branch: String, votes: (Int, Int, Int)) -> String {
        TestContent.document([
            "id: \(id)", "branch: \(branch)", "year: 2026", "promiser: 张三", "role: 在职党员", "published: 2026-02-01", "items:",
            "  - {text: 每月走访困难群众, service: 服务群众, due: 2026-12-31, status: 进行中}",
            "review: {date: 2026-07-15, votes: {满意: \(votes.0), 基本满意: \(votes.1), 不满意: \(votes.2)}}",
        ])
    }

    static func files(threshold: Int? = nil) -> [String: String] {
        [
            "site.yaml": Sample.site + (threshold.map { "\nprivacy: {small_cell_threshold: \($0)}\n" } ?? ""),
            "content/branches/jiedao.md": TestContent.document(["id: jiedao", "name: 青溪街道党工委", "type: 党工委", "field: 街道社区"]),
            "content/branches/solo.md": TestContent.document(
                ["id: solo", "name: 金桥社区党委", "type: 党委", "field: 街道社区", "parent: jiedao"]),
            "content/branches/pair.md": TestContent.document(
                ["id: pair", "name: 河西村党支部", "type: 党支部", "field: 农村", "parent: jiedao"]),
            "content/promises/solo-hidden.md": letter("solo-hidden", branch: "solo", votes: (8, 2, 2)),
            "content/promises/pair-hidden.md": letter("pair-hidden", branch: "pair", votes: (8, 2, 2)),
            "content/promises/pair-shown.md": letter("pair-shown", branch: "pair", votes: (30, 10, 5)),
        ]
    }

    static func approval(_ model: SiteModel, _ id: String) -> Rate? {
        IndicatorCalculator(model: model).values(for: Set(model.tree.subtree(of: id)))[.reviewApproval]?.rate
    }

    @Test func aLetterWithHiddenVotesIsLeftOutOfEveryPooledFigure() throws {
        let site = try TestSite(Self.files())
        let (model, _, diagnostics) = SiteBuilder.check(site.options)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let m = try #require(model)
        // One letter, hidden: no figure at all (it would be exactly the letter's 12 votes, 10 of them approving).
        #expect(Self.approval(m, "solo") == Rate(0, of: 0))
        // The shown letter only: with the hidden one, 57 − 45 = 12 and 50 − 40 = 10 would give its votes away.
        #expect(Self.approval(m, "pair") == Rate(40, of: 45))
        #expect(Self.approval(m, "jiedao") == Rate(40, of: 45))
    }

    @Test func noPublishedFileShowsTheHiddenLettersVotes() throws {
        let site = try TestSite(Self.files())
        _ = try site.build()
        // solo's figure would be 10 of 12 (83.3%); the pooled one with the hidden letters 60 of 69 (87%) or, for
        // pair, 50 of 57 (87.7%). The statistics pages, the rankings of the street's children and the open data
        // show none of them.
        var scanned = 0
        for path in site.outputFiles() where path.hasSuffix(".html") || path.hasSuffix(".csv") || path.hasSuffix(".json") {
            let text = try site.page(path)
            scanned += 1
            for leak in ["12 票", "57 票", "69 票", "83.3%", "87.7%", "\"numerator\":10,", "\"denominator\":12,", ",10,12"] {
                #expect(!text.contains(leak), "\(path) shows \(leak)")
            }
        }
        #expect(scanned > 20)
        let street = try site.page("branches/jiedao/stats/index.html")
        #expect(street.contains("45 票中满意和基本满意 40 票"))
        // The letter page itself hides the small count and every total.
        let letter = try site.page("promises/solo-hidden/index.html")
        #expect(letter.contains("&lt;5"))
    }

    @Test func withTheRuleOffEveryLetterCounts() throws {
        let site = try TestSite(Self.files(threshold: 0))
        let m = try #require(SiteBuilder.check(site.options).0)
        #expect(Self.approval(m, "solo") == Rate(10, of: 12))
        #expect(Self.approval(m, "jiedao") == Rate(60, of: 69))
    }
}
