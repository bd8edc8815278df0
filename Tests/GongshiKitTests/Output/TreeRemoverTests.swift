import Foundation
import Testing

@testable import GongshiKit

@Suite("Removing old releases")
struct TreeRemoverTests {
    @Test func removesNestedFoldersButNeverFollowsSymlinks() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("tree-remover-\(UUID().uuidString)")
        let outside = root.appendingPathComponent("outside")
        let tree = root.appendingPathComponent("release")
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: outside.appendingPathComponent("keep.txt"))
        for folder in ["a/b/c", "a/d", "e"] {
            try fm.createDirectory(at: tree.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["index.html", "a/x.html", "a/b/c/index.html", "e/.hidden"] {
            try Data("页".utf8).write(to: tree.appendingPathComponent(file))
        }
        try fm.createSymbolicLink(at: tree.appendingPathComponent("a/d/link-to-outside"), withDestinationURL: outside)
        try fm.createSymbolicLink(at: tree.appendingPathComponent("dangling"), withDestinationURL: root.appendingPathComponent("nowhere"))
        defer { try? fm.removeItem(at: root) }

        #expect(TreeRemover.remove(tree))
        #expect(!fm.fileExists(atPath: tree.path))
        #expect(fm.fileExists(atPath: outside.appendingPathComponent("keep.txt").path), "a symlinked folder's contents are kept")
        #expect(TreeRemover.remove(tree), "removing what is already gone is fine")
    }

    @Test func removesASingleFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tree-remover-\(UUID().uuidString).txt")
        try Data("x".utf8).write(to: file)
        #expect(TreeRemover.remove(file))
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }
}
