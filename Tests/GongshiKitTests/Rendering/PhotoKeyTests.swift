import Foundation
import Testing

@testable import GongshiKit

/// A photo's caption or version is part of the key of exactly the pages that show it (`ModelVersions`): the item's
/// page (and the feeds, which read the whole item), the lists and posters that show an example's first photo, the
/// letter of a 践诺 entry; never the statistics. The logo is on every page.
@Suite("Photos in the page keys")
struct PhotoKeyTests {
    typealias Site = PhotoPageTests.Photographed

    static func recaptioned(_ file: ImageFile, _ caption: String) -> ImageFile {
        ImageFile(caption: caption, sourceHash: file.sourceHash, small: file.small, large: file.large)
    }

    static func rerendered(_ site: Site, _ edit: (inout [Example], inout [PromiseLetter], inout SiteConfig) -> Void) throws -> Set<String> {
        var examples = site.model.examples
        var promises = site.model.promises
        var config = site.model.config
        edit(&examples, &promises, &config)
        let m = site.model
        let edited = SiteModel(
            config: config, asOf: m.asOf, branches: m.branches, promises: promises, disclosures: m.disclosures, examples: examples, pages: m.pages,
            withheld: m.withheld)
        return try PageKeyTests.rerendered(from: m, to: edited, templates: site.templates)
    }

    @Test func recaptioningAGalleryPhotoRendersOnlyTheItemsPageAndFeeds() throws {
        let site = try Site()
        let e = site.example
        let rendered = try Self.rerendered(site) { examples, _, _ in examples[0].imageFiles[1] = Self.recaptioned(site.second, "志愿者清点物资") }
        #expect(rendered == [Route.example(e.id).outputPath, Route.exampleFeed.outputPath, Route.branchFeed(e.branch).outputPath], "\(rendered.sorted())")
    }

    @Test func recaptioningAnExamplesFirstPhotoRendersItsCards() throws {
        let site = try Site()
        let e = site.example
        let rendered = try Self.rerendered(site) { examples, _, _ in examples[0].imageFiles[0] = Self.recaptioned(site.first, "入户走访困难家庭") }
        for route in [Route.example(e.id), .exampleIndex, .home, .branch(e.branch), .poster(e.branch)] {
            #expect(rendered.contains(route.outputPath), "\(route.outputPath) shows the first photo")
        }
        #expect(!rendered.contains(Route.stats.outputPath) && !rendered.contains(Route.disclosureIndex.outputPath), "\(rendered.sorted())")
        #expect(!rendered.contains(Route.disclosure(site.disclosure.id).outputPath), "the same photo there is a different caption's record")
    }

    @Test func aNewVersionOfAPhotoRendersThePagesAndPublishesTheNewFile() throws {
        let site = try Site()
        let e = site.example
        let replaced = TestPhotos.make("p1second-new", caption: site.second.caption)
        let rendered = try Self.rerendered(site) { examples, _, _ in examples[0].imageFiles[1] = replaced }
        #expect(rendered.contains(Route.example(e.id).outputPath))
        #expect(rendered.isSuperset(of: replaced.variants.map { $0.route.outputPath }), "\(rendered.sorted())")
        #expect(!rendered.contains(Route.exampleIndex.outputPath), "not on a card")
    }

    @Test func recaptioningAProgressPhotoRendersOnlyTheLetter() throws {
        let site = try Site()
        let rendered = try Self.rerendered(site) { _, promises, _ in
            for l in promises.indices {
                for i in promises[l].items.indices {
                    for p in (promises[l].items[i].progress ?? []).indices where promises[l].items[i].progress![p].imageFiles == [site.entry] {
                        promises[l].items[i].progress![p].imageFiles = [Self.recaptioned(site.entry, "入户送去防滑垫和扶手")]
                    }
                }
            }
        }
        #expect(rendered == [Route.promise(site.letter.id).outputPath], "\(rendered.sorted())")
    }

    @Test func theLogoIsOnEveryPage() throws {
        let site = try Site()
        let pages = Set(site.render().keys.filter { $0.hasSuffix(".html") && !$0.hasPrefix("search/") || $0 == Route.search.outputPath })
        let rendered = try Self.rerendered(site) { _, _, config in config.logoFile = Self.recaptioned(site.logo, "青溪街道标志") }
        #expect(rendered.isSuperset(of: pages), "\(pages.subtracting(rendered).sorted())")
    }
}
