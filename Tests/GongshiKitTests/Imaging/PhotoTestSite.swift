import Foundation
import Testing

@testable import GongshiKit

/// The end-to-end tests' small site with photos added to its records.
enum PhotoTestSite {
    /// The small site, with `photos` written under `content/examples/照片/` and listed in e1's `images`.
    static func site(_ photos: [(name: String, data: Data, caption: String)], body: String = "第一段**摘要**。\n\n第二段。\n") throws -> TestSite {
        let site = try BuildEndToEndTests.smallSite()
        var list = ""
        for photo in photos {
            try site.write("content/examples/照片/\(photo.name)", photo.data)
            list += "  - file: 照片/\(photo.name)\n    caption: \(photo.caption)\n"
        }
        try site.write(
            "content/examples/e1.md",
            "---\nid: e1\ntitle: 近百家门\nbranch: b\ndate: 2026-06-01\nservice: 服务群众\n" + (list.isEmpty ? "" : "images:\n" + list)
                + "---\n" + body)
        return site
    }

    /// Loads and checks like a build does (the image stage encoding into the cache), without publishing.
    static func load(_ site: TestSite, clean: Bool = false) -> SiteBuilder.Checked {
        var options = site.options
        options.clean = clean
        return SiteBuilder.check(options, cache: .disk(probe: true))
    }

    /// The 1-based line of the first line of `file` holding `text`.
    static func line(of text: String, in file: String, _ site: TestSite) throws -> Int {
        try BodyLinkCheckerTests.line(of: text, in: file, site)
    }

    static var cacheFolder: String { PhotoCache.folderName }

    /// The files in the site's photo cache (without the index).
    static func cached(_ site: TestSite) -> [String] {
        let folder = site.root.appendingPathComponent(".gongshi-cache/\(cacheFolder)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0 != PhotoCache.indexName }.sorted()
    }
}
