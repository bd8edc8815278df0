import Foundation
import Testing

@testable import GongshiKit

@Suite("Atom feeds")
struct AtomFeedTests {
    static func entry(_ number: Int, day: Int) -> AtomFeed.Entry {
        AtomFeed.Entry(
            title: "事项 \(number)", url: "https://example.org/disclosures/d\(number)/", date: Day(year: 2026, month: 1 + day / 28, day: 1 + day % 28)!,
            category: nil, summary: "摘要 & 说明", contentHTML: "<p>正文</p>")
    }

    @Test func feedsKeepTheNewestEntriesNewestFirst() {
        // 120 entries over 60 days, two a day, given oldest first.
        let entries = (0..<120).map { Self.entry($0, day: $0 / 2) }
        let kept = FeedMaker.newest(entries)
        #expect(kept.count == FeedMaker.entryLimit)
        #expect(kept.first?.date == Day(year: 2026, month: 3, day: 4), "day 59 is the newest")
        #expect(zip(kept, kept.dropFirst()).allSatisfy { $0.date >= $1.date })
        let oldestKept = kept.last!.date
        #expect(entries.filter { $0.date > oldestKept }.allSatisfy { e in kept.contains { $0.url == e.url } }, "nothing newer is dropped")
        #expect(FeedMaker.newest(Array(entries.prefix(3))).count == 3, "a short feed keeps everything")
    }

    @Test func sameDayEntriesAreOrderedByURL() {
        let kept = FeedMaker.newest([Self.entry(2, day: 5), Self.entry(1, day: 5)])
        #expect(kept.map(\.url) == ["https://example.org/disclosures/d1/", "https://example.org/disclosures/d2/"])
    }

    @Test func feedXMLEscapesTextAndBody() {
        let feed = AtomFeed(
            title: "街道 <党务>", subtitle: "公开", selfURL: "https://example.org/feeds/a.xml", pageURL: "https://example.org/",
            author: "街道党工委", fallbackDate: Day(year: 2026, month: 11, day: 1)!, entries: [Self.entry(1, day: 0)])
        let xml = feed.xml
        #expect(xml.contains("<title>街道 &lt;党务&gt;</title>"))
        #expect(xml.contains("<summary>摘要 &amp; 说明</summary>"))
        #expect(xml.contains("<content type=\"html\">&lt;p&gt;正文&lt;/p&gt;</content>"))
        #expect(xml.contains("<updated>2026-01-01T00:00:00+08:00</updated>"))
    }

    @Test func summaryOnlyFeedQuotesTheBodysOpeningInsteadOfCarryingIt() {
        let body = "<h2>具体内容</h2>\n<p>第一段 &amp; <strong>重点</strong>。</p>\n<ul>\n<li>Plan A</li>\n<li>Plan B</li>\n</ul>\n"
        let entry = AtomFeed.Entry(
            title: "事项", url: "https://example.org/disclosures/d1/", date: Day(year: 2026, month: 1, day: 1)!, category: nil,
            summary: "金桥社区党支部 · 党费管理", contentHTML: body)
        var feed = AtomFeed(
            title: "金桥", subtitle: "公开", selfURL: "https://example.org/branches/b/feed.xml", pageURL: "https://example.org/",
            author: "街道党工委", fallbackDate: Day(year: 2026, month: 11, day: 1)!, entries: [entry])
        #expect(feed.xml.contains("<content type=\"html\">"), "full text by default")
        feed.fullText = false
        let xml = feed.xml
        #expect(!xml.contains("<content"))
        #expect(xml.contains("<summary>金桥社区党支部 · 党费管理：具体内容 第一段 &amp; 重点。 Plan A Plan B</summary>"), "\(xml)")
        #expect(xml.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/disclosures/d1/\"/>"))
    }

    @Test func summaryThatIsTheBodysOpeningIsNotRepeated() {
        func entry(_ summary: String, _ body: String?) -> AtomFeed.Entry {
            AtomFeed.Entry(
                title: "t", url: "https://example.org/e/", date: Day(year: 2026, month: 1, day: 1)!, category: nil, summary: summary,
                contentHTML: body)
        }
        #expect(AtomFeed.summary(entry("修通了村组道路。", "<p>修通了村组道路。</p>\n<p>受益群众 600 余人。</p>")) == "修通了村组道路。 受益群众 600 余人。")
        #expect(AtomFeed.summary(entry("共 3 项承诺，已兑现 1 项", nil)) == "共 3 项承诺，已兑现 1 项")
        #expect(AtomFeed.summary(entry("金桥社区党支部 · 其他", "<p>正文</p>")) == "金桥社区党支部 · 其他：正文")
        #expect(AtomFeed.summary(entry("", "<p>正文</p>")) == "正文")
    }

    @Test func excerptStopsAtTheLimitAndKeepsWordsApart() {
        let long = "<p>" + String(repeating: "党", count: AtomFeed.excerptLength + 5) + "</p>"
        #expect(AtomFeed.excerpt(of: long) == String(repeating: "党", count: AtomFeed.excerptLength) + "…")
        let exact = "<p>" + String(repeating: "党", count: AtomFeed.excerptLength) + "</p>\n"
        #expect(AtomFeed.excerpt(of: exact) == String(repeating: "党", count: AtomFeed.excerptLength), "nothing cut, no …")
        #expect(AtomFeed.excerpt(of: "<p>one<br />\ntwo</p><p>three</p>") == "one two three")
        #expect(AtomFeed.excerpt(of: "<h2>标题</h2>\n<p>一行\n二行<em>强调</em>。</p><p>三段</p>") == "标题 一行二行强调。 三段")
        #expect(AtomFeed.excerpt(of: "<p><a href=\"x?a=1&amp;b=2\">链接</a> &lt;b&gt; &quot;引&quot; &#39;号&#39;</p>") == "链接 <b> \"引\" '号'")
        #expect(AtomFeed.excerpt(of: "") == "")
    }
}
