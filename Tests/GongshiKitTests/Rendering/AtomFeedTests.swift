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
}
