import Foundation
import Testing

@testable import GongshiKit

/// Pages are keyed by the versions of what they read (`ModelVersions`, `PageDescriptor`): an edit re-renders the
/// pages that show what changed, those pages only, and the others are not even made.
@Suite("Page keys from dependency versions")
struct PageKeyTests {
    /// What an incremental plan of `edited` after a clean plan of `model` renders, checked against a clean plan of
    /// `edited`: every file it renders or reuses has the clean build's bytes.
    static func rerendered(from model: SiteModel, to edited: SiteModel, templates: TemplateLibrary, editedTemplates: TemplateLibrary? = nil) throws -> Set<
        String
    > {
        let renderer = PageRenderer(templates: templates)
        let first = renderer.plan(model, stats: StatisticsCalculator.calculate(model), previous: nil).materialized()
        let editedRenderer = PageRenderer(templates: editedTemplates ?? templates)
        let stats = StatisticsCalculator.calculate(edited)
        let second = editedRenderer.plan(edited, stats: stats, previous: first.keys).materialized()
        let clean = editedRenderer.plan(edited, stats: stats, previous: nil).materialized()
        let old = Dictionary(first.rendered.map { ($0.path, $0.contents) }, uniquingKeysWith: { $1 })
        let new = Dictionary(second.rendered.map { ($0.path, $0.contents) }, uniquingKeysWith: { $1 })
        #expect(Set(second.rendered.map(\.path)).union(second.reused) == Set(clean.rendered.map(\.path)), "the same files")
        for page in clean.rendered {
            let incremental = new[page.path] ?? old[page.path]
            #expect(incremental == page.contents, "\(page.path) differs from a clean build")
        }
        return Set(second.rendered.map(\.path)).filter { !$0.hasPrefix("search/") || $0 == Route.search.outputPath }
    }

    static func site(_ model: SiteModel, branches: [Branch]? = nil, disclosures: [Disclosure]? = nil, asOf: Day? = nil) -> SiteModel {
        SiteModel(
            config: model.config, asOf: asOf ?? model.asOf, branches: branches ?? model.branches, promises: model.promises,
            disclosures: disclosures ?? model.disclosures, examples: model.examples, pages: model.pages, withheld: model.withheld)
    }

    static func renamed(_ b: Branch, to name: String) -> Branch {
        Branch(
            id: b.id, name: name, type: b.type, field: b.field, parent: b.parent, secretary: b.secretary, members: b.members,
            established: b.established, address: b.address, phone: b.phone, venue: b.venue, liuyou: b.liuyou, ratings: b.ratings,
            privacy: b.privacy, source: b.source, bodyHTML: b.bodyHTML)
    }

    @Test func aSecondPlanOfTheSameSiteMakesNothing() throws {
        let (model, stats, templates) = try SampleContexts.sampleSite()
        let first = PageRenderer(templates: templates).plan(model, stats: stats, previous: nil).materialized()
        let (again, againStats, _) = try SampleContexts.sampleSite()
        let second = PageRenderer(templates: templates).plan(again, stats: againStats, previous: first.keys).materialized()
        #expect(second.rendered.isEmpty, "\(second.rendered.map(\.path))")
        #expect(Set(second.reused) == Set(first.rendered.map(\.path)))
    }

    @Test func aFileWhoseKeyIsUnchangedIsNeverMade() {
        final class Counter: @unchecked Sendable {
            var count = 0
        }
        let counter = Counter()
        let descriptor = PageDescriptor(path: "a/index.html", kind: "probe", dependencies: { ["v1"] }) {
            counter.count += 1
            return Data("a".utf8)
        }
        let (key, contents) = descriptor.job.run(nil)
        #expect(contents == Data("a".utf8) && counter.count == 1)
        #expect(descriptor.job.run(key).contents == nil)
        #expect(counter.count == 1, "made again although its key did not change")
        let changed = PageDescriptor(path: "a/index.html", kind: "probe", dependencies: { ["v2"] }, produce: descriptor.produce)
        #expect(changed.job.run(key).contents != nil && counter.count == 2)
        let otherKind = PageDescriptor(path: "a/index.html", kind: "other", dependencies: { ["v1"] }, produce: descriptor.produce)
        #expect(otherKind.key() != key)
    }

