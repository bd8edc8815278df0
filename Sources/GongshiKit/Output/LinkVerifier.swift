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
            if !exists { broken.append("\(page.path) → \(link)") }
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

    /// The site path a link points at, or nil for external links and in-page anchors.
    static func resolve(_ link: String, from page: String, baseURL: String) -> String? {
        var link = link.contains("&") ? link.replacingOccurrences(of: "&amp;", with: "&") : link
        if let cut = link.firstIndex(where: { $0 == "#" || $0 == "?" }) { link = String(link[..<cut]) }
        if link.isEmpty { return nil }
        if link.hasPrefix(baseURL) { return String(link.dropFirst(baseURL.count)) }
        if link.contains(":") || link.hasPrefix("//") { return nil }
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in link.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "..": if !parts.isEmpty { parts.removeLast() }
            case ".", "": continue
            default: parts.append(String(part))
            }
        }
        let path = parts.joined(separator: "/")
        return link.hasSuffix("/") && !path.isEmpty ? path + "/" : path
    }
}
