import Foundation
import Testing

@testable import GongshiPreview

@Suite("Watching the source for changes")
struct SiteWatcherTests {
    static func snapshot(_ files: [String: Int64]) -> SourceSnapshot {
        SourceSnapshot(files: files.mapValues { FileStamp(size: $0, seconds: 100) })
    }

    @Test func diffNamesAddedRemovedAndChangedFiles() {
        let old = Self.snapshot(["site.yaml": 10, "content/a.md": 20, "content/gone.md": 5])
        var new = Self.snapshot(["site.yaml": 10, "content/a.md": 21, "content/new.md": 1])
        #expect(new.changedPaths(since: old) == ["content/a.md", "content/gone.md", "content/new.md"])
        new.files["content/a.md"] = FileStamp(size: 20, seconds: 100, nanoseconds: 1)
        #expect(new.changedPaths(since: old) == ["content/a.md", "content/gone.md", "content/new.md"])
        #expect(old.changedPaths(since: old).isEmpty)
    }

    @Test func aBurstOfChangesTriggersOneRebuildAfterItSettles() {
        let start = ContinuousClock.now
        let at = { (ms: Int) in start + .milliseconds(ms) }
        var watcher = SiteWatcher(initial: Self.snapshot(["a": 1]), settle: .milliseconds(200))
        #expect(watcher.observe(Self.snapshot(["a": 1]), at: at(300)) == nil)
        #expect(watcher.observe(Self.snapshot(["a": 2]), at: at(600)) == nil)
        #expect(watcher.observe(Self.snapshot(["a": 2, "b": 1]), at: at(700)) == nil)
        #expect(watcher.observe(Self.snapshot(["a": 3, "b": 1]), at: at(850)) == nil)
        #expect(watcher.hasPendingChanges)
        #expect(watcher.observe(Self.snapshot(["a": 3, "b": 1]), at: at(1000)) == nil)
        #expect(watcher.observe(Self.snapshot(["a": 3, "b": 1]), at: at(1050)) == ["a", "b"])
        #expect(!watcher.hasPendingChanges)
        #expect(watcher.observe(Self.snapshot(["a": 3, "b": 1]), at: at(2000)) == nil)
    }

    @Test func takesStampsOfSiteYamlContentAndTemplatesOnly() throws {
        let site = try PreviewSite([
            "site.yaml": "title: x",
            "content/branches/a.md": "a",
            "content/branches/.a.md.swp": "swap",
            "content/branches/a.md~": "backup",
            "templates/home.mustache": "home",
            "output/index.html": "not watched",
            "notes.txt": "not watched",
        ])
        defer { site.remove() }
        let templates = site.root.appendingPathComponent("templates")
        let before = SourceSnapshot.take(sourceDirectory: site.root, templatesDirectory: templates)
        #expect(before.files.keys.sorted() == ["content/branches/a.md", "site.yaml", "templates/home.mustache"])
        #expect(before.files["content/branches/a.md"]?.size == 1)

        try site.write("content/branches/a.md", "ab")
        try site.write("output/index.html", "still not watched")
        let after = SourceSnapshot.take(sourceDirectory: site.root, templatesDirectory: templates)
        #expect(after.changedPaths(since: before) == ["content/branches/a.md"])
    }

    @Test func watchesATemplatesFolderOutsideTheSource() throws {
        let site = try PreviewSite(["site.yaml": "title: x", "content/pages/p.md": "p"])
        let templates = try PreviewSite(["layout.mustache": "layout"])
        defer {
            site.remove()
            templates.remove()
        }
        let snapshot = SourceSnapshot.take(sourceDirectory: site.root, templatesDirectory: templates.root)
        #expect(snapshot.files.keys.contains(templates.root.standardizedFileURL.path + "/layout.mustache"))
        #expect(snapshot.files.count == 3)
    }
}
