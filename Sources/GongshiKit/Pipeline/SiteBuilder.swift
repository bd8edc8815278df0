import Foundation

/// Runs the stages: load → validate → model → render → write.
public enum SiteBuilder {
    /// Loads and validates everything, writes nothing. Takes from the parse cache on disk what it can (unless
    /// `--clean`), but never writes it.
    public static func check(_ options: BuildOptions) -> (SiteModel?, TemplateLibrary?, [Diagnostic]) {
        let checked = check(options, cache: .disk(probe: false))
        return (checked.model, checked.templates, checked.diagnostics)
    }

    /// `check` with a parse cache kept in memory by the caller (`gongshi serve`), which is left holding this load.
    public static func check(_ options: BuildOptions, parseCache: inout ParseCache) -> (SiteModel?, TemplateLibrary?, [Diagnostic]) {
        let checked = check(options, cache: .memory(parseCache))
        if let cache = checked.parseCache { parseCache = cache }
        return (checked.model, checked.templates, checked.diagnostics)
    }

    /// `check` of the source as it would be with `overlay`'s files (path relative to the source dir → text) in
    /// place of, or in addition to, the ones on disk: the studio validates a form this way before it writes
    /// anything. Reads the parse cache on disk for the other files, writes nothing.
    public static func check(_ options: BuildOptions, overlay: [String: String]) -> (SiteModel?, TemplateLibrary?, [Diagnostic]) {
        let checked = check(options, cache: .disk(probe: false), overlay: overlay)
        return (checked.model, checked.templates, checked.diagnostics)
    }

    /// `check(_:overlay:)` with a parse cache kept in memory by the caller (the studio checks every save this
    /// way: only the changed files are parsed again). The overlay's files are never put in the cache.
    public static func check(
        _ options: BuildOptions, parseCache: inout ParseCache, overlay: [String: String]
    ) -> (SiteModel?, TemplateLibrary?, [Diagnostic]) {
        let checked = check(options, cache: .memory(parseCache), overlay: overlay)
        if let cache = checked.parseCache { parseCache = cache }
        return (checked.model, checked.templates, checked.diagnostics)
    }

    /// Where a run finds the parse cache.
    enum CacheSource {
        /// The cache directory's file (ignored with `--clean`); `probe` notes the time before loading in that
        /// directory, so the next load can trust what this one records (a `check` writes nothing, not even that).
        case disk(probe: Bool)
        case memory(ParseCache)
    }

    /// What `check` found, and the parse cache after its load.
    struct Checked {
        var model: SiteModel?
        var templates: TemplateLibrary?
        var diagnostics: [Diagnostic]
        /// Nil when `site.yaml` could not be loaded (nothing else was).
        var parseCache: ParseCache?
        var loadSeconds: Double?
        /// What the image stage did (nil when `site.yaml` could not be loaded).
        var photos: ImageStage.Outcome?
    }

    static func check(_ options: BuildOptions, cache source: CacheSource, overlay: [String: String] = [:]) -> Checked {
        let scanner = ContentScanner(sourceDirectory: options.sourceDirectory)
        var config: SiteConfig?
        var siteText: String?
        var diagnostics: [Diagnostic] = []
        switch scanner.readSiteConfig() {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            config = nil
        case .success(let text):
            let loaded = ContentLoader.loadSiteConfig(text)
            config = loaded.0
            siteText = text
            diagnostics += loaded.1
        }
        let (templates, templateDiagnostics) = TemplateLibrary.load(for: options)
        diagnostics += templateDiagnostics
        var listed = scanner.list()
        diagnostics += listed.diagnostics
        listed.entries = SourceOverlay.entries(listed.entries, adding: overlay)
        guard var config else { return Checked(templates: templates, diagnostics: PrivacyLint.masking(diagnostics).sorted) }
        var clock = PhaseClock()
        var cache = parseCache(from: source, options: options, settings: LoaderSettings(config: config))
        let start: FileTime?
        switch source {
        case .disk(probe: false): start = nil
        default: start = FileTime.now(in: options.resolvedCacheDirectory)
        }
        var content = ContentLoader.load(listed.entries, scanner: scanner, config: config, cache: &cache, start: start, overlay: overlay)
        AttachmentLoader.resolve(&content, sourceDirectory: options.sourceDirectory)
        // `check` validates every photo and writes nothing; a build and the preview encode into the cache.
        let photos = ImageStage.resolve(
            &content, config: &config, siteText: siteText, sourceDirectory: options.sourceDirectory,
            cacheDirectory: options.resolvedCacheDirectory, clean: options.clean,
            mode: { if case .disk(probe: false) = source { return .check } else { return .build(start: start) } }())
        content.diagnostics += photos.diagnostics
        let loadSeconds = clock.lap()
        let (model, assemblyDiagnostics) = SiteAssembler.assemble(content, config: config, asOf: options.asOf)
        diagnostics += content.diagnostics + assemblyDiagnostics
        diagnostics += BodyLinkChecker.diagnostics(
            model, links: content.bodyLinks, photos: photos.bodyImageURLs, planned: templates.map { plannedFiles(model, $0) })
        return Checked(
            model: model, templates: templates, diagnostics: PrivacyLint.masking(diagnostics).sorted, parseCache: cache,
            loadSeconds: loadSeconds, photos: photos)
    }

    /// The parse cache a run starts from: none with `--clean`, else the caller's or the cache directory's.
    static func parseCache(from source: CacheSource, options: BuildOptions, settings: LoaderSettings) -> ParseCache {
        if options.clean { return ParseCache(settings: settings) }
        switch source {
        case .memory(let cache): return cache
        case .disk: return ParseCache.read(from: options.resolvedCacheDirectory, source: options.sourceDirectory, settings: settings)
        }
    }

