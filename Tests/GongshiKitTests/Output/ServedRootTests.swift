import Foundation
import Testing

@testable import GongshiKit

/// The README's nginx example serves the output folder and denies dot-paths. Built in that layout, with an item
/// published and then withdrawn (so an old release holds it), nothing but the live site is under the served root, and
/// everything else beside it is under a dot-path the example denies, even if the root were set to the parent.
@Suite("What a web server serving the README's layout can see")
struct ServedRootTests {
    static let mark = "WITHDRAWN-MARK-7"

    /// The example's `root` and whether it denies `location ~ /\.`.
    static func nginxExample() throws -> (root: String, deniesDotPaths: Bool, cronOutput: String?) {
        let readme = try String(contentsOf: TestSite.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let block = try #require(readme.components(separatedBy: "```nginx\n").dropFirst().first?.components(separatedBy: "```").first)
        let lines = block.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let root = try #require(lines.first { $0.hasPrefix("root ") }).dropFirst("root ".count).dropLast()
        let deny = lines.firstIndex(of: "location ~ /\\. {").map { lines[$0 + 1] == "deny all;" } ?? false
        let cron = readme.components(separatedBy: "```cron\n").dropFirst().first?.components(separatedBy: "--output ").dropFirst().first?
            .split(separator: " ").first.map(String.init)
        return (String(root), deny, cron)
    }

    /// Every entry below `folder` (symlinks not followed), relative to it.
    static func entries(under folder: URL) -> [String] {
        var found: [String] = []
        func walk(_ relative: String) {
            for entry in DirectoryListing.entries(of: folder.path + relative) ?? [] {
                let path = relative + "/" + entry.name
                found.append(path)
                if entry.kind == .directory { walk(path) }
            }
        }
        walk("")
        return found
    }

    @Test func onlyTheLiveSiteIsUnderTheServedRootAndTheRestIsUnderDeniedDotPaths() throws {
        let example = try Self.nginxExample()
        #expect(example.deniesDotPaths, "the example must deny dot-paths")
        #expect(example.cronOutput == example.root, "the example serves what the cron example builds")
        let machine = FileManager.default.temporaryDirectory.appendingPathComponent("served-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: machine) }
        let served = machine.appendingPathComponent(String(example.root.dropFirst()))
        let site = try TestSite([
            "site.yaml": Sample.site,
            "content/branches/a.md": Sample.branch("a"),
            "content/disclosures/d1.md": Sample.disclosure("d1"),
            "content/disclosures/chexia.md": Sample.disclosure("chexia", title: Self.mark, body: "\(Self.mark) 正文"),
        ])
        var options = site.options
        options.outputDirectory = served
        #expect(!(try SiteBuilder.build(options).hasErrors))
        // Withdrawn: the release it is in is archived beside the output.
        try site.write("content/disclosures/chexia.md", Sample.disclosure("chexia", scope: "党内公开", title: Self.mark, body: "\(Self.mark) 正文"))
        #expect(!(try SiteBuilder.build(options).hasErrors))
        try site.write("content/disclosures/d1.md", Sample.disclosure("d1", title: "新标题"))
        #expect(!(try SiteBuilder.build(options).hasErrors))

        // Under the served root: the live site's files, and only dot-paths (denied) besides.
        let manifest = try #require(Manifest.read(from: served.appendingPathComponent(Manifest.fileName)))
        for path in Self.entries(under: served) where !path.contains("/.") {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: served.path + path, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            let relative = String(path.dropFirst())
            #expect(manifest.entries[relative] != nil || relative == Manifest.fileName, "served but not part of the site: \(relative)")
            #expect(try !String(decoding: Data(contentsOf: served.appendingPathComponent(relative)), as: UTF8.self).contains(Self.mark))
        }
        // Beside it: nothing that is not a dot-path, so a root set to the parent would only reach denied paths.
        let parent = served.deletingLastPathComponent()
        let outside = Self.entries(under: parent).filter { !$0.hasPrefix("/" + served.lastPathComponent + "/") && $0 != "/" + served.lastPathComponent }
        #expect(outside.allSatisfy { $0.contains("/.") }, "visible beside the served root: \(outside.filter { !$0.contains("/.") })")
        // And the withdrawn item is really there, in an old release under the dot-folder (the test is not vacuous).
        let layout = ReleaseLayout(output: served)
        #expect(layout.releaseNames().count == 2)
        let archived = layout.releases.appendingPathComponent(layout.releaseNames()[0]).appendingPathComponent("disclosures/chexia/index.html")
        #expect(try String(contentsOf: archived, encoding: .utf8).contains(Self.mark))
        #expect(layout.releases.path.hasPrefix(parent.path + "/."))
        #expect(layout.lockFile.path.hasPrefix(parent.path + "/."))
    }
}
