import Foundation

extension PageRenderer {
    /// Atom feeds: all disclosures, all examples, and one per organisation. An entry holds its item's body, so a
    /// feed reads the full versions of its items.
    func addFeeds(_ model: SiteModel, to builder: inout PlanBuilder) {
        let feeds = FeedMaker(model: model)
        let v = builder.versions
        func add(_ route: Route, _ feed: @escaping @Sendable () -> AtomFeed, dependencies: @escaping @Sendable () -> [String]) {
            builder.add(PageDescriptor(path: route.outputPath, kind: "atom", dependencies: { [v.site] + dependencies() }) { Data(feed().xml.utf8) })
        }
        add(.disclosureFeed, feeds.disclosures) { [v.directory] + ModelVersions.list("disclosures", v.disclosures.map(\.full)) }
        add(.exampleFeed, feeds.examples) { ModelVersions.list("examples", v.examples.map(\.full)) }
        for branch in model.branches {
            add(.branchFeed(branch.id), { feeds.branch(branch) }) {
                let id = branch.id
                return [v.entry(id)] + ModelVersions.list("disclosures", (v.disclosuresByBranch[id] ?? []).map(\.full))
                    + ModelVersions.list("examples", (v.examplesByBranch[id] ?? []).map(\.full))
                    + ModelVersions.list("letters", (v.lettersByBranch[id] ?? []).map(\.listed))
            }
        }
    }
}

/// Builds the feeds from the publishable model only.
struct FeedMaker {
    let model: SiteModel

    /// Entries per feed: a feed reader polls for what is new, and the pages list everything. The whole-site
    /// disclosure feed of 1000 organisations held every body, 34 MB, too much for a phone and 5 % of a build.
    static let entryLimit = 50

    /// The newest `entryLimit` entries, newest first (same day: by URL).
    static func newest(_ entries: [AtomFeed.Entry]) -> [AtomFeed.Entry] {
        Array(entries.sorted { ($1.date, $0.url) < ($0.date, $1.url) }.prefix(entryLimit))
    }

    var base: String { model.config.baseURL }
    var author: String { model.config.organizer ?? model.config.title }

    func url(_ route: Route) -> String { route.absoluteURL(baseURL: base) }

    /// A body as an entry holds it: its images as the page shows them, with absolute addresses (a reader shows the
    /// entry away from the site).
    func body(_ html: String, images: [String: ImageFile]) -> String {
        BodyImageMarkup.apply(html, images: images) { url($0.route) }
    }

    func entry(_ item: Disclosure) -> AtomFeed.Entry {
        let branch = model.branchByID[item.branch]?.name ?? item.branch
        return AtomFeed.Entry(
            title: item.title, url: url(.disclosure(item.id)), date: item.published, category: item.category,
            summary: "\(branch) · \(item.category)", contentHTML: body(item.bodyHTML, images: item.bodyImages))
    }

    func entry(_ example: Example) -> AtomFeed.Entry {
        AtomFeed.Entry(
            title: example.title, url: url(.example(example.id)), date: example.date, category: "典型事例",
            summary: example.displaySummary, contentHTML: body(example.bodyHTML, images: example.bodyImages))
    }

    func entry(_ letter: PromiseLetter) -> AtomFeed.Entry {
        let done = letter.items.filter { $0.status == .fulfilled }.count
        return AtomFeed.Entry(
            title: "\(letter.promiser)的\(letter.year)年承诺书", url: url(.promise(letter.id)), date: letter.published, category: "承诺",
            summary: "共 \(letter.items.count) 项承诺，已兑现 \(done) 项", contentHTML: nil)
    }

    /// One entry per 践诺 record of the letter, dated the record's date; its address (and so its id) is the
    /// record's anchor on the letter's page, so a subscriber sees each record once however many are added later.
    func progressEntries(_ letter: PromiseLetter) -> [AtomFeed.Entry] {
        let page = url(.promise(letter.id))
        return zip(letter.items, ProgressAnchors.make(letter)).flatMap { item, anchors in
            zip(item.entriesNewestFirst, anchors).map { entry, anchor in
                let count = entry.count.map { "（本次 \($0)\(item.target.map { " \($0.unit)" } ?? "")）" } ?? ""
                return AtomFeed.Entry(
                    title: "\(letter.promiser)践诺：\(item.text)", url: "\(page)#\(anchor)", date: entry.date, category: "践诺",
                    summary: "\(entry.text)\(count)", contentHTML: nil)
            }
        }
    }

    func disclosures() -> AtomFeed {
        AtomFeed(
            title: "\(model.config.title)：党务公开", subtitle: "经审核、审批后向社会公开的党务事项", selfURL: url(.disclosureFeed),
            pageURL: url(.disclosureIndex), author: author, fallbackDate: model.asOf, entries: Self.newest(model.disclosures.map(entry)))
    }

    func examples() -> AtomFeed {
        AtomFeed(
            title: "\(model.config.title)：典型事例", subtitle: "基层服务型党组织建设的典型事例", selfURL: url(.exampleFeed),
            pageURL: url(.exampleIndex), author: author, fallbackDate: model.asOf, entries: Self.newest(model.examples.map(entry)))
    }

    /// The organisation's disclosures, examples, promise letters and their 践诺 records, newest first, as summaries that link to the
    /// pages: every new item still reaches the subscriber, and 1000 organisations' full-text feeds were 39 MB.
    func branch(_ branch: Branch) -> AtomFeed {
        let entries =
            (model.disclosuresByBranch[branch.id] ?? []).map(entry) + (model.examplesByBranch[branch.id] ?? []).map(entry)
            + (model.promisesByBranch[branch.id] ?? []).flatMap { [entry($0)] + progressEntries($0) }
        return AtomFeed(
            title: "\(branch.name)：党务公开、承诺和典型事例", subtitle: model.config.title, selfURL: url(.branchFeed(branch.id)),
            pageURL: url(.branch(branch.id)), author: author, fallbackDate: model.asOf,
            entries: Self.newest(entries), fullText: false)
    }
}
