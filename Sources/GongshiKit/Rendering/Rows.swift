/// Display rows shared by several page kinds; every href is relative to the page being rendered.
struct Rows {
    let model: SiteModel
    let route: Route

    func href(_ target: Route) -> String { route.href(to: target, baseURL: model.config.baseURL) }

    struct Disclosure: Encodable, Sendable {
        let title, href, date, category, categoryHref, branchName, branchHref: String
        let notice: String?
        let noticeActive: Bool
        let topic: String?
        /// 「结果已公开」 or 「结果待公开」, nil when neither applies yet.
        let outcome: String?
        let outcomePending: Bool
    }

    struct Letter: Encodable, Sendable {
        let href, promiser, role, branchName, branchHref, published: String
        let post: String?
        let year: Int
        let items: [Item]
        let itemCount, fulfilledCount, overdueCount: Int
        /// 审核: who reviewed the letter (the studio's one-step review), nil for a hand-written letter.
        let reviewed: Signoff?
    }

    /// A signoff as pages show it: the name and the day.
    struct Signoff: Encodable, Sendable {
        let by, date: String

        init(_ signoff: GongshiKit.Signoff) {
            by = signoff.by
            date = signoff.date.description
        }
    }

    struct Item: Encodable, Sendable {
        let text, service, due, status, statusClass: String
        let overdue: Bool
        let done: String?
        let note: String?
        /// Its place in the letter, from 1, and its anchor on the letter's page (`item-<number>`).
        let number: Int
        let anchor: String
        let target: Target?
        /// 最近践诺
        let latest: String?
        /// 久未更新
        let stale: Bool
        let entries: [Entry]
        /// Set when there is a target, a record or the 久未更新 mark to show next to the item.
        let hasProgress: Bool
    }

    struct Example: Encodable, Sendable {
        let title, href, date, branchName, branchHref, summary: String
        let field: String?
        let service: String?
        /// Its first photo, on its card.
        let image: Photo?
    }

    struct AttachmentLink: Encodable, Sendable {
        let title, href, type, size, sha256: String
    }

    func attachments(_ files: [AttachmentFile], of page: Route) -> [AttachmentLink] {
        files.map {
            AttachmentLink(title: $0.title, href: href(.attachment(page, $0.outputName)), type: $0.typeLabel, size: $0.sizeText, sha256: $0.sha256)
        }
    }

    struct TreeNode: Encodable, Sendable {
        let name, type, href: String
        let members: Int?
        /// 报到党员, shown apart from 党员.
        let registered: Int?
        let current: Bool
        let nodes: [TreeNode]
        /// Stored, not computed: templates see stored properties only.
        let hasChildren: Bool
    }

    func branchName(_ id: String) -> String { model.branchByID[id]?.name ?? id }

    func disclosure(_ d: GongshiKit.Disclosure) -> Disclosure {
        Disclosure(
            title: d.title, href: href(.disclosure(d.id)), date: d.published.description, category: d.category,
            categoryHref: href(.disclosureCategory(CategorySlug.slug(for: d.category, config: model.config))),
            branchName: branchName(d.branch), branchHref: href(.branch(d.branch)),
            notice: d.noticeStatus(asOf: model.asOf), noticeActive: d.noticeStatus(asOf: model.asOf) == "公示中", topic: d.topic,
            outcome: Self.outcomeState(d, model: model), outcomePending: d.outcomePending(asOf: model.asOf, dueDays: model.config.outcomeDueDays))
    }

    func letter(_ l: PromiseLetter) -> Letter {
        let items = items(of: l)
        return Letter(
            href: href(.promise(l.id)), promiser: l.promiser, role: l.role == .branch ? "党组织" : l.role.rawValue, branchName: branchName(l.branch),
            branchHref: href(.branch(l.branch)), published: l.published.description, post: l.post, year: l.year,
            items: items, itemCount: items.count, fulfilledCount: l.items.filter { $0.status == .fulfilled }.count,
            overdueCount: items.filter(\.overdue).count, reviewed: l.reviewed.map(Signoff.init))
    }

    /// The items of a letter, numbered, with their 践诺 records.
    func items(of l: PromiseLetter) -> [Item] {
        zip(l.items, ProgressAnchors.make(l)).enumerated().map { n, pair in item(pair.0, number: n + 1, published: l.published, anchors: pair.1) }
    }

    func item(_ i: PromiseItem, number: Int, published: Day, anchors: [String]) -> Item {
        let status = i.displayStatus(asOf: model.asOf)
        let classes = ["已兑现": "done", "进行中": "progress", "逾期": "overdue", "延期": "postponed", "未兑现": "failed"]
        let target = Self.target(of: i)
        let latest = i.latestProgress?.description
        let stale = i.isStale(asOf: model.asOf, published: published, staleDays: model.config.staleDays)
        return Item(
            text: i.text, service: i.service.rawValue, due: i.due.description, status: status,
            statusClass: classes[status] ?? "progress", overdue: i.isOverdue(asOf: model.asOf),
            done: i.done?.description, note: i.note, number: number, anchor: "item-\(number)", target: target, latest: latest, stale: stale,
            entries: entries(of: i, anchors: anchors), hasProgress: target != nil || latest != nil || stale)
    }

    /// What a list shows of a disclosure's 结果公开: 「结果已公开」 once it has an outcome, 「结果待公开」 when it is due.
    static func outcomeState(_ d: GongshiKit.Disclosure, model: SiteModel) -> String? {
        if d.outcome != nil { return "结果已公开" }
        return d.outcomePending(asOf: model.asOf, dueDays: model.config.outcomeDueDays) ? "结果待公开" : nil
    }

    func example(_ e: GongshiKit.Example) -> Example {
        Example(
            title: e.title, href: href(.example(e.id)), date: e.date.description, branchName: branchName(e.branch),
            branchHref: href(.branch(e.branch)), summary: e.displaySummary, field: model.field(of: e)?.rawValue,
            service: e.service?.rawValue, image: e.imageFiles.first.map { photo($0, use: .card) })
    }

    /// The organisation tree below `roots`, marking `current`.
    func tree(_ roots: [String], current: String? = nil) -> [TreeNode] {
        roots.compactMap { id in
            guard let b = model.branchByID[id] else { return nil }
            let nodes = tree(model.tree.children[id] ?? [], current: current)
            return TreeNode(
                name: b.name, type: b.type.rawValue, href: href(.branch(id)), members: b.members, registered: b.registered, current: id == current,
                nodes: nodes, hasChildren: !nodes.isEmpty)
        }
    }
}
