import Foundation
import Testing

@testable import GongshiKit

/// A published file edited by hand is never reused: the next incremental build makes it again, and `manifest.json`
/// always records the bytes that are on disk.
@Suite("Hand edits of the output")
struct HandEditTests {
    /// How the file is edited.
    enum Edit: String, CaseIterable, Sendable {
        /// Other bytes of another length, written in place (every hard link of the file sees them).
        case differentSize
        /// Other bytes of the same length, in place.
        case sameSize
        /// Same length, in place, and the modification time set back to what it was.
        case sameSizeOldTime
        /// A new file under the old name (as `sed -i` and most editors save).
        case replaced
        /// Deleted.
        case deleted
        /// A symbolic link to a copy of the very same bytes: not a regular file of the site.
        case symlink
    }

    static func edit(_ url: URL, _ edit: Edit) throws {
        let before = try Data(contentsOf: url)
        let modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as! Date
        // "HACKED" replaces six bytes so that the size stays.
        let hacked = Data("HACKED".utf8) + before.dropFirst(6)
        switch edit {
        case .differentSize:
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("<!-- HACKED -->".utf8))
            try handle.close()
        case .sameSize, .sameSizeOldTime:
            let handle = try FileHandle(forWritingTo: url)
            try handle.write(contentsOf: hacked)
            try handle.close()
            if edit == .sameSizeOldTime { try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path) }
        case .replaced:
            try FileManager.default.removeItem(at: url)
            try hacked.write(to: url)
        case .deleted:
            try FileManager.default.removeItem(at: url)
            return
        case .symlink:
            let copy = url.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("copy-\(UUID().uuidString)")
            try before.write(to: copy)
            try FileManager.default.removeItem(at: url)
            try FileManager.default.createSymbolicLink(at: url, withDestinationURL: copy)
            return
        }
        #expect(try Data(contentsOf: url) != before)
    }

    /// Every file of `output` has the bytes of the same file of a clean build, and its manifest entry is its bytes.
    static func expectRepaired(_ site: TestSite, _ path: String, _ note: String) throws {
        var clean = site.options
        clean.outputDirectory = site.root.appendingPathComponent("clean-\(UUID().uuidString)")
        clean.clean = true
        _ = try SiteBuilder.build(clean)
        let expected = try Data(contentsOf: clean.outputDirectory.appendingPathComponent(path))
        let url = site.output.appendingPathComponent(path)
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType == .typeRegular, "\(note)")
        let actual = try Data(contentsOf: url)
        #expect(actual == expected, "\(note): \(path) still holds the hand edit")
        let manifest = try #require(Manifest.read(from: site.output.appendingPathComponent(Manifest.fileName)))
        #expect(manifest.entries[path] == Manifest.Entry(sha256: SHA256.hex(actual), size: actual.count), "\(note): manifest of \(path)")
        #expect(try ReleaseRecyclerTests.problems(in: site.output) == [], "\(note)")
    }

    static let paths = ["pages/about/index.html", "branches/a/index.html", "search/meta.json", "data/branches.csv"]

    @Test(arguments: Edit.allCases)
    func anEditedPublishedFileIsMadeAgainByTheNextBuilds(_ edit: Edit) throws {
        for keep in [3, 1] {
            let site = try BuildEndToEndTests.smallSite()
            var options = site.options
            options.keepReleases = keep
            // With one kept release, the third build onwards recycles the oldest release's folder.
            for _ in 0..<3 { _ = try SiteBuilder.build(options) }
            for path in Self.paths {
                try Self.edit(site.output.appendingPathComponent(path), edit)
                for round in 1...2 {
                    let outcome = try SiteBuilder.build(options)
                    #expect(!outcome.hasErrors)
                    try Self.expectRepaired(site, path, "\(edit) keep \(keep) round \(round)")
                }
            }
        }
    }

    @Test func anEditedFileInTheRecycledReleaseIsNotKept() throws {
        let site = try BuildEndToEndTests.smallSite()
        var options = site.options
        options.keepReleases = 1
        for _ in 0..<3 { _ = try SiteBuilder.build(options) }
        let layout = ReleaseLayout(output: site.output)
        let oldest = try #require(layout.releaseNames().first)
        // The archived copy (a new file; the published one is untouched) is what the next build recycles.
        let path = "pages/about/index.html"
        try Self.edit(layout.releases.appendingPathComponent(oldest).appendingPathComponent(path), .replaced)
        let outcome = try SiteBuilder.build(options)
        #expect(outcome.publish?.reused ?? 0 > 0, "the build is incremental")
        try Self.expectRepaired(site, path, "recycled")
    }

    @Test func unchangedFilesAreStillReused() throws {
        let site = try BuildEndToEndTests.smallSite()
        _ = try site.build()
        let first = try #require(try site.build().publish)
        try Self.edit(site.output.appendingPathComponent("pages/about/index.html"), .sameSizeOldTime)
        let second = try #require(try site.build().publish)
        #expect(second.written == first.written + 1)
        #expect(second.reused == first.reused - 1)
    }
}
