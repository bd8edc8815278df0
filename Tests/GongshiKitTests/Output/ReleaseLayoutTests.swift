import Foundation
import Testing

@testable import GongshiKit

/// Releases, staging and the lock live in `.<output>.gongshi/`; the earlier layout (`output.releases/`,
/// `.output.lock`, `.output.staging-<pid>`) is still recognised and moved in.
@Suite("Where releases live")
struct ReleaseLayoutTests {
    @Test func everythingButTheSiteIsInOneDotFolderBesideIt() throws {
        let output = PublisherTests.freshOutput()
        let layout = ReleaseLayout(output: output)
        let parent = output.deletingLastPathComponent().path
        #expect(layout.stateDirectory.path == parent + "/.output.gongshi")
        #expect(layout.releases.path == parent + "/.output.gongshi/releases")
        #expect(layout.lockFile.path == parent + "/.output.gongshi/lock")
        #expect(layout.staging(pid: 42).path == parent + "/.output.gongshi/staging-42")
        let publisher = Publisher(outputDirectory: output, keepReleases: 2)
        for n in 1...3 { try publisher.publish(PublisherTests.site("v\(n)"), baseURL: "https://e.org/") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == [".output.gongshi", "output"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.releases.path).count == 2)
    }

    /// A site published twice, its one release then moved back to where earlier versions kept it.
    static func legacySite() throws -> (ReleaseLayout, String) {
        let output = PublisherTests.freshOutput()
        let publisher = Publisher(outputDirectory: output, keepReleases: 3)
        try publisher.publish(PublisherTests.site("v1"), baseURL: "https://e.org/")
        try publisher.publish(PublisherTests.site("v2"), baseURL: "https://e.org/")
        let layout = publisher.layout
        let name = try #require(layout.releaseNames().first)
        let fm = FileManager.default
        try fm.createDirectory(at: layout.legacyReleases, withIntermediateDirectories: true)
        try fm.moveItem(at: layout.releases.appendingPathComponent(name), to: layout.legacyReleases.appendingPathComponent(name))
        try fm.removeItem(at: layout.stateDirectory)
        try Data("99999999\n".utf8).write(to: layout.legacyLockFile)
        return (layout, name)
    }

    @Test func releasesOfTheEarlierLayoutAreListedAndRolledBackTo() throws {
        let (layout, name) = try Self.legacySite()
        #expect(layout.releaseNames() == [name])
        #expect(layout.release(named: name) == layout.legacyReleases.appendingPathComponent(name))
        let (restored, _) = try Publisher(outputDirectory: layout.output).rollback(to: nil)
        #expect(restored == name)
        #expect(PublisherTests.text(layout.output.appendingPathComponent("index.html"))?.contains("v1") == true)
        #expect(!FileManager.default.fileExists(atPath: layout.legacyReleases.path))
    }

    @Test func theNextBuildMovesThemIntoTheDotFolder() throws {
        let (layout, name) = try Self.legacySite()
        // A staging folder left by a killed build of the earlier version.
        let abandoned = layout.output.deletingLastPathComponent().appendingPathComponent(".output.staging-99999999")
        try FileManager.default.createDirectory(at: abandoned, withIntermediateDirectories: true)
        try Publisher(outputDirectory: layout.output, keepReleases: 3).publish(PublisherTests.site("v3"), baseURL: "https://e.org/")
        let fm = FileManager.default
        #expect(!fm.fileExists(atPath: layout.legacyReleases.path))
        #expect(!fm.fileExists(atPath: layout.legacyLockFile.path))
        #expect(!fm.fileExists(atPath: abandoned.path))
        #expect(layout.releaseNames().count == 2)
        #expect(fm.fileExists(atPath: layout.releases.appendingPathComponent(name).appendingPathComponent("index.html").path))
        #expect(try fm.contentsOfDirectory(atPath: layout.output.deletingLastPathComponent().path).sorted() == [".output.gongshi", "output"])
    }

    @Test func aLegacyLockStillHeldIsLeftAlone() throws {
        let (layout, _) = try Self.legacySite()
        let held = try BuildLock.acquire(layout.legacyLockFile, wait: .no)
        defer { held.release() }
        layout.migrateLegacyReleases()
        #expect(FileManager.default.fileExists(atPath: layout.legacyLockFile.path))
        #expect(!FileManager.default.fileExists(atPath: layout.legacyReleases.path))
    }
}
