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
    /// Whether entries carry their whole body as `content`. Without it an entry's `summary` also gives the body's
    /// opening (`excerptLength` characters of its text) and the reader follows the link for the rest.
    var fullText = true

    /// Characters of body text a summary-only entry quotes.
    static let excerptLength = 80

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
            if fullText {
                out += "<summary>\(entry.summary.xmlEscaped)</summary>\n"
                if let html = entry.contentHTML { out += "<content type=\"html\">\(html.xmlEscaped)</content>\n" }
            } else {
                out += "<summary>\(Self.summary(entry).xmlEscaped)</summary>\n"
            }
            out += "</entry>\n"
        }
        return out + "</feed>\n"
    }

    /// A summary-only entry's text: its summary, then the body's opening; just the opening when the summary is
    /// the body's first sentences already (an example without a written summary shows its first paragraph).
    static func summary(_ entry: Entry) -> String {
        let excerpt = entry.contentHTML.map { Self.excerpt(of: $0) } ?? ""
        if excerpt.isEmpty { return entry.summary }
        if entry.summary.isEmpty || excerpt.hasPrefix(entry.summary) { return excerpt }
        return "\(entry.summary)：\(excerpt)"
    }

    /// The first `excerptLength` characters of the text of cmark's HTML, with "…" when there is more. A block
    /// boundary (heading, paragraph, list item) becomes one space, as does a whitespace run, except a line break
    /// between two Chinese characters; inline tags vanish.
    /// cmark escapes only `&`, `<`, `>` and `"` in text, and attribute values sit inside tags, which are dropped.
    static func excerpt(of html: String) -> String {
        var text = ""
        var pendingBlock = false, pendingSpace = false
        var count = 0
        var scalars = html.unicodeScalars[...]
        while let c = scalars.popFirst() {
            if c == "<" {
                let end = scalars.firstIndex(of: ">") ?? scalars.endIndex
                let tag = scalars[..<end].drop { $0 == "/" }
                let name = String(String.UnicodeScalarView(tag.prefix { $0 != " " && $0 != "/" && $0 != "\n" }))
                if blockTags.contains(name.lowercased()) { pendingBlock = true }
                scalars = end < scalars.endIndex ? scalars[scalars.index(after: end)...] : scalars[end...]
                continue
            }
            if c == " " || c == "\n" || c == "\t" || c == "\r" {
                pendingSpace = true
                continue
            }
            var character = Character(c)
            if c == "&", let end = scalars.prefix(5).firstIndex(of: ";"),
                let decoded = entities[String(String.UnicodeScalarView(scalars[..<end]))]
            {
                character = decoded
                scalars = scalars[scalars.index(after: end)...]
            }
            if count == excerptLength { return text + "…" }
            if let last = text.last, pendingBlock || pendingSpace && !(isCJK(last) && isCJK(character)) { text.append(" ") }
            (pendingBlock, pendingSpace) = (false, false)
            text.append(character)
            count += 1
        }
        return text
    }

    private static let blockTags: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "br", "blockquote", "pre", "table", "tr", "td", "th", "hr",
        "div",
    ]
    private static let entities: [String: Character] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "#39": "'"]

    /// Chinese characters and full-width punctuation, between which a line break is no space.
    private static func isCJK(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        return (0x2E80...0x9FFF).contains(value) || (0xFF00...0xFFEF).contains(value)
    }
}