    @Test func editingOneDisclosureBodyRendersOnlyWhatShowsIt() throws {
        let (model, _, templates) = try SampleContexts.sampleSite()
        var disclosures = model.disclosures
        let index = try #require(disclosures.indices.first { !disclosures[$0].attachmentFiles.isEmpty } ?? disclosures.indices.first)
        disclosures[index].bodyHTML += "<p>补充说明。</p>\n"
        let item = disclosures[index]
        let rendered = try Self.rerendered(from: model, to: Self.site(model, disclosures: disclosures), templates: templates)
        #expect(
            rendered == [Route.disclosure(item.id).outputPath, Route.branchFeed(item.branch).outputPath, Route.disclosureFeed.outputPath],
            "\(rendered.sorted())")
    }

    /// The site's statistics are computed only when a file that shows them (the home page, `/stats/` and its files)
    /// is rendered: not for a body edit, which re-renders neither, and for a retitling, which re-renders the home page.
    @Test func theSiteStatisticsAreMadeOnlyForAFileThatShowsThem() throws {
        let (model, _, templates) = try SampleContexts.sampleSite()
        let renderer = PageRenderer(templates: templates)
        let first = renderer.plan(model, previous: nil).materialized()
        var bodyEdited = model.disclosures
        bodyEdited[0].bodyHTML += "<p>补充说明。</p>\n"
        let forBody = SiteStatistics(model: Self.site(model, disclosures: bodyEdited))
        let afterBody = renderer.plan(Self.site(model, disclosures: bodyEdited), statistics: forBody, previous: first.keys, searchStore: nil)
            .materialized()
        #expect(!afterBody.rendered.isEmpty)
        #expect(!forBody.wasMade, "no file that shows the statistics was rendered")
        let clean = SiteStatistics(model: model)
        _ = renderer.plan(model, statistics: clean, previous: nil, searchStore: nil).materialized()
        #expect(clean.wasMade, "a clean plan renders the home page and /stats/")
        let old = model.disclosures[0]
        var fewer = model.disclosures
        fewer.removeFirst()
        let forRemoval = SiteStatistics(model: Self.site(model, disclosures: fewer))
        let afterRemoval = renderer.plan(Self.site(model, disclosures: fewer), statistics: forRemoval, previous: first.keys, searchStore: nil)
            .materialized()
        #expect(afterRemoval.rendered.contains { $0.path == Route.stats.outputPath }, "\(old.id) was counted")
        #expect(forRemoval.wasMade)
    }

    @Test func retitlingOneDisclosureRendersItsListsButNotTheStatistics() throws {
        let (model, _, templates) = try SampleContexts.sampleSite()
        let old = model.disclosures[0]
        var retitled = Disclosure(
            id: old.id, branch: old.branch, title: old.title + "（更正）", category: old.category, scope: old.scope, published: old.published,
            reviewed: old.reviewed, approved: old.approved, cadence: old.cadence, period: old.period, until: old.until, feedback: old.feedback,
            proposed: old.proposed, topic: old.topic, outcome: old.outcome, follows: old.follows, privacy: old.privacy, attachments: old.attachments,
            attachmentFiles: old.attachmentFiles, images: old.images, source: old.source, bodyHTML: old.bodyHTML)
        // Only the title changes: the sample's disclosures have photos.
        retitled.imageFiles = old.imageFiles
        retitled.bodyImages = old.bodyImages
        let rendered = try Self.rerendered(from: model, to: Self.site(model, disclosures: [retitled] + model.disclosures.dropFirst()), templates: templates)
        let slug = CategorySlug.slug(for: old.category, config: model.config)
        for page in [
            Route.disclosure(old.id), .branch(old.branch), .disclosureIndex, .disclosureCategory(slug), .home, .poster(old.branch), .branchFeed(old.branch),
        ] {
            #expect(rendered.contains(page.outputPath), "\(page.outputPath) shows the title")
        }
        #expect(rendered.contains("data/disclosures.csv"))
        #expect(!rendered.contains(Route.stats.outputPath) && !rendered.contains("stats/stats.json"), "no statistic reads a title")
        #expect(!rendered.contains(Route.exampleIndex.outputPath) && !rendered.contains(Route.branchIndex.outputPath), "\(rendered.sorted())")
    }

    @Test func renamingAnOrganisationRendersThePagesThatNameIt() throws {
        let (model, _, templates) = try SampleContexts.sampleSite()
        let parent = try #require(model.branches.first { model.tree.parent[$0.id] != nil && !(model.tree.children[$0.id] ?? []).isEmpty })
        let branches = model.branches.map { $0.id == parent.id ? Self.renamed($0, to: $0.name + "（新）") : $0 }
        let rendered = try Self.rerendered(from: model, to: Self.site(model, branches: branches), templates: templates)
        let children = try #require(model.tree.children[parent.id])
        for child in children {
            #expect(rendered.contains(Route.branch(child).outputPath), "the trail of \(child) names its parent")
        }
        for id in model.tree.ancestry(of: parent.id) {
            #expect(rendered.contains(Route.branch(id).outputPath), "the tree of \(id) shows the name")
        }
        for item in model.disclosuresByBranch[parent.id] ?? [] { #expect(rendered.contains(Route.disclosure(item.id).outputPath)) }
        for letter in model.promisesByBranch[parent.id] ?? [] { #expect(rendered.contains(Route.promise(letter.id).outputPath)) }
        for page in [Route.home, .branchIndex, .branchStats(parent.id), .stats] { #expect(rendered.contains(page.outputPath), "\(page.outputPath)") }
        let unrelated = model.branches.filter { !model.tree.ancestry(of: $0.id).contains(parent.id) && !model.tree.ancestry(of: parent.id).contains($0.id) }
        try #require(!unrelated.isEmpty)
        for branch in unrelated { #expect(!rendered.contains(Route.branch(branch.id).outputPath), "\(branch.id) does not show it") }
    }

    @Test func anotherAsOfDateRendersEveryPage() throws {
        let (model, _, templates) = try SampleContexts.sampleSite()
        let rendered = try Self.rerendered(from: model, to: Self.site(model, asOf: Day(ordinal: model.asOf.ordinal + 40)), templates: templates)
        #expect(rendered.contains(Route.home.outputPath) && rendered.contains(Route.notFound.outputPath) && rendered.contains("stats/stats.json"))
        #expect(!rendered.contains("stats/schema.json"), "the schema does not change with the date")
    }

    @Test func editingATemplateRendersThePagesThatUseIt() throws {
        let (model, _, templates) = try SampleContexts.sampleSite()
        guard case .success(var source) = TemplateSource.read(from: TestSite.repoRoot.appendingPathComponent("templates"), label: "templates") else {
            Issue.record("the sample site's templates should load")
            return
        }
        source.templates["example"] = try #require(source.templates["example"]) + "\n<!-- 改 -->\n"
        let edited = try #require(TemplateLibrary.make(from: source).0)
        let rendered = try Self.rerendered(from: model, to: model, templates: templates, editedTemplates: edited)
        #expect(rendered == Set(model.examples.map { Route.example($0.id).outputPath }), "\(rendered.sorted())")
        let versions = edited.versions()
        let before = templates.versions()
        #expect(versions["example"] != before["example"] && versions["disclosure"] == before["disclosure"])
        source.templates["layout"] = try #require(source.templates["layout"]) + "\n"
        let layout = try #require(TemplateLibrary.make(from: source).0).versions()
        #expect(TemplateLibrary.required.allSatisfy { layout[$0] != versions[$0] }, "every page is laid out by layout.mustache")
    }

    @Test func theSiteVersionCoversEverySetting() {
        let (config, _) = ContentLoader.loadSiteConfig("title: 测试\nbase_url: https://example.org/\n")
        let settings = Mirror(reflecting: config!).children.count
        let version = Mirror(reflecting: ModelVersions.ConfigVersion(config!, asOf: Day("2026-01-01")!)).children.count
        #expect(version == settings + 1, "a setting of SiteConfig is missing from ModelVersions.ConfigVersion")
    }

    @Test func statisticsFilesAreNamedAsTheirPagesNameThem() throws {
        let (model, stats, _) = try SampleContexts.sampleSite()
        let versions = ModelVersions(model: model, templates: try #require(SampleContexts.sampleSite().2))
        let plan = StatsPlan(model: model, stats: SiteStatistics(model: model, made: stats), versions: versions)
        #expect(plan.site.tables == StatsContext(model: model, stats: stats).tables.compactMap(\.csv))
        try #require(!plan.branches.isEmpty)
        for (id, folder) in plan.branches {
            #expect(folder.tables == BranchStatsContext(model: model, branch: model.branchByID[id]!).tables.compactMap(\.csv), "\(id)")
        }
    }

    @Test func recordVersionsSeeEveryFieldButNotDictionaryOrder() throws {
        let (model, _, templates) = try SampleContexts.sampleSite()
        let versions = ModelVersions(model: model, templates: templates)
        let (again, _, _) = try SampleContexts.sampleSite()
        let versionsAgain = ModelVersions(model: again, templates: templates)
        #expect(versions.siteFacts == versionsAgain.siteFacts && versions.directory == versionsAgain.directory)
        #expect(versions.disclosures.map(\.full) == versionsAgain.disclosures.map(\.full))
        var edited = model.disclosures
        edited[0].bodyHTML += " "
        let bodyEdited = ModelVersions(model: Self.site(model, disclosures: edited), templates: templates)
        #expect(bodyEdited.disclosures[0].full != versions.disclosures[0].full)
        #expect(bodyEdited.disclosures[0].counted == versions.disclosures[0].counted, "the body is not a fact the statistics count")
        #expect(bodyEdited.siteFacts == versions.siteFacts)
    }
}
