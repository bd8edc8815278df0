import Foundation

/// Checks a staged site before it goes live: every `href`/`src` that points inside the site names a file of it.
enum LinkVerifier {
    /// Broken links as `page → link`, sorted; `files` is every path of the site.
    static func brokenLinks(pages: [RenderedPage], files: Set<String>, baseURL: String) -> [String] {
        pages.flatMap { brokenLinks(in: $0, files: files, baseURL: baseURL) }.sorted()
    }

    /// The broken links of one page (none unless it is HTML).
    static func brokenLinks(in page: RenderedPage, files: Set<String>, baseURL: String) -> [String] {
        guard page.path.hasSuffix(".html") else { return [] }
        var broken: [String] = []
        let html = String(decoding: page.contents, as: UTF8.self)
        var checked: Set<String> = []
        for link in links(in: html) where checked.insert(link).inserted {
            guard let target = resolve(link, from: page.path, baseURL: baseURL) else { continue }
            let exists =
                target.isEmpty || target.hasSuffix("/")
                ? files.contains(target + "index.html") : files.contains(target) || files.contains(target + "/index.html")
            // Shown as written (cmark percent-encodes Chinese file names in links).
            if !exists { broken.append("\(page.path) → \(link.removingPercentEncoding ?? link)") }
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

    /// The site path a link points at, or nil for external links and in-page anchors. Works on UTF-8 bytes:
    /// it runs for every link of every page.
    static func resolve(_ link: String, from page: String, baseURL: String) -> String? {
        var link = link.utf8.contains(0x26) ? link.replacingOccurrences(of: "&amp;", with: "&") : link
        if let cut = link.utf8.firstIndex(where: { $0 == 0x23 || $0 == 0x3F }) { link = String(link[..<cut]) }
        if link.isEmpty { return nil }
        if link.hasPrefix(baseURL) { return String(link.dropFirst(baseURL.count)) }
        if link.utf8.contains(0x3A) || link.hasPrefix("//") { return nil }
        var parts = page.utf8.split(separator: 0x2F).dropLast().map { Array($0) }
        for part in link.utf8.split(separator: 0x2F, omittingEmptySubsequences: false) {
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
