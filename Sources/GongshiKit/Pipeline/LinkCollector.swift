import Foundation

/// Collects the internal links of a page where it is rendered (`RenderStage`), as the page's bytes are made, so that
/// no written page is ever read back for them: the links whose targets are not among the files known in advance are
/// handed on with the page, and `Publisher` checks them against the final file set.
enum LinkCollector {
    /// The broken links of one page (none unless it is HTML).
    static func brokenLinks(in page: RenderedPage, files: Set<String>, baseURL: String) -> [String] {
        missingTargets(of: page.path, page.contents, files: files, baseURL: baseURL).map(\.shown)
    }

    /// The links of the page at `path` (none unless it is HTML) whose targets are not in `files`, each once.
    static func missingTargets(of path: String, _ contents: Data, files: Set<String>, baseURL: String) -> [LinkVerifier.Broken] {
        guard path.hasSuffix(".html") else { return [] }
        var broken: [LinkVerifier.Broken] = []
        var checked: Set<String> = []
        for link in links(in: contents) where checked.insert(link).inserted {
            guard let target = LinkVerifier.resolve(link, from: path, baseURL: baseURL) else { continue }
            // Shown as written (cmark percent-encodes Chinese file names in links).
            if !LinkVerifier.exists(target, in: files) {
                broken.append(LinkVerifier.Broken(shown: "\(path) → \(link.removingPercentEncoding ?? link)", target: target))
            }
        }
        return broken
    }

    /// Every ` href="…"` and ` src="…"` value and every address of a ` srcset="…"` (`url 480w, url 1280w`), scanning the page's UTF-8 bytes in place (Foundation's `range(of:)` on
    /// long pages was the largest single cost of a build; a copy of the page as a `String` is not needed either).
    static func links(in contents: Data) -> [String] {
        contents.withUnsafeBytes { raw in links(in: raw.bindMemory(to: UInt8.self)) }
    }

    private static func links(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var result: [String] = []
        let patterns: [[UInt8]] = [Array(" href=\"".utf8), Array(" src=\"".utf8), Array(" srcset=\"".utf8)]
        for (number, pattern) in patterns.enumerated() {
            var index = 0
            let last = bytes.count - pattern.count
            while index <= last {
                guard bytes[index] == 0x20, bytes[index + 1] == pattern[1] else {
                    index += 1
                    continue
                }
                var matches = true
                for offset in 2..<pattern.count where bytes[index + offset] != pattern[offset] {
                    matches = false
                    break
                }
                guard matches else {
                    index += 1
                    continue
                }
                let start = index + pattern.count
                var end = start
                while end < bytes.count, bytes[end] != 0x22 { end += 1 }
                guard end < bytes.count else { break }
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                if number == 2 {
                    // Candidates are separated by commas; each is an address and a descriptor.
                    result += value.split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) }
                } else {
                    result.append(value)
                }
                index = end + 1
            }
        }
        return result
    }
}
