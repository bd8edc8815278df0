/// One publishable record as the search index sees it: its plain text, its page and the facets it is filtered by.
public struct SearchDocument: Sendable, Hashable {
    /// The kinds of record, in the order the search page lists them: 承诺书, 党务公开事项, 典型事例, 支部概况.
    public static let kinds = ["承诺", "公开", "典型", "支部"]

    /// Stable within its kind (the record's `id`, prefixed by kind if ids can collide); breaks ranking ties.
    public let id: String
    /// One of `SearchDocument.kinds`.
    public let kind: String
    public let title: String
    /// Plain text of the page body, no HTML: made from the record's HTML each time it is asked for (three times a
    /// build), so the index build does not hold a second copy of every body (25 MB for 1000 organisations).
    public var text: String {
        switch body {
        case .plain(let text): text
        case .html(let prefix, let html, let suffix): prefix + PlainText.from(html: html) + (suffix.isEmpty ? "" : "\n" + suffix)
        }
    }

    enum Body: Sendable, Hashable {
        case plain(String)
        /// Plain text, the text of HTML, then plain text again.
        case html(prefix: String, String, suffix: String = "")
    }

    let body: Body
    /// Relative to the site root, e.g. `disclosures/x/`.
    public let url: String
    public let branchID: String
    public let branchName: String
    /// The date results are ranked by (newer first).
    public let date: Day
    /// The year the year filter matches: a promise letter's 年度, otherwise usually `date.year`.
    public let year: Int

    /// A document; `year` defaults to the year of `date`.
    public init(
        id: String, kind: String, title: String, text: String, url: String, branchID: String, branchName: String, date: Day,
        year: Int? = nil
    ) {
        self.init(id: id, kind: kind, title: title, body: .plain(text), url: url, branchID: branchID, branchName: branchName, date: date, year: year)
    }

    init(id: String, kind: String, title: String, body: Body, url: String, branchID: String, branchName: String, date: Day, year: Int? = nil) {
        self.id = id
        self.kind = kind
        self.title = title
        self.body = body
        self.url = url
        self.branchID = branchID
        self.branchName = branchName
        self.date = date
        self.year = year ?? date.year
    }
}
