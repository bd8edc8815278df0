import Foundation
import Testing

@testable import GongshiKit

/// Where photos show (`Rows.Photo`, the `photo` and `gallery` partials, `BodyImageMarkup`, `PageFrame.ogImage`,
/// `PageRenderer.addMedia`): galleries on example, disclosure and organisation pages, an example's first photo on its
/// cards and poster, thumbnails beside 践诺 entries, body images, og:image and the favicon, and the published files.
@Suite("Photos on the pages")
struct PhotoPageTests {
    /// The sample site with hand-made photos (`TestPhotos`) on its newest example (two, and two body images), its
    /// newest disclosure (the example's first photo again, and one of its own), its first organisation, a 践诺 entry,
    /// a free page's body, and a logo.
    struct Photographed {
        let model: SiteModel
        let templates: TemplateLibrary
        let example: Example
        let disclosure: Disclosure
        let branch: Branch
        let letter: PromiseLetter
        let page: FreePage
        let first = TestPhotos.make("p1first", caption: "敲门行动入户走访")
        let second = TestPhotos.make("p1second", caption: "志愿者整理物资")
        let own = TestPhotos.make("p1own", caption: "公示栏张贴现场")
        let venue = TestPhotos.make("p1venue", caption: "党群服务站", width: 1600, height: 1200)
        let entry = TestPhotos.make("p1entry", caption: "入户送去防滑垫")
        let alone = TestPhotos.make("p1alone", caption: "活动合影")
        let inline = TestPhotos.make("p1inline", caption: "小图标", width: 300, height: 200)
        let pageImage = TestPhotos.make("p1page", caption: "服务站外景")
        let logo = TestPhotos.make("p1logo", caption: "青溪街道党工委标志", width: 512, height: 512)
        let favicon = ImageVariant(name: "p1logo-icon.png", width: 64, height: 64, cachedFile: TestPhotos.make("p1icon", caption: "图标").small.cachedFile)

        init(logo withLogo: Bool = true, edit: (inout [Example], inout [PromiseLetter]) -> Void = { _, _ in }) throws {
            let (sample, _, templates) = try SampleContexts.sampleSite()
            self.templates = templates
            var examples = sample.examples
            examples[0].imageFiles = [first, second]
            examples[0].bodyHTML +=
                "<p><img src=\"%E9%99%84%E4%BB%B6/alone.jpg\" alt=\"活动合影\" /></p>\n<p>门口<img src=\"icon.png\" alt=\"小图标\" />一块牌子，"
                + "<img src=\"elsewhere.png\" alt=\"外链\" />。</p>\n"
            examples[0].bodyImages = ["%E9%99%84%E4%BB%B6/alone.jpg": alone, "icon.png": inline]
            var disclosures = sample.disclosures
            disclosures[0].imageFiles = [first, own]
            var branches = sample.branches
            branches[0].imageFiles = [venue]
            var promises = sample.promises
            let l = try #require(promises.indices.first { promises[$0].items.contains { !($0.progress ?? []).isEmpty } })
            let i = try #require(promises[l].items.indices.first { !(promises[l].items[$0].progress ?? []).isEmpty })
            promises[l].items[i].progress![0].imageFiles = [entry]
            var pages = sample.pages
            pages[0].bodyHTML += "<p><img src=\"outside.jpg\" alt=\"服务站外景\" /></p>\n"
            pages[0].bodyImages = ["outside.jpg": pageImage]
            edit(&examples, &promises)
            var config = sample.config
            // The sample site's own logo (if any) gives way to the hand-made one, or to none.
            config.logoFile = withLogo ? logo : nil
            config.favicon = withLogo ? favicon : nil
            model = SiteModel(
                config: config, asOf: sample.asOf, branches: branches, promises: promises, disclosures: disclosures, examples: examples, pages: pages,
                withheld: sample.withheld)
            example = model.examples[0]
            disclosure = model.disclosures[0]
            branch = model.branches[0]
            letter = try #require(model.promises.first { $0.id == promises[l].id })
            page = model.pages[0]
        }

