/// Display rows shared by several page kinds; every href is relative to the page being rendered.
struct Rows {
    let model: SiteModel
    let route: Route

    func href(_ target: Route) -> String { route.href(to: target, baseURL: model.config.baseURL) }

    struct Disclosure: Encodable, Sendable {
        let title, href, date, category, categoryHref, branchName, branchHref: String
        let notice: String?
        let noticeActive: Bool
    }

    struct Letter: Encodable, Sendable {
        let href, promiser, role, branchName, branchHref, published: String
        let post: String?
        let year: Int
        let items: [Item]
        let itemCount, fulfilledCount, overdueCount: Int
    }

    struct Item: Encodable, Sendable {
        let text, service, due, status, statusClass: String
        let overdue: Bool
        let done: String?
        let note: String?
    }

    struct Example: Encodable, Sendable {
        let title, href, date, branchName, branchHref, summary: String
        let field: String?
        let service: String?
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
            notice: d.noticeStatus(asOf: model.asOf), noticeActive: d.noticeStatus(asOf: model.asOf) == "公示中")
    }

    func letter(_ l: PromiseLetter) -> Letter {
        let items = l.items.map(item)
        return Letter(
            href: href(.promise(l.id)), promiser: l.promiser, role: l.role == .branch ? "党组织" : l.role.rawValue, branchName: branchName(l.branch),
            branchHref: href(.branch(l.branch)), published: l.published.description, post: l.post, year: l.year,
            items: items, itemCount: items.count, fulfilledCount: l.items.filter { $0.status == .fulfilled }.count,
            overdueCount: items.filter(\.overdue).count)
    }

    func item(_ i: PromiseItem) -> Item {
        let status = i.displayStatus(asOf: model.asOf)
        let classes = ["已兑现": "done", "进行中": "progress", "逾期": "overdue", "延期": "postponed", "未兑现": "failed"]
        return Item(
            text: i.text, service: i.service.rawValue, due: i.due.description, status: status,
            statusClass: classes[status] ?? "progress", overdue: i.isOverdue(asOf: model.asOf),
            done: i.done?.description, note: i.note)
    }

    func example(_ e: GongshiKit.Example) -> Example {
        Example(
            title: e.title, href: href(.example(e.id)), date: e.date.description, branchName: branchName(e.branch),
            branchHref: href(.branch(e.branch)), summary: e.displaySummary, field: model.field(of: e)?.rawValue,
            service: e.service?.rawValue)
    }

    /// The organisation tree below `roots`, marking `current`.
    func tree(_ roots: [String], current: String? = nil) -> [TreeNode] {
        roots.compactMap { id in
            guard let b = model.branchByID[id] else { return nil }
            let nodes = tree(model.tree.children[id] ?? [], current: current)
            return TreeNode(
                name: b.name, type: b.type.rawValue, href: href(.branch(id)), members: b.members, current: id == current,
                nodes: nodes, hasChildren: !nodes.isEmpty)
        }
    }
}
