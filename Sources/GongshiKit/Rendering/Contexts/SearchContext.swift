/// /search/: the search form; results come from `assets/search.js` over the static index under `search/`.
struct SearchContext: Encodable, Sendable {
    let frame: PageFrame
    let searchScriptHref: String
    /// Where the index files are, relative to this page.
    let indexHref: String
    /// For readers without JavaScript: the lists to browse instead.
    let lists: [PageFrame.Link]

    init(model: SiteModel) {
        let rows = Rows(model: model, route: .search)
        frame = PageFrame(model: model, route: .search, title: "搜索", description: "搜索本站的党务公开事项、承诺、典型事例和组织。", section: nil, trail: [])
        searchScriptHref = rows.href(.asset("search.js"))
        indexHref = rows.href(.search)
        let categories = model.config.allCategories.map { name in
            ("党务公开：\(name)", Route.disclosureCategory(CategorySlug.slug(for: name, config: model.config)))
        }
        lists = ([("承诺栏", Route.promiseBoard), ("党务公开（全部）", .disclosureIndex)] + categories + [("典型事例", .exampleIndex), ("组织概况", .branchIndex)])
            .map { PageFrame.Link(label: $0.0, href: rows.href($0.1), current: false) }
    }
}
