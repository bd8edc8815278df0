import Foundation
import Testing

@testable import GongshiKit

/// The search cache as whole builds use it: kept beside the parse cache, one per output, and a damaged one is
/// reported in the build's notes and never changes what is published.
@Suite("Search cache in builds")
struct SearchCacheBuildTests {
    /// The search cache of the site's own output (its clean twin has another).
    static func searchCache(of site: TestSite) throws -> URL {
        let file = SearchIndexStore.file(in: site.options.resolvedCacheDirectory, output: site.output)
        #expect(FileManager.default.fileExists(atPath: file.path))
        return file
    }

    @Test func aDamagedSearchCacheIsNotedAndTheSiteStaysWhatACleanBuildMakes() throws {
        let site = try BuildEndToEndTests.smallSite()
        _ = try IncrementalBuildTests.buildBoth(site)
        let file = try Self.searchCache(of: site)
        try site.write("content/disclosures/d1.md", Sample.disclosure("d1", title: "改过的标题", category: "党费管理"))
        let edited = try SiteBuilder.build(site.options)
        #expect(!edited.notes.contains { $0.contains("搜索索引缓存") }, "\(edited.notes)")
        var bytes = try [UInt8](Data(contentsOf: file))
        bytes[bytes.count / 3] ^= 1
        try Data(bytes).write(to: file)
        try site.write("content/disclosures/d1.md", Sample.disclosure("d1", title: "又改过的标题", category: "党费管理"))
        var options = site.options
        options.allowShrink = true
        let damaged = try SiteBuilder.build(options)
        #expect(damaged.notes.contains { $0.contains("搜索索引缓存") && $0.contains("已损坏") }, "\(damaged.notes)")
        // The next build trusts the cache the last one wrote, and both stay equal to clean builds.
        try site.write("content/disclosures/d1.md", Sample.disclosure("d1", title: "第三个标题", category: "党费管理"))
        _ = try IncrementalBuildTests.buildBoth(site)
        let again = try SiteBuilder.build(site.options)
        #expect(!again.notes.contains { $0.contains("搜索索引缓存") }, "\(again.notes)")
    }

    @Test func aRolledBackSiteIgnoresTheSearchCache() throws {
        let site = try BuildEndToEndTests.smallSite()
        _ = try IncrementalBuildTests.buildBoth(site)
        let file = try Self.searchCache(of: site)
        let saved = try Data(contentsOf: file)
        try site.write("content/disclosures/d1.md", Sample.disclosure("d1", title: "改过的标题", category: "党费管理"))
        _ = try IncrementalBuildTests.buildBoth(site)
        // The cache of the build before, beside a site it does not describe.
        try saved.write(to: file)
        try site.write("content/disclosures/d1.md", Sample.disclosure("d1", title: "再改的标题", category: "党费管理"))
        let outcome = try SiteBuilder.build(site.options)
        #expect(outcome.notes.contains { $0.contains("搜索索引缓存") && $0.contains("不符") }, "\(outcome.notes)")
        _ = try IncrementalBuildTests.buildBoth(site)
    }
}
