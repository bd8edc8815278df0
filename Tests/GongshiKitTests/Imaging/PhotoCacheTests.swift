import Foundation
import Testing

@testable import GongshiKit

#if canImport(Glibc)
    import Glibc
#endif

/// Photos are encoded once per source and settings and kept in the cache: a build with nothing new encodes nothing, a
/// changed photo or changed settings give new names, a damaged cached file is made again, `--clean` ignores the cache,
/// `check` writes none, and files no longer used are removed.
@Suite("Photos: cache")
struct PhotoCacheTests {
    @Test func aSecondBuildEncodesNothingAndAChangedPhotoGetsNewNames() throws {
        let site = try PhotoTestSite.site([
            ("a.jpg", try PhotoFixtures.image(900, 600, seed: 1), "第一张"), ("b.jpg", try PhotoFixtures.image(300, 200, seed: 2), "第二张"),
        ])
        let first = PhotoTestSite.load(site)
        #expect(first.photos?.encoded == 3)
        let names = try #require(first.model?.examples.first { $0.id == "e1" }?.imageFiles.map(\.large.name))
        // Files older than the probe are remembered by status; the second load neither reads nor encodes them.
        let second = PhotoTestSite.load(site)
        #expect(second.photos?.encoded == 0)
        #expect(second.model?.examples.first { $0.id == "e1" }?.imageFiles.map(\.large.name) == names)
        // New bytes under the same name: new names, the old files pruned a build later.
        try site.write("content/examples/照片/a.jpg", try PhotoFixtures.image(900, 600, seed: 3))
        let third = PhotoTestSite.load(site)
        #expect(third.photos?.encoded == 2)
        let changed = try #require(third.model?.examples.first { $0.id == "e1" }?.imageFiles.map(\.large.name))
        #expect(changed[0] != names[0] && changed[1] == names[1])
        #expect(Set(PhotoTestSite.cached(site)).isSuperset(of: changed))
        _ = PhotoTestSite.load(site)
        let kept = Set(PhotoTestSite.cached(site))
        #expect(!kept.contains(names[0]) && kept.contains(changed[0]), "\(kept)")
        #expect(kept.count == 3)
    }

    @Test func checkWritesNoCacheButReportsTheSame() throws {
        let site = try PhotoTestSite.site([("a.jpg", try PhotoFixtures.image(600, 400), "第一张")])
        #expect(site.check().filter { $0.severity == .error } == [])
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".gongshi-cache/photos").path))
        let checked = SiteBuilder.check(site.options).0
        let planned = try #require(checked?.examples.first { $0.id == "e1" }?.imageFiles.first)
        let built = try #require(PhotoTestSite.load(site).model?.examples.first { $0.id == "e1" }?.imageFiles.first)
        #expect(planned.large.name == built.large.name && planned.small.name == built.small.name)
        #expect((planned.large.width, planned.large.height) == (built.large.width, built.large.height))
    }

    @Test func aDamagedCachedFileIsMadeAgain() throws {
        let site = try PhotoTestSite.site([("a.jpg", try PhotoFixtures.image(900, 600), "第一张")])
        let image = try #require(PhotoTestSite.load(site).model?.examples.first?.imageFiles.first)
        for damage in [{ (path: String) in _ = truncate(path, 100) }, { (path: String) in _ = unlink(path) }] {
            damage(image.large.cachedFile)
            let again = PhotoTestSite.load(site)
            #expect(again.photos?.encoded == 2)
            let whole = try Data(contentsOf: URL(fileURLWithPath: image.large.cachedFile))
            #expect(whole.count > 1000 && whole.suffix(2) == Data([0xFF, 0xD9]))
        }
        // The same size with a broken end, and intact ends at the wrong size, are not trusted either.
        let small = URL(fileURLWithPath: image.small.cachedFile)
        let bytes = try Data(contentsOf: small)
        for damaged in [bytes.prefix(bytes.count - 2) + Data([0x00, 0x00]), bytes.prefix(bytes.count - 2) + Data([0x00, 0x00, 0xFF, 0xD9])] {
            try damaged.write(to: small)
            #expect(PhotoTestSite.load(site).photos?.encoded == 2)
            #expect(try Data(contentsOf: small) == bytes)
        }
    }

    @Test func cleanEncodesAgain() throws {
        let site = try PhotoTestSite.site([("a.jpg", try PhotoFixtures.image(900, 600), "第一张")])
        #expect(PhotoTestSite.load(site).photos?.encoded == 2)
        #expect(PhotoTestSite.load(site, clean: true).photos?.encoded == 2)
        #expect(PhotoTestSite.load(site).photos?.encoded == 0)
    }

    @Test func aSiteWithoutPhotosHasNoPhotoCacheAndRemovedPhotosAreRemovedFromIt() throws {
        let plain = try PhotoTestSite.site([])
        _ = PhotoTestSite.load(plain)
        #expect(!FileManager.default.fileExists(atPath: plain.root.appendingPathComponent(".gongshi-cache/photos").path))
        let site = try PhotoTestSite.site([("a.jpg", try PhotoFixtures.image(900, 600), "第一张")])
        _ = PhotoTestSite.load(site)
        #expect(PhotoTestSite.cached(site).count == 2)
        try site.write("content/examples/e1.md", "---\nid: e1\ntitle: 近百家门\nbranch: b\ndate: 2026-06-01\n---\n正文。\n")
        // Kept for one build (a photo taken out and put back is not encoded again), removed by the next.
        _ = PhotoTestSite.load(site)
        #expect(PhotoTestSite.cached(site).count == 2)
        _ = PhotoTestSite.load(site)
        #expect(PhotoTestSite.cached(site).isEmpty)
    }

    @Test func otherSettingsGiveOtherNames() {
        let base = PhotoCache.settingsDigest()
        let others = [
            PhotoCache.settingsDigest(small: 360), PhotoCache.settingsDigest(large: 1600), PhotoCache.settingsDigest(quality: 70),
            PhotoCache.settingsDigest(favicon: 64), PhotoCache.settingsDigest(library: "8.15.0"),
        ]
        #expect(Set(others + [base]).count == others.count + 1)
        let folder = FileManager.default.temporaryDirectory
        let hash = SHA256.hex("photo")
        let prefixes = ([base] + others).map { PhotoCache(cacheDirectory: folder, clean: true, settings: $0).prefix(of: hash) }
        #expect(Set(prefixes).count == prefixes.count)
        #expect(PhotoCache(cacheDirectory: folder, clean: true).prefix(of: SHA256.hex("other")) != prefixes[0])
    }

    @Test func aPhotoUsedTwiceIsEncodedOnce() throws {
        let data = try PhotoFixtures.image(900, 600)
        let site = try PhotoTestSite.site([("a.jpg", data, "第一张")], body: "正文。\n\n![同一张照片](照片/a.jpg)\n")
        let checked = PhotoTestSite.load(site)
        #expect(checked.photos?.encoded == 2 && checked.photos?.sources == 1)
        let example = try #require(checked.model?.examples.first { $0.id == "e1" })
        #expect(example.bodyImages.values.first?.large == example.imageFiles.first?.large)
    }
}
