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
        let scanned = scanner.scan()
        diagnostics += scanned.diagnostics
        guard let config else { return (nil, templates, diagnostics.sorted) }
        let content = ContentLoader.load(scanned.files, config: config)
        let (model, assemblyDiagnostics) = SiteAssembler.assemble(content, config: config, asOf: options.asOf)
        diagnostics += content.diagnostics + assemblyDiagnostics
        return (model, templates, diagnostics.sorted)
    }

    /// Checks, then renders and publishes; on any error the output directory is not touched.
    public static func build(_ options: BuildOptions) throws(OutputError) -> BuildOutcome {
        let (model, templates, diagnostics) = check(options)
        var outcome = BuildOutcome(diagnostics: diagnostics, pagesWritten: 0, withheld: model?.withheld ?? [])
        guard !diagnostics.hasErrors, let model, let templates else { return outcome }
        let stats = StatisticsCalculator.calculate(model)
        let pages = PageRenderer(templates: templates).renderAll(model, stats: stats)
        let writer = Publisher(outputDirectory: options.outputDirectory)
        outcome.pagesWritten = try writer.publish(pages + templates.assets, baseURL: model.config.baseURL).written
        return outcome
    }
}
