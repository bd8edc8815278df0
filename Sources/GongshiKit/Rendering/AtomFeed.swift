/// An Atom 1.0 feed, written by hand: a fixed shape, escaped text, no clock.
struct AtomFeed: Encodable, Sendable {
    struct Entry: Encodable, Sendable {
        let title: String
        let url: String
        let date: Day
        let category: String?
        let summary: String
        /// Rendered body HTML, sent escaped as `type="html"`.
        let contentHTML: String?
    }

    let title: String
    let subtitle: String
    /// The feed's own absolute URL.
    let selfURL: String
    /// The page the feed belongs to.
    let pageURL: String
    let author: String
    /// Used as `updated` when there are no entries.
    let fallbackDate: Day
    let entries: [Entry]

    /// Dates are published without a time; they are given as midnight China Standard Time.
    static func timestamp(_ day: Day) -> String { "\(day)T00:00:00+08:00" }

    var xml: String {
        let updated = entries.map(\.date).max() ?? fallbackDate
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
            <title>\(title.xmlEscaped)</title>
            <subtitle>\(subtitle.xmlEscaped)</subtitle>
            <link rel="self" type="application/atom+xml" href="\(selfURL.xmlEscaped)"/>
            <link rel="alternate" type="text/html" href="\(pageURL.xmlEscaped)"/>
            <id>\(selfURL.xmlEscaped)</id>
            <updated>\(Self.timestamp(updated))</updated>
            <author><name>\(author.xmlEscaped)</name></author>

            """
        for entry in entries {
            out += "<entry>\n<title>\(entry.title.xmlEscaped)</title>\n"
            out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(entry.url.xmlEscaped)\"/>\n"
            out += "<id>\(entry.url.xmlEscaped)</id>\n"
            out += "<published>\(Self.timestamp(entry.date))</published>\n<updated>\(Self.timestamp(entry.date))</updated>\n"
            if let category = entry.category { out += "<category term=\"\(category.xmlEscaped)\"/>\n" }
            out += "<summary>\(entry.summary.xmlEscaped)</summary>\n"
            if let html = entry.contentHTML { out += "<content type=\"html\">\(html.xmlEscaped)</content>\n" }
            out += "</entry>\n"
        }
        return out + "</feed>\n"
    }
}
