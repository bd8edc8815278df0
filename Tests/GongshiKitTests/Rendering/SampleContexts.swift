import Foundation
import Testing

@testable import GongshiKit

/// The sample site (the repository's own content) and the context of every page of it, for the rendering tests.
enum SampleContexts {
    /// The sample site's model, loaded afresh from disk.
    static func sampleSite() throws -> (SiteModel, Statistics, TemplateLibrary) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-keys-\(UUID().uuidString)")
        let (model, templates, diagnostics) = SiteBuilder.check(BuildOptions(sourceDirectory: TestSite.repoRoot, outputDirectory: output, asOf: TestSite.asOf))
        #expect(diagnostics.errorCount == 0, "\(diagnostics)")
        let site = try #require(model)
        return (site, StatisticsCalculator.calculate(site), try #require(templates))
    }

    /// The context of every templated page and feed, as `PageRenderer.plan` makes them.
    static func contexts(_ model: SiteModel, stats: Statistics) -> [(String, any Encodable & Sendable)] {
        let site = StatsContext(model: model, stats: stats)
        let feeds = FeedMaker(model: model)
        var contexts: [(String, any Encodable & Sendable)] = [
            ("home", HomeContext(model: model, stats: stats)), ("branches", BranchIndexContext(model: model)),
            ("promises", PromiseBoardContext(model: model, branch: nil)), ("disclosures", DisclosureIndexContext(model: model, category: nil)),
            ("examples", ExampleIndexContext(model: model)), ("stats", site), ("404", NotFoundContext(model: model)),
            ("search", SearchContext(model: model)), ("definitions", DefinitionsContext(model: model, tables: site.tables)),
            ("disclosure feed", feeds.disclosures()), ("example feed", feeds.examples()),
        ]
        for branch in model.branches {
            contexts += [
                ("branch \(branch.id)", BranchContext(model: model, branch: branch)), ("poster \(branch.id)", PosterContext(model: model, branch: branch)),
                ("feed \(branch.id)", feeds.branch(branch)),
            ]
        }
        contexts += model.branches.filter { !(model.tree.children[$0.id] ?? []).isEmpty }.map {
            ("stats \($0.id)", BranchStatsContext(model: model, branch: $0))
        }
        contexts += Set(model.promises.map(\.branch)).sorted().map { ("promises \($0)", PromiseBoardContext(model: model, branch: $0)) }
        contexts += model.promises.map { ("promise \($0.id)", PromiseContext(model: model, letter: $0)) }
        contexts += model.config.allCategories.map { ("category \($0)", DisclosureIndexContext(model: model, category: $0)) }
        contexts += model.disclosures.map { ("disclosure \($0.id)", DisclosureContext(model: model, item: $0, links: DisclosureLinks(model))) }
        contexts += model.examples.map { ("example \($0.id)", ExampleContext(model: model, example: $0)) }
        contexts += model.pages.map { ("page \($0.id)", FreePageContext(model: model, page: $0)) }
        return contexts
    }
}
