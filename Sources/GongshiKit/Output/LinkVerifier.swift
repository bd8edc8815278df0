import Foundation

/// Checks a staged site before it goes live: every `href`/`src` that points inside the site names a file of it.
enum LinkVerifier {
    /// Broken links as `page → link`, sorted; `files` is every path of the site.
    static func brokenLinks(pages: [RenderedPage], files: Set<String>, baseURL: String) -> [String] {
        pages.flatMap { brokenLinks(in: $0, files: files, baseURL: baseURL) }.sorted()
    }

    /// The broken links of one page (none unless it is HTML).
    static func brokenLinks(in page: RenderedPage, files: Set<String>, baseURL: String) -> [String] {
        brokenTargets(in: page, files: files, baseURL: baseURL).map(\.shown)
    }

    /// Whether the site path `target` (as `resolve` gives it) names one of `files`: a folder stands for its index.html.
    static func exists(_ target: String, in files: some Collection<String>) -> Bool {
        target.isEmpty || target.hasSuffix("/")
            ? files.contains(target + "index.html") : files.contains(target) || files.contains(target + "/index.html")
    }

    /// A broken link as shown (`page → link`) and the site path it resolves to.
    struct Broken: Sendable {
        let shown, target: String
    }

    /// The broken links of one page, with their targets.
    static func brokenTargets(in page: RenderedPage, files: Set<String>, baseURL: String) -> [Broken] {
        guard page.path.hasSuffix(".html") else { return [] }
        var broken: [Broken] = []
        let html = String(decoding: page.contents, as: UTF8.self)
        var checked: Set<String> = []
        for link in links(in: html) where checked.insert(link).inserted {
            guard let target = resolve(link, from: page.path, baseURL: baseURL) else { continue }
            let exists = Self.exists(target, in: files)
            // Shown as written (cmark percent-encodes Chinese file names in links).
            if !exists { broken.append(Broken(shown: "\(page.path) → \(link.removingPercentEncoding ?? link)", target: target)) }
        }
        return broken
    }

    /// Every ` href="…"` and ` src="…"` value, scanning the UTF-8 bytes once (Foundation's `range(of:)` on long
    /// pages was the largest single cost of a build).
    static func links(in html: String) -> [String] {
        var result: [String] = []
        let patterns: [[UInt8]] = [Array(" href=\"".utf8), Array(" src=\"".utf8)]
        var text = html
        text.makeContiguousUTF8()
        _ = text.utf8.withContiguousStorageIfAvailable { bytes in
            for pattern in patterns {
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
                    result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                    index = end + 1
                }
            }
        }
        return result
    }

    /// A percent-encoded path segment's bytes decoded; as written when it does not decode.
    private static func decoded(_ segment: Substring.UTF8View.SubSequence) -> [UInt8] {
        let text = String(decoding: segment, as: UTF8.self)
        return Array((text.removingPercentEncoding ?? text).utf8)
    }

    /// The site path a link points at, or nil for external links and in-page anchors; each path segment is
    /// percent-decoded, as a browser resolves it. Works on UTF-8 bytes: it runs for every link of every page.
    static func resolve(_ link: String, from page: String, baseURL: String) -> String? {
        var link = link.utf8.contains(0x26) ? link.replacingOccurrences(of: "&amp;", with: "&") : link
        if let cut = link.utf8.firstIndex(where: { $0 == 0x23 || $0 == 0x3F }) { link = String(link[..<cut]) }
        if link.isEmpty { return nil }
        if link.hasPrefix(baseURL) { return String(link.dropFirst(baseURL.count)) }
        if link.utf8.contains(0x3A) || link.hasPrefix("//") { return nil }
        var parts = page.utf8.split(separator: 0x2F).dropLast().map { Array($0) }
        for raw in link.utf8.split(separator: 0x2F, omittingEmptySubsequences: false) {
            // A browser reads `guan%79u` as `guanyu` and `%2e%2e` as `..`; a segment that does not decode stays as written.
            let part = raw.contains(0x25) ? decoded(raw) : Array(raw)
            if part.elementsEqual("..".utf8) {
                if !parts.isEmpty { parts.removeLast() }
            } else if !part.isEmpty, !part.elementsEqual(".".utf8) {
                parts.append(Array(part))
            }
        }
        var path: [UInt8] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { path.append(0x2F) }
            path += part
        }
        if link.utf8.last == 0x2F, !path.isEmpty { path.append(0x2F) }
        return String(decoding: path, as: UTF8.self)
    }
}
