import Foundation

/// Finds every `href`/`src` in the output's HTML files that does not resolve to a file of the output.
enum LinkChecker {
    static func brokenLinks(in output: URL, baseURL: String) -> [String] {
        let fm = FileManager.default
        var broken: [String] = []
        let enumerator = fm.enumerator(atPath: output.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".html") else { continue }
            let page = output.appendingPathComponent(path)
            guard let html = try? String(contentsOf: page, encoding: .utf8) else { continue }
            for link in links(in: html) {
                guard let target = resolve(link, from: page, output: output, baseURL: baseURL) else { continue }
                var isDirectory: ObjCBool = false
                let exists = fm.fileExists(atPath: target.path, isDirectory: &isDirectory)
                let file = isDirectory.boolValue ? target.appendingPathComponent("index.html") : target
                if !exists || !fm.fileExists(atPath: file.path) { broken.append("\(path) → \(link)") }
            }
        }
        return broken.sorted()
    }

    static func links(in html: String) -> [String] {
        var result: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                result.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        // Every address of a srcset (`url 480w, url 1280w`).
        var rest = html[...]
        while let start = rest.range(of: "srcset=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            result += rest[..<end].split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) }
            rest = rest[end...]
        }
        return result
    }

    /// The file a link points at, or nil for external links and in-page anchors.
    static func resolve(_ link: String, from page: URL, output: URL, baseURL: String) -> URL? {
        var link = link.replacingOccurrences(of: "&amp;", with: "&")
        if let hash = link.firstIndex(of: "#") { link = String(link[..<hash]) }
        if link.isEmpty { return nil }
        if link.hasPrefix(baseURL) { return output.appendingPathComponent(String(link.dropFirst(baseURL.count))) }
        if link.contains("://") || link.hasPrefix("mailto:") || link.hasPrefix("tel:") { return nil }
        return URL(fileURLWithPath: link, relativeTo: page.deletingLastPathComponent()).standardizedFileURL
    }
}