        func render() -> [String: String] {
            let pages = PageRenderer(templates: templates).renderAll(model, stats: StatisticsCalculator.calculate(model))
            return Dictionary(pages.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) }, uniquingKeysWith: { $1 })
        }

        var base: String { model.config.baseURL }
    }

    /// Every photo a model holds: records' galleries, 践诺 entries', body images.
    static func photos(of model: SiteModel) -> [ImageFile] {
        var photos: [ImageFile] = []
        for example in model.examples { photos += example.imageFiles + Array(example.bodyImages.values) }
        for item in model.disclosures { photos += item.imageFiles + Array(item.bodyImages.values) }
        for branch in model.branches { photos += branch.imageFiles + Array(branch.bodyImages.values) }
        for page in model.pages { photos += Array(page.bodyImages.values) }
        for letter in model.promises {
            photos += Array(letter.bodyImages.values)
            for item in letter.items { photos += (item.progress ?? []).flatMap(\.imageFiles) }
        }
        return photos
    }

    /// The markup of `photo` on a page two folders deep (`examples/<id>/`), as the `photo` partial writes it.
    static func figure(_ photo: ImageFile, use: String = "page", prefix: String = "../../") -> String {
        let srcset = photo.variants.map { "\(prefix)media/\($0.name) \($0.width)w" }.joined(separator: ", ")
        let shown = use == "page" ? photo.large : photo.small
        let sizes = ["page": "(max-width: 50rem) 100vw, 48rem", "card": "(max-width: 39.99rem) 100vw, 16rem", "thumb": "6rem"][use]!
        let caption = use == "thumb" ? "" : "<figcaption>\(photo.caption)</figcaption>"
        return "<figure class=\"photo photo-\(use)\"><a href=\"\(prefix)media/\(photo.large.name)\"><img src=\"\(prefix)media/\(photo.small.name)\" "
            + "srcset=\"\(srcset)\" sizes=\"\(sizes)\" width=\"\(shown.width)\" height=\"\(shown.height)\" loading=\"lazy\" decoding=\"async\" "
            + "alt=\"\(photo.caption)\"></a>\(caption)</figure>"
    }

    @Test func itemPagesShowAGalleryOfEveryPhoto() throws {
        let site = try Photographed()
        let pages = site.render()
        let example = try #require(pages[Route.example(site.example.id).outputPath])
        #expect(example.contains("<h2 id=\"h-photos\">照片</h2>"))
        #expect(example.contains(Self.figure(site.first)), "\(example)")
        #expect(example.contains(Self.figure(site.second)))
        #expect(example.contains("width=\"1280\" height=\"960\""), "the large version's box")
        let disclosure = try #require(pages[Route.disclosure(site.disclosure.id).outputPath])
        #expect(disclosure.contains(Self.figure(site.first)) && disclosure.contains(Self.figure(site.own)))
        let branch = try #require(pages[Route.branch(site.branch.id).outputPath])
        #expect(branch.contains(Self.figure(site.venue)))
        // An item without photos has no gallery.
        let other = try #require(pages[Route.example(site.model.examples[1].id).outputPath])
        #expect(!other.contains("h-photos") && !other.contains("<img"))
    }

    @Test func aPhotoNoWiderThanTheSmallVersionHasOneVersion() throws {
        let site = try Photographed()
        #expect(site.inline.variants.count == 1)
        let example = try #require(site.render()[Route.example(site.example.id).outputPath])
        #expect(example.contains("srcset=\"../../media/p1inline-300.jpg 300w\" sizes="), "one srcset entry")
        #expect(example.contains("width=\"300\" height=\"200\""))
    }

    @Test func anExampleCardShowsItsFirstPhotoInEveryList() throws {
        let site = try Photographed()
        let pages = site.render()
        let e = site.example
        for (route, prefix) in [(Route.exampleIndex, "../"), (.home, ""), (.branch(e.branch), "../../"), (.poster(e.branch), "../../../")] {
            let page = try #require(pages[route.outputPath])
            #expect(page.contains(Self.figure(site.first, use: "card", prefix: prefix)), "\(route.outputPath)")
            #expect(!page.contains(site.second.small.name), "only the first photo on a card: \(route.outputPath)")
        }
        let poster = try #require(pages[Route.poster(e.branch).outputPath])
        #expect(poster.contains("<h2 id=\"h-poster-example\">典型事例</h2>") && poster.contains(e.title))
    }

    @Test func thePosterPrefersTheNewestExampleWithAPhoto() throws {
        let (model, _, _) = try SampleContexts.sampleSite()
        var examples = model.examples.map { example in
            var plain = example
            plain.imageFiles = []
            return plain
        }
        try #require(examples.count > 2)
        #expect(PosterContext.posterExample(examples)?.id == examples[0].id, "none has a photo: the newest")
        examples[2].imageFiles = [TestPhotos.make("p1older", caption: "旧事例照片")]
        #expect(PosterContext.posterExample(examples)?.id == examples[2].id, "the newest with a photo")
    }

    @Test func entriesOfTheTimelineHaveThumbnails() throws {
        let site = try Photographed()
        let page = try #require(site.render()[Route.promise(site.letter.id).outputPath])
        #expect(page.contains("<div class=\"timeline-photos\">" + Self.figure(site.entry, use: "thumb") + "</div></li>"), "\(page)")
        #expect(!page.contains("<figcaption>\(site.entry.caption)</figcaption>"), "the caption is the thumbnail's alt text")
        // Boards list the letter without its thumbnails.
        let board = try #require(site.render()[Route.promiseBoard.outputPath])
        #expect(!board.contains(site.entry.small.name))
    }

    @Test func bodyImagesBecomeTheResponsiveMarkup() throws {
        let site = try Photographed()
        let pages = site.render()
        let page = try #require(pages[Route.example(site.example.id).outputPath])
        #expect(page.contains("</p>\n" + Self.figure(site.alone) + "\n<p>门口"), "an image alone replaces its paragraph")
        let inline = Self.figure(site.inline).replacingOccurrences(of: "<figure class=\"photo photo-page\">", with: "<span class=\"photo photo-inline\">")
            .replacingOccurrences(of: "<figcaption>小图标</figcaption></figure>", with: "<span class=\"figcaption\">小图标</span></span>")
        #expect(page.contains("<p>门口" + inline + "一块牌子，"), "inside text: a span, valid in a paragraph")
        #expect(page.contains("<img src=\"elsewhere.png\" alt=\"外链\" />"), "an image the stage did not process is left alone")
        #expect(!page.contains("%E9%99%84%E4%BB%B6/alone.jpg"))
        let free = try #require(pages[Route.page(site.page.id).outputPath])
        #expect(free.contains(Self.figure(site.pageImage)))
        let feed = try #require(pages[Route.exampleFeed.outputPath])
        #expect(feed.contains("src=&quot;\(site.base)media/p1alone-480.jpg&quot;"), "a feed's body images are absolute")
    }

    @Test func sharesShowThePagesPhotoElseTheLogo() throws {
        let site = try Photographed()
        let pages = site.render()
        func og(_ photo: ImageFile) -> String {
            "<meta property=\"og:image\" content=\"\(site.base)media/\(photo.large.name)\">\n<meta property=\"og:image:width\" "
                + "content=\"\(photo.large.width)\">\n<meta property=\"og:image:height\" content=\"\(photo.large.height)\">\n"
                + "<meta property=\"og:image:alt\" content=\"\(photo.caption)\">"
        }
        #expect(pages[Route.example(site.example.id).outputPath]?.contains(og(site.first)) == true)
        #expect(pages[Route.disclosure(site.disclosure.id).outputPath]?.contains(og(site.first)) == true)
        #expect(pages[Route.branch(site.branch.id).outputPath]?.contains(og(site.venue)) == true)
        #expect(pages[Route.promise(site.letter.id).outputPath]?.contains(og(site.entry)) == true)
        #expect(pages[Route.page(site.page.id).outputPath]?.contains(og(site.pageImage)) == true, "a body image")
        for route in [Route.home, .stats, .exampleIndex, .example(site.model.examples[1].id)] {
            let page = try #require(pages[route.outputPath])
            #expect(page.contains(og(site.logo)), "\(route.outputPath): the site's default")
        }
        #expect(pages[Route.stats.outputPath]?.contains("<link rel=\"icon\" type=\"image/png\" href=\"../media/p1logo-icon.png\">") == true)
        #expect(pages[Route.notFound.outputPath]?.contains("<link rel=\"icon\" type=\"image/png\" href=\"\(site.base)media/p1logo-icon.png\">") == true)
        let plain = try Photographed(logo: false).render()
        let stats = try #require(plain[Route.stats.outputPath])
        #expect(!stats.contains("og:image") && !stats.contains("rel=\"icon\""), "no logo: no default image and no favicon")
    }

    @Test func everyVersionIsPublishedOnceFromTheCache() throws {
        let site = try Photographed()
        let plan = PageRenderer(templates: site.templates).plan(site.model, previous: nil).materialized()
        let media = plan.rendered.filter { $0.path.hasPrefix("media/") }
        // The hand-made photos, and those of the sample site itself (the example and disclosure that got hand-made ones
        // have had theirs replaced).
        let photos =
            [site.first, site.second, site.own, site.venue, site.entry, site.alone, site.inline, site.pageImage, site.logo]
            + Self.photos(of: site.model)
        let expected = Set(photos.flatMap(\.variants).map(\.name) + [site.favicon.name])
        #expect(Set(media.map(\.path)) == Set(expected.map { "media/\($0)" }))
        #expect(media.count == expected.count, "the photo on two pages is one file")
        for file in media {
            let variant = try #require(
                photos.flatMap(\.variants).first { "media/\($0.name)" == file.path } ?? (file.path.hasSuffix("icon.png") ? site.favicon : nil))
            #expect(file.contents == TestPhotos.bytes(variant), "\(file.path) is the cached file")
        }
        // Every link and srcset address of every page resolves to a planned file.
        let files = Set(plan.rendered.map(\.path) + ["assets/site.css", "assets/site.js", "assets/search.js"])
        for page in plan.rendered where page.path.hasSuffix(".html") {
            // The body image the stage did not process (`elsewhere.png`, made up for the test) is the one broken link.
            let broken = LinkCollector.brokenLinks(in: page, files: files, baseURL: site.base).filter { !$0.hasSuffix("→ elsewhere.png") }
            #expect(broken.isEmpty, "\(page.path)")
        }
        let withoutLarge = files.subtracting(["media/\(site.second.large.name)"])
        let page = try #require(plan.rendered.first { $0.path == Route.example(site.example.id).outputPath })
        #expect(
            LinkCollector.brokenLinks(in: page, files: withoutLarge, baseURL: site.base).contains { $0.hasSuffix(site.second.large.name) },
            "the link check sees the versions")
        #expect(LinkCollector.links(in: Data("<img srcset=\"a.jpg 480w, b.jpg 1280w\">".utf8)) == ["a.jpg", "b.jpg"])
    }
}
