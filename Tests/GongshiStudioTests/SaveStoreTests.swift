import Foundation
import GongshiKit
import Testing

@testable import GongshiStudio

/// A throwaway source dir with one example file.
func temporarySite() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("studio-content-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("content/examples"), withIntermediateDirectories: true)
    try Data("---\nid: a\ntitle: 原来的\nbranch: b\ndate: 2026-01-01\n---\n\n正文\n".utf8)
        .write(to: root.appendingPathComponent("content/examples/a.md"))
    return root
}

struct InjectedCrash: Error {}

@Suite struct SaveStoreTests {
    @Test func writesOnlyOverTheVersionTheFormWasBasedOn() throws {
        let store = ContentStore(sourceDirectory: try temporarySite())
        let (bytes, version) = try store.read("content/examples/a.md")
        let edited = Array("---\nid: a\ntitle: 改过的\n---\n".utf8)
        let newVersion = try store.write("content/examples/a.md", bytes: edited, expectedVersion: version)
        #expect(try store.read("content/examples/a.md").bytes == edited)
        #expect(newVersion == ContentStore.version(of: edited))
        // A second form opened on the old version is refused and given the current bytes.
        let conflict = #expect(throws: ContentStore.Conflict.self) {
            try store.write("content/examples/a.md", bytes: bytes, expectedVersion: version)
        }
        #expect(conflict?.currentBytes == edited)
        #expect(try store.read("content/examples/a.md").bytes == edited)
        // A new file may not overwrite one that exists.
        #expect(throws: ContentStore.Conflict.self) { try store.write("content/examples/a.md", bytes: bytes, expectedVersion: nil) }
        try store.write("content/examples/new.md", bytes: bytes, expectedVersion: nil)
        #expect(store.list(.examples).map(\.path) == ["content/examples/a.md", "content/examples/new.md"])
    }

    @Test func keepsTheFileModeAndLeavesNoTempFiles() throws {
        let root = try temporarySite()
        let file = root.appendingPathComponent("content/examples/a.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let store = ContentStore(sourceDirectory: root)
        try store.write("content/examples/a.md", bytes: Array("x".utf8), expectedVersion: try store.read("content/examples/a.md").version)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path) == ["a.md"])
    }

    @Test func aCrashBeforeTheRenameLeavesTheOldFileWhole() throws {
        let root = try temporarySite()
        let original = try Data(contentsOf: root.appendingPathComponent("content/examples/a.md"))
        let store = ContentStore(sourceDirectory: root) { temp in
            // The new bytes are complete in a hidden temp file; the old file is still the one on disk.
            #expect(temp.lastPathComponent.hasPrefix("."))
            #expect(!temp.lastPathComponent.hasSuffix(".md"))
            #expect(try Data(contentsOf: root.appendingPathComponent("content/examples/a.md")) == original)
            throw InjectedCrash()
        }
        #expect(throws: InjectedCrash.self) {
            try store.write(
                "content/examples/a.md", bytes: Array(repeating: 0x41, count: 1 << 20), expectedVersion: ContentStore.version(of: [UInt8](original)))
        }
        #expect(try Data(contentsOf: root.appendingPathComponent("content/examples/a.md")) == original)
        #expect(store.list(.examples).map(\.path) == ["content/examples/a.md"])
        #expect(ContentScanner(sourceDirectory: root).list().entries.map(\.path) == ["content/examples/a.md"])
    }

    @Test(arguments: [
        "content/examples/../../accounts.yaml", "/etc/passwd", "content/examples/.hidden.md", "content/examples/a.txt",
        "content/other/a.md", "accounts.yaml", "content/examples/sub/a.md", "content/examples/a b.md", "content/examples/-a.md",
    ])
    func refusesPathsOutsideTheContentFolders(_ path: String) throws {
        let store = ContentStore(sourceDirectory: try temporarySite())
        #expect(throws: ContentStore.PathError.self) { try store.write(path, bytes: [], expectedVersion: nil) }
    }

    @Test func refusesASymlinkLeadingOutOfTheFolder() throws {
        let root = try temporarySite()
        try Data("secret".utf8).write(to: root.appendingPathComponent("accounts.yaml"))
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("content/examples/link.md").path, withDestinationPath: root.appendingPathComponent("accounts.yaml").path)
        let store = ContentStore(sourceDirectory: root)
        #expect(throws: ContentStore.PathError.self) { try store.read("content/examples/link.md") }
        #expect(store.list(.examples).map(\.path) == ["content/examples/a.md"])
    }

    @Test func listsIdOrgAndTitleAndNoticesChanges() throws {
        let root = try temporarySite()
        let store = ContentStore(sourceDirectory: root)
        #expect(store.list(.examples) == [.init(path: "content/examples/a.md", kind: .examples, id: "a", org: "b", title: "原来的", state: .reviewed)])
        try store.write(
            "content/examples/a.md", bytes: Array("---\nid: a\ntitle: 新标题啊\nbranch: c\n---\n".utf8),
            expectedVersion: try store.read("content/examples/a.md").version)
        #expect(store.list(.examples).first?.title == "新标题啊")
        #expect(store.list(.examples).first?.org == "c")
    }
}
