import Foundation

/// Runs the stages: load → validate → model → render → write.
public enum SiteBuilder {
    /// Loads and validates everything, writes nothing.
    public static func check(_ options: BuildOptions) -> (SiteModel?, TemplateLibrary?, [Diagnostic]) {
        let scanner = ContentScanner(sourceDirectory: options.sourceDirectory)
        let config: SiteConfig?
        var diagnostics: [Diagnostic] = []
        switch scanner.readSiteConfig() {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            config = nil
        case .success(let text):
            let loaded = ContentLoader.loadSiteConfig(text)
            config = loaded.0
            diagnostics += loaded.1
        }
        let (templates, templateDiagnostics) = TemplateLibrary.load(for: options)
        diagnostics += templateDiagnostics
        let listed = scanner.list()
        diagnostics += listed.diagnostics
        guard let config else { return (nil, templates, PrivacyLint.masking(diagnostics).sorted) }
        var content = ContentLoader.load(listed.entries, reading: scanner.read, config: config)
        AttachmentLoader.resolve(&content, sourceDirectory: options.sourceDirectory)
        let (model, assemblyDiagnostics) = SiteAssembler.assemble(content, config: config, asOf: options.asOf)
        diagnostics += content.diagnostics + assemblyDiagnostics
        diagnostics += BodyLinkChecker.diagnostics(model, links: content.bodyLinks, planned: templates.map { plannedFiles(model, $0) })
        return (model, templates, PrivacyLint.masking(diagnostics).sorted)
    }

    /// Every file a build of `model` would publish, named by the renderer itself (open data, statistics files, feeds,
    /// the search index, the theme's assets), for body links into generated folders. Made only when a body link
    /// points at a file that is not a record's page or attachment.
    static func plannedFiles(_ model: SiteModel, _ templates: TemplateLibrary) -> () -> Set<String> {
        {
            let plan = PageRenderer(templates: templates).plan(model, stats: StatisticsCalculator.calculate(model), previous: nil)
            return plan.filePaths(runningGroups: true).union(templates.assets.map(\.path)).union([Manifest.fileName])
        }
    }

    /// Takes the output's lock, checks, then renders what changed and publishes a new release.
    /// Throws `LockError` when another build holds the lock and `OutputError` when writing fails; on content
    /// errors it returns them and the published site is not touched.
    public static func build(_ options: BuildOptions) throws -> BuildOutcome {
        let layout = ReleaseLayout(output: options.outputDirectory)
        if let problem = OutputLocation.problem(layout.output) { throw OutputError(message: problem) }
        try layout.prepare()
        let lock = try BuildLock.acquire(layout.lockFile, wait: options.lockWait)
        defer { lock.release() }
        var clock = PhaseClock()
        let (model, templates, diagnostics) = check(options)
        var outcome = BuildOutcome(diagnostics: diagnostics, withheld: model?.withheld ?? [])
        outcome.phaseSeconds["check"] = clock.lap()
        if let model {
            outcome.counts = [
                "branches": model.branches.count, "promises": model.promises.count,
                "disclosures": model.disclosures.count + model.withheld.count, "examples": model.examples.count,
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
        let stats = StatisticsCalculator.calculate(model)
        outcome.phaseSeconds["statistics"] = clock.lap()
        let cacheDirectory = options.resolvedCacheDirectory
        let previous = options.clean ? nil : PageCache.load(from: cacheDirectory, site: &live)
        var plan = PageRenderer(templates: templates).plan(model, stats: stats, previous: previous)
        plan.rendered += templates.assets
        outcome.phaseSeconds["plan"] = clock.lap()
        if !options.allowShrink {
            let problems = ShrinkGuard.problems(published: live, model: model, plannedPages: ShrinkGuard.pages(of: plan))
            outcome.diagnostics += problems.map { Diagnostic(.error, "content", line: 1, $0) }
            guard problems.isEmpty else { return outcome }
        }
        let publisher = Publisher(outputDirectory: layout.output, keepReleases: options.keepReleases, hooks: options.hooks)
        let keys = plan.keys
        let published = try publisher.publish(consume plan, baseURL: model.config.baseURL, counts: ShrinkGuard.counts(model), live: live)
        outcome.publish = published
        outcome.phaseSeconds["write"] = clock.lap()
        PageCache.save(keys.merging(published.keys) { $1 }, to: cacheDirectory, output: layout.output, manifest: published.manifestDigest)
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
