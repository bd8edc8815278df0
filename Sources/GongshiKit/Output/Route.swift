/// Every page of the site. The only place output paths and URLs are computed.
public enum Route: Sendable, Hashable {
    case home
    case branchIndex, branch(String)
    case promiseBoard, promisesOfBranch(String), promise(String)
    case disclosureIndex, disclosureCategory(String), disclosure(String)
    case exampleIndex, example(String)
    case stats
    case page(String)
    case notFound
    case asset(String)
    case sitemap, robots
    case search
    case poster(String)
    case disclosureFeed, exampleFeed, branchFeed(String)
    case branchStats(String)
    case statsDefinitions
    /// A copied attachment: the item's page, then `attachments/<safe name>`.
    indirect case attachment(Route, String)
    /// A processed photo (`ImageVariant.name`): one folder for the whole site, so the same photo is published once.
    case media(String)

    /// URL relative to the site root: `branches/x/` for pages, the file name for files.
    public var url: String {
        switch self {
        case .home: return ""
        case .branchIndex: return "branches/"
        case .branch(let id): return "branches/\(id)/"
        case .promiseBoard: return "promises/"
        case .promisesOfBranch(let id): return "promises/by-branch/\(id)/"
        case .promise(let id): return "promises/\(id)/"
        case .disclosureIndex: return "disclosures/"
        case .disclosureCategory(let slug): return "disclosures/category/\(slug)/"
        case .disclosure(let id): return "disclosures/\(id)/"
        case .exampleIndex: return "examples/"
        case .example(let id): return "examples/\(id)/"
        case .stats: return "stats/"
        case .page(let id): return "pages/\(id)/"
        case .notFound: return "404.html"
        case .asset(let name): return "assets/\(name)"
        case .sitemap: return "sitemap.xml"
        case .robots: return "robots.txt"
        case .search: return "search/"
        case .poster(let id): return "branches/\(id)/print/"
        case .disclosureFeed: return "feeds/disclosures.xml"
        case .exampleFeed: return "feeds/examples.xml"
        case .branchFeed(let id): return "branches/\(id)/feed.xml"
        case .branchStats(let id): return "branches/\(id)/stats/"
        case .statsDefinitions: return "stats/definitions/"
        case .attachment(let page, let name): return "\(page.url)attachments/\(name)"
        case .media(let name): return "media/\(name)"
        }
    }

    /// The file written for this route, relative to the output dir.
    public var outputPath: String { url.isEmpty || url.hasSuffix("/") ? url + "index.html" : url }

    /// Folder depth of the page, for relative links.
    var depth: Int { outputPath.split(separator: "/").count - 1 }

    /// A link from the page at `self` to `target`: relative, so the site works under any path prefix
    /// and from disk. The 404 page is served at arbitrary paths, so it links absolutely through `base_url`.
    public func href(to target: Route, baseURL: String) -> String {
        if self == .notFound { return baseURL + target.url }
        let prefix = String(repeating: "../", count: depth)
        let relative = prefix + target.url
        return relative.isEmpty ? "./" : relative
    }

    /// The absolute URL, for the sitemap.
    public func absoluteURL(baseURL: String) -> String { baseURL + url }
}

/// URL slugs of disclosure categories: fixed for the built-in ones, `custom-N` for `site.yaml`'s N-th extra.
public enum CategorySlug {
    static let builtin = [
        "决策部署": "juece-bushu", "组织建设": "zuzhi-jianshe", "组织生活": "zuzhi-shenghuo",
        "党费管理": "dangfei-guanli", "服务群众": "fuwu-qunzhong", "其他": "qita",
    ]

    public static func slug(for category: String, config: SiteConfig) -> String {
        if let slug = builtin[category] { return slug }
        let extras = config.allCategories.filter { builtin[$0] == nil }
        return "custom-\((extras.firstIndex(of: category) ?? 0) + 1)"
    }
}