    /// Every file a build of `model` would publish, named by the renderer itself (open data, statistics files, feeds,
    /// the search index, the theme's assets), for body links into generated folders. Made only when a body link
    /// points at a file that is not a record's page or attachment.
    static func plannedFiles(_ model: SiteModel, _ templates: TemplateLibrary) -> () -> Set<String> {
        {
            let plan = PageRenderer(templates: templates).plan(model, previous: nil)
            return plan.filePaths(runningGroups: true).union(templates.assets.map(\.path)).union([Manifest.fileName])
        }
    }

    /// Takes the output's lock, checks, then renders what changed and publishes a new release.
    /// Throws `LockError` when another build holds the lock and `OutputError` when writing fails; on content
    /// errors it returns them and the published site is not touched. The parse cache is read from and saved to the
    /// cache directory (even when the content has errors, so that the next build parses only the files changed since).
    public static func build(_ options: BuildOptions) throws -> BuildOutcome {
        try build(options, cache: .disk(probe: true))
    }

    /// `build` with a parse cache kept in memory by the caller (`gongshi serve`) instead of the cache directory's
    /// file; `parseCache` is left holding this build's load, also when the build throws after loading.
    public static func build(_ options: BuildOptions, parseCache: inout ParseCache) throws -> BuildOutcome {
        var kept: ParseCache?
        defer { if let kept { parseCache = kept } }
        return try build(options, cache: .memory(parseCache)) { kept = $0 }
    }

    static func build(_ options: BuildOptions, cache source: CacheSource, loaded: (ParseCache) -> Void = { _ in }) throws -> BuildOutcome {
        let layout = ReleaseLayout(output: options.outputDirectory)
        if let problem = OutputLocation.problem(layout.output) { throw OutputError(message: problem) }
        try layout.prepare()
        let lock = try BuildLock.acquire(layout.lockFile, wait: options.lockWait)
        defer { lock.release() }
        var clock = PhaseClock()
        var checked = check(options, cache: source)
        let (model, templates, diagnostics) = (checked.model, checked.templates, checked.diagnostics)
        var outcome = BuildOutcome(diagnostics: diagnostics, withheld: model?.withheld ?? [])
        outcome.phaseSeconds["check"] = clock.lap()
        if let parseCache = checked.parseCache {
            outcome.sources = parseCache.statistics
            outcome.notes += parseCache.note.map { [$0] } ?? []
            if let loadSeconds = checked.loadSeconds { outcome.phaseSeconds["load"] = loadSeconds }
            loaded(parseCache)
            if case .disk = source {
                parseCache.save(to: options.resolvedCacheDirectory, source: options.sourceDirectory)
                outcome.phaseSeconds["saveParseCache"] = clock.lap()
            }
            // Its mapped file and pieces are not needed by the stages after this one.
            checked.parseCache = nil
        }
        if let model {
            // Loaded records, withheld ones included.
            let withheld = Dictionary(grouping: model.withheld, by: \.kind).mapValues(\.count)
            outcome.counts = [
                "branches": model.branches.count, "promises": model.promises.count + (withheld[.promises] ?? 0),
                "disclosures": model.disclosures.count + (withheld[.disclosures] ?? 0),
                "examples": model.examples.count + (withheld[.examples] ?? 0),
                "pages": model.pages.count,
            ]
        }
        // The published site's manifest is read here once, for the guard, the cache and the publisher.
        var live = PublishedSite.read(layout.output)
        guard !diagnostics.hasErrors, let model, let templates else {
            // The collapse guard's per-kind errors are reported with the others, so one run shows everything to fix.
            if let model, !options.allowShrink {
                outcome.diagnostics += ShrinkGuard.problems(published: live, model: model, plannedPages: nil).map {
                    Diagnostic(.error, "content", line: 1, $0)
                }
            }
            return outcome
        }
        let cacheDirectory = options.resolvedCacheDirectory
        var previous: [String: String]?
        if !options.clean {
            let cached = PageCache.load(from: cacheDirectory, site: &live)
            previous = cached.pages
            outcome.notes += cached.note.map { [$0] } ?? []
        }
        let searchStore = SearchIndexStore(directory: cacheDirectory, output: layout.output, reads: !options.clean)
        var plan = PageRenderer(templates: templates).plan(model, previous: previous, searchStore: searchStore)
        plan.rendered += templates.assets
        outcome.phaseSeconds["plan"] = clock.lap()
        if !options.allowShrink {
            let problems = ShrinkGuard.problems(published: live, model: model, plannedPages: ShrinkGuard.pages(of: plan))
            outcome.diagnostics += problems.map { Diagnostic(.error, "content", line: 1, $0) }
            guard problems.isEmpty else { return outcome }
        }
        let publisher = Publisher(outputDirectory: layout.output, keepReleases: options.keepReleases, hooks: options.hooks)
        // Rendering and writing overlap: each file goes into the staging folder as soon as the render stage makes it.
        let (published, keys) = try RenderStage(baseURL: model.config.baseURL, collected: options.linksCollected).publish(
            consume plan, with: publisher, counts: ShrinkGuard.counts(model), live: live)
        outcome.publish = published
        outcome.notes += searchStore.note.map { [$0] } ?? []
        outcome.phaseSeconds["write"] = clock.lap()
        if let digest = published.manifestDigest { PageCache.save(keys, to: cacheDirectory, output: layout.output, manifest: digest) }
        return outcome
    }
}

/// Measures the stages of a build.
struct PhaseClock {
    private var last = DispatchTime.now().uptimeNanoseconds

    /// Seconds since the previous lap (or since creation).
    mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e9
    }
}
