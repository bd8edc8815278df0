import Foundation

/// How a link of the site resolves to a site path, and whether that path is a file of the release: the check of every
/// `href`/`src` before a release goes live (the links themselves are collected where the pages are rendered,
/// `LinkCollector`).
enum LinkVerifier {
    /// Whether the site path `target` (as `resolve` gives it) names one of `files`: a folder stands for its index.html.
    static func exists(_ target: String, in files: some Collection<String>) -> Bool {
        target.isEmpty || target.hasSuffix("/")
            ? files.contains(target + "index.html") : files.contains(target) || files.contains(target + "/index.html")
    }

    /// A broken link as shown (`page → link`) and the site path it resolves to.
    struct Broken: Sendable {
        let shown, target: String
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
