import Foundation

/// One output file, ready to write.
public struct RenderedPage: Sendable {
    /// Relative to the output dir, `/`-separated.
    public let path: String
    public let contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) { self.init(path: path, contents: Data(text.utf8)) }
}

/// The pages of one build: those rendered now, those unchanged since the published site, and every page's key.
public struct RenderPlan: Sendable {
    public var rendered: [RenderedPage] = []
    /// Paths whose key equals the published page's: the file is reused as it is.
    public var reused: [String] = []
    /// Path → cache key (SHA-256 of version, templates and the page's full context).
    public var keys: [String: String] = [:]
}

/// Renders every page of the model through the templates, skipping pages whose inputs did not change.
public struct PageRenderer: Sendable {
    let templates: TemplateLibrary

    public init(templates: TemplateLibrary) { self.templates = templates }

    /// Every page of the site, in a stable order (no reuse).
    public func renderAll(_ model: SiteModel, stats: Statistics) -> [RenderedPage] {
        plan(model, stats: stats, previous: nil).rendered
    }

    /// Renders the pages whose key differs from `previous` (path → key of the published page).
    /// A page's bytes depend only on its template set and its context, so an equal key means equal bytes.
    public func plan(_ model: SiteModel, stats: Statistics, previous: [String: String]?) -> RenderPlan {
        var plan = RenderPlan()
        var paths: [String] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func add(_ route: Route, _ template: String, _ context: some Encodable) {
            let path = route.outputPath
            paths.append(path)
            var hasher = SHA256()
            hasher.update(Data("\(GongshiVersion.current)\0\(templates.digest)\0\(template)\0".utf8))
            // Encoding cannot fail for these plain value types; an empty encoding only forces a re-render.
            hasher.update((try? encoder.encode(context)) ?? Data())
            let key = hasher.finalizeHex()
            plan.keys[path] = key
            if let previous, previous[path] == key {
                plan.reused.append(path)
            } else {
                plan.rendered.append(RenderedPage(path: path, text: templates.render(context, template: template)))
            }
        }
        add(.home, "home", HomeContext(model: model, stats: stats))
        add(.branchIndex, "branches", BranchIndexContext(model: model))
        for branch in model.branches {
            add(.branch(branch.id), "branch", BranchContext(model: model, branch: branch))
        }
        add(.promiseBoard, "promises", PromiseBoardContext(model: model, branch: nil))
        for id in Set(model.promises.map(\.branch)).sorted() {
            add(.promisesOfBranch(id), "promises", PromiseBoardContext(model: model, branch: id))
        }
        for letter in model.promises {
            add(.promise(letter.id), "promise", PromiseContext(model: model, letter: letter))
        }
        add(.disclosureIndex, "disclosures", DisclosureIndexContext(model: model, category: nil))
        for category in model.config.allCategories {
            let slug = CategorySlug.slug(for: category, config: model.config)
            add(.disclosureCategory(slug), "disclosures", DisclosureIndexContext(model: model, category: category))
        }
        for item in model.disclosures {
            add(.disclosure(item.id), "disclosure", DisclosureContext(model: model, item: item))
        }
        add(.exampleIndex, "examples", ExampleIndexContext(model: model))
        for example in model.examples {
            add(.example(example.id), "example", ExampleContext(model: model, example: example))
        }
        add(.stats, "stats", StatsContext(model: model, stats: stats))
        for page in model.pages {
            add(.page(page.id), "page", FreePageContext(model: model, page: page))
        }
        add(.notFound, "404", NotFoundContext(model: model))
        plan.rendered.append(RenderedPage(path: Route.sitemap.outputPath, text: Self.sitemap(paths, baseURL: model.config.baseURL)))
        return plan
    }

    /// `sitemap.xml` of every HTML page except 404, sorted by URL.
    static func sitemap(_ paths: [String], baseURL: String) -> String {
        let urls = paths.filter { $0.hasSuffix("index.html") }.map { String($0.dropLast("index.html".count)) }.sorted()
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in urls { xml += "  <url><loc>\((baseURL + url).xmlEscaped)</loc></url>\n" }
        return xml + "</urlset>\n"
    }
}
