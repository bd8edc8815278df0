import Foundation
import Testing

@testable import GongshiKit

/// A page cache that is there but cannot be used is never trusted, and the build report says why.
@Suite("Page cache notes")
struct PageCacheNoteTests {
    /// Builds `site` once with the cache; returns the page cache file.
    static func builtOnce() throws -> (TestSite, URL) {
        let site = try BuildEndToEndTests.smallSite()
        let outcome = try SiteBuilder.build(site.options)
        #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
        #expect(outcome.notes.isEmpty, "a first build has no cache to ignore: \(outcome.notes)")
        let file = PageCache.file(in: site.options.resolvedCacheDirectory, output: site.options.outputDirectory)
        try #require(FileManager.default.fileExists(atPath: file.path))
        return (site, file)
    }

    /// Builds again and returns the notes and how many files were written.
    static func rebuild(_ site: TestSite) throws -> (notes: [String], written: Int) {
        let outcome = try SiteBuilder.build(site.options)
        #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
        return (outcome.notes.filter { $0.hasPrefix("页面缓存") }, try #require(outcome.publish).written)
    }

    @Test func aUsableCacheGivesNoNote() throws {
        let (site, _) = try Self.builtOnce()
        let again = try Self.rebuild(site)
        #expect(again.notes.isEmpty)
        #expect(again.written == 3, "only the three assets are written when nothing changed")
    }

    @Test func aDamagedCacheIsIgnoredWithANote() throws {
        let (site, file) = try Self.builtOnce()
        try Data(contentsOf: file).dropLast(9).write(to: file)
        let again = try Self.rebuild(site)
        #expect(again.notes.count == 1)
        #expect(again.notes.first?.contains("已损坏或不完整，已忽略") == true, "\(again.notes)")
        #expect(again.written > 3, "every page is rendered again")
    }

    @Test func anotherProgramsCacheIsIgnoredWithANote() throws {
        let (site, file) = try Self.builtOnce()
        var cache = try #require(PageCache(encoded: Data(contentsOf: file)))
        cache.version = "0.0.1 pages another build"
        try cache.encoded.write(to: file)
        let again = try Self.rebuild(site)
        #expect(again.notes.count == 1)
        #expect(again.notes.first?.contains("另一个版本或另一次编译") == true, "\(again.notes)")
        #expect(again.written > 3)
    }

    @Test func aCacheOfAnotherPublishedSiteIsIgnoredWithANote() throws {
        let (site, file) = try Self.builtOnce()
        var cache = try #require(PageCache(encoded: Data(contentsOf: file)))
        cache.manifest = String(repeating: "0", count: 64)
        try cache.encoded.write(to: file)
        let again = try Self.rebuild(site)
        #expect(again.notes.count == 1)
        #expect(again.notes.first?.contains("描述的不是现在发布的网站") == true, "\(again.notes)")
        #expect(again.written > 3)
    }
}
