/// 首页: what is new, headline figures, the organisation tree.
struct HomeContext: Encodable, Sendable {
    let frame: PageFrame
    let disclosures: [Rows.Disclosure]
    let examples: [Rows.Example]
    let headline: [Headline]
    let nodes: [Rows.TreeNode]
    let disclosuresHref, examplesHref, statsHref, branchesHref: String
    let pages: [PageFrame.Link]

    struct Headline: Encodable, Sendable {
        let label, value, note, href: String
    }

    init(model: SiteModel, stats: Statistics) {
        let route = Route.home
        let rows = Rows(model: model, route: route)
        frame = PageFrame(
            model: model, route: route, title: model.config.title,
            description: "\(model.config.title)：组织概况、党员承诺践诺、党务公开和典型事例。", section: .home, trail: [],
            feeds: [("党务公开", .disclosureFeed), ("典型事例", .exampleFeed)])
        disclosures = model.disclosures.prefix(6).map(rows.disclosure)
        examples = model.examples.prefix(3).map(rows.example)
        headline = [
            Headline(label: "基层党组织", value: "\(stats.organisations) 个", note: "党员 \(stats.members) 名", href: rows.href(.branchIndex)),
            Headline(
                label: "\(stats.promiseYear)年承诺兑现率", value: stats.fulfilment.percentText,
                note: Indicator.fulfilment.meaning(of: stats.fulfilment), href: rows.href(.stats)),
            Headline(label: "逾期未兑现", value: "\(stats.overdue.count) 项", note: "进行中且已过承诺期限", href: rows.href(.stats)),
            Headline(label: "党务公开事项", value: "\(stats.disclosures) 项", note: "经审核、审批后向社会公开", href: rows.href(.disclosureIndex)),
        ]
        nodes = rows.tree(model.tree.roots)
        disclosuresHref = rows.href(.disclosureIndex)
        examplesHref = rows.href(.exampleIndex)
        statsHref = rows.href(.stats)
        branchesHref = rows.href(.branchIndex)
        pages = model.pages.map { PageFrame.Link(label: $0.title, href: rows.href(.page($0.id)), current: false) }
    }
}

/// A free page (关于本站, 办事指南).
struct FreePageContext: Encodable, Sendable {
    let frame: PageFrame
    let bodyHTML: String

    init(model: SiteModel, page: FreePage) {
        frame = PageFrame(
            model: model, route: .page(page.id), title: page.title, description: page.title, section: nil, trail: [],
            image: Rows.sharedImage([], body: page.bodyHTML, images: page.bodyImages))
        bodyHTML = Rows(model: model, route: .page(page.id)).body(page.bodyHTML, images: page.bodyImages)
    }
}

/// 404 page; links go through `base_url` because it is served at any path.
struct NotFoundContext: Encodable, Sendable {
    let frame: PageFrame
    let branchesHref, disclosuresHref: String

    init(model: SiteModel) {
        frame = PageFrame(model: model, route: .notFound, title: "页面不存在", description: "页面不存在", section: nil, trail: [])
        let rows = Rows(model: model, route: .notFound)
        branchesHref = rows.href(.branchIndex)
        disclosuresHref = rows.href(.disclosureIndex)
    }
}
