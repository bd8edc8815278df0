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

/// The pages of one build: files ready now (the theme's assets), files unchanged since the published site, and the
/// files whose work is deferred to the publisher (`jobs`, one per `PageDescriptor`), which keys, renders and writes
/// them in parallel.
public struct RenderPlan: Sendable {
    public var rendered: [RenderedPage] = []
    /// Paths whose key equals the published page's: the file is reused as it is.
    public var reused: [String] = []
    /// Path → cache key (`PageDescriptor.key`: the versions of what the file reads) of the ready and reused files;
    /// the jobs report theirs when they run.
    public var keys: [String: String] = [:]
    /// Files still to be keyed and, when their key changed, made.
    var jobs: [PageJob] = []
    /// Families of files produced together (the search index), run beside the jobs.
    var groups: [GroupJob] = []
    /// The keys of the published site, for the jobs to compare against.
    var previousKeys: [String: String]?

    public init(rendered: [RenderedPage] = [], reused: [String] = []) {
        self.rendered = rendered
        self.reused = reused
    }

    /// Runs the jobs in memory (for tests and tools that want every page's bytes).
    public func materialized() -> RenderPlan {
        let previousKeys = self.previousKeys
        let results = jobs.concurrentMap { $0.run(previousKeys?[$0.path]) }
        var plan = RenderPlan(rendered: rendered, reused: reused)
        plan.keys = keys
        for (job, (key, contents)) in zip(jobs, results) {
            plan.keys[job.path] = key
            if let contents { plan.rendered.append(RenderedPage(path: job.path, contents: contents)) } else { plan.reused.append(job.path) }
        }
        for group in groups {
            // Collecting cannot fail, so neither can the group.
            try! group.run(previousKeys) { file in
                plan.keys[file.path] = file.key
                guard file.isFile else { return }
                if let contents = file.contents {
                    plan.rendered.append(RenderedPage(path: file.path, contents: contents))
                } else {
                    plan.reused.append(file.path)
                }
            }
        }
        return plan
    }
}

/// Renders every page of the model through the templates, skipping pages whose inputs did not change.
/// Each family of pages is added in its own file (`PageRenderer+Core.swift`, `+Feeds`, `+Print`, `+Search`, `+Media`).
public struct PageRenderer: Sendable {
    let templates: TemplateLibrary

    public init(templates: TemplateLibrary) { self.templates = templates }

    /// Every page of the site, in a stable order (no reuse).
    public func renderAll(_ model: SiteModel, stats: Statistics) -> [RenderedPage] {
        plan(model, stats: stats, previous: nil).materialized().rendered
    }

    /// Plans every file of the site, each keyed by the versions of what it reads (`ModelVersions`,
    /// `PageDescriptor`): a file whose key equals `previous`'s (path → key of the published file) is reused without
    /// its context ever being made.
    /// With `searchStore`, the search index is updated from its cache and the cache saved (`SearchIndexUpdater`).
    /// The site's statistics are made only when a file that shows them is rendered; `stats` gives them ready made.
    public func plan(_ model: SiteModel, stats: Statistics? = nil, previous: [String: String]?, searchStore: SearchIndexStore? = nil) -> RenderPlan {
        plan(model, statistics: SiteStatistics(model: model, made: stats), previous: previous, searchStore: searchStore)
    }

    func plan(_ model: SiteModel, statistics stats: SiteStatistics, previous: [String: String]?, searchStore: SearchIndexStore?) -> RenderPlan {
        let versions = ModelVersions(model: model, templates: templates)
        var builder = PlanBuilder(templates: templates, versions: versions, previous: previous)
        let statsPages = StatsPlan(model: model, stats: stats, versions: versions)
        addCorePages(model, stats: stats, statsPages: statsPages, to: &builder)
        addPrintPages(model, to: &builder)
        addSearch(model, store: searchStore, to: &builder)
        addFeeds(model, to: &builder)
        addOpenData(model, statsPages: statsPages, to: &builder)
        addMedia(model, to: &builder)
        let baseURL = model.config.baseURL
        builder.add(
            PageDescriptor(path: Route.robots.outputPath, kind: "robots", dependencies: { [versions.site] }) { Data(Self.robots(baseURL: baseURL).utf8) })
        let paths = builder.paths
        builder.add(
            PageDescriptor(path: Route.sitemap.outputPath, kind: "sitemap", dependencies: { [versions.site] + paths }) {
                Data(Self.sitemap(paths, baseURL: baseURL).utf8)
            })
        return builder.finish()
    }

    /// `robots.txt`: everything may be indexed; points at the sitemap.
    static func robots(baseURL: String) -> String { "User-agent: *\nAllow: /\nSitemap: \(baseURL)sitemap.xml\n" }

    /// `sitemap.xml` of every HTML page except 404 and the print posters, sorted by URL.
    static func sitemap(_ paths: [String], baseURL: String) -> String {
        let urls = paths.filter { $0.hasSuffix("index.html") && !$0.hasSuffix("/print/index.html") }.map { String($0.dropLast("index.html".count)) }.sorted()
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in urls { xml += "  <url><loc>\((baseURL + url).xmlEscaped)</loc></url>\n" }
        return xml + "</urlset>\n"
    }
}
