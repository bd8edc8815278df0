import Foundation

/// Checks a staged site before it goes live: every `href`/`src` that points inside the site names a file of it.
enum LinkVerifier {
    /// Broken links as `page → link`, sorted; `files` is every path of the site.
    static func brokenLinks(pages: [RenderedPage], files: Set<String>, baseURL: String) -> [String] {
        var broken: [String] = []
        for page in pages where page.path.hasSuffix(".html") {
            let html = String(decoding: page.contents, as: UTF8.self)
            for link in links(in: html) {
                guard let target = resolve(link, from: page.path, baseURL: baseURL) else { continue }
                let candidates = target.isEmpty || target.hasSuffix("/") ? [target + "index.html"] : [target, target + "/index.html"]
                if !candidates.contains(where: files.contains) { broken.append("\(page.path) → \(link)") }
            }
        }
        return broken.sorted()
    }

    static func links(in html: String) -> [String] {
        var result: [String] = []
        for attribute in [" href=\"", " src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                result.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return result
    }

    /// The site path a link points at, or nil for external links and in-page anchors.
    static func resolve(_ link: String, from page: String, baseURL: String) -> String? {
        var link = link.replacingOccurrences(of: "&amp;", with: "&")
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
