/// What the shared layout shows on every page: header, navigation, breadcrumbs, footer.
struct PageFrame: Encodable, Sendable {
    struct Link: Encodable, Sendable {
        let label: String
        let href: String
        let current: Bool
    }

    let lang: String
    let siteTitle: String
    let pageTitle: String
    let documentTitle: String
    let description: String
    let homeHref: String
    let stylesheetHref: String
    let scriptHref: String
    let searchHref: String
    /// Absolute URL of this page (Open Graph, canonical); nil on the 404 page, which has no address of its own.
    let canonicalURL: String?
    /// `website` on the home page, `article` elsewhere (Open Graph).
    let ogType: String
    /// Atom feeds announced with `<link rel="alternate">`.
    let feeds: [Link]
    let nav: [Link]
    let breadcrumbs: [Link]
    let hasBreadcrumbs: Bool
    /// Lets the stylesheet treat the home page differently without guessing from the markup.
    let isHome: Bool
    let organizer: String?
    let icp: String?
    let contact: String?
    let asOf: String
    let asOfISO: String
    /// Open Graph image (WeChat and other shares): the page's own photo, else the site's logo; nil without either.
    let ogImage: OpenGraphImage?
    /// The favicon (`<link rel="icon">`), made from `logo`; nil without it.
    let icon: Icon?

    struct OpenGraphImage: Encodable, Sendable {
        /// Absolute: a share is read from another site.
        let url: String
        let width, height: Int
        let alt: String
    }

    struct Icon: Encodable, Sendable {
        let href, type: String
    }

    static let sections: [(String, Route)] = [
        ("首页", .home), ("组织概况", .branchIndex), ("承诺栏", .promiseBoard), ("党务公开", .disclosureIndex),
        ("典型事例", .exampleIndex), ("统计", .stats),
    ]

    /// `trail` lists the ancestors between home and this page.
    init(
        model: SiteModel, route: Route, title: String, description: String, section: Route?, trail: [(String, Route)],
        feeds: [(String, Route)] = [], image: ImageFile? = nil
    ) {
        let config = model.config
        let href = { (target: Route) in route.href(to: target, baseURL: config.baseURL) }
        lang = config.language
        siteTitle = config.title
        pageTitle = title
        documentTitle = route == .home ? config.title : "\(title) - \(config.title)"
        self.description = description
        homeHref = href(.home)
        stylesheetHref = href(.asset("site.css"))
        scriptHref = href(.asset("site.js"))
        searchHref = href(.search)
        canonicalURL = route == .notFound ? nil : route.absoluteURL(baseURL: config.baseURL)
        ogType = route == .home ? "website" : "article"
        self.feeds = feeds.map { Link(label: $0.0, href: href($0.1), current: false) }
        nav = Self.sections.map { Link(label: $0.0, href: href($0.1), current: $0.1 == section) }
        let crumbs = route == .home ? [] : [("首页", Route.home)] + trail
        breadcrumbs = crumbs.map { Link(label: $0.0, href: href($0.1), current: false) } + [Link(label: title, href: "", current: true)]
        hasBreadcrumbs = route != .home
        isHome = route == .home
        organizer = config.organizer
        icp = config.icp
        contact = config.contact
        asOf = model.asOf.chinese
        asOfISO = model.asOf.description
        ogImage = (image ?? config.logoFile).map {
            OpenGraphImage(
                url: Route.media($0.large.name).absoluteURL(baseURL: config.baseURL), width: $0.large.width, height: $0.large.height, alt: $0.caption)
        }
        icon = config.favicon.map { Icon(href: href($0.route), type: Self.mediaType(of: $0.name)) }
    }

    /// The MIME type of a published version, from its name's extension.
    static func mediaType(of name: String) -> String {
        switch name.split(separator: ".").last?.lowercased() {
        case "png": return "image/png"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        default: return "image/jpeg"
        }
    }
}
