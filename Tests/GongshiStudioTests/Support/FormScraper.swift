import Foundation

/// What a browser would submit for the first `<form method="post">` of a page, without pressing any named button:
/// inputs with their values (checkboxes only when checked), text areas (less the newline after the tag, as HTML
/// parsing drops it), and each select's selected option (else its first).
enum FormScraper {
    static func fields(in html: String, action: String? = nil) -> [(String, String)] {
        guard let form = formHTML(html, action: action) else { return [] }
        var fields: [(Int, String, String)] = []
        for match in form.matches(of: /<input\b([^>]*)>/) {
            let attributes = String(match.1)
            guard let name = attribute("name", in: attributes) else { continue }
            let type = attribute("type", in: attributes) ?? "text"
            if type == "checkbox" && !attributes.contains(" checked") { continue }
            if type == "submit" { continue }
            fields.append((form.distance(from: form.startIndex, to: match.range.lowerBound), name, attribute("value", in: attributes) ?? ""))
        }
        for match in form.matches(of: /<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/) {
            guard let name = attribute("name", in: String(match.1)) else { continue }
            var text = String(match.2)
            if text.hasPrefix("\n") { text.removeFirst() }
            fields.append((form.distance(from: form.startIndex, to: match.range.lowerBound), name, unescape(text)))
        }
        for match in form.matches(of: /<select\b([^>]*)>([\s\S]*?)<\/select>/) {
            guard let name = attribute("name", in: String(match.1)) else { continue }
            let options = String(match.2).matches(of: /<option\b([^>]*)>/).map { String($0.1) }
            let chosen = options.first { $0.contains(" selected") } ?? options.first ?? ""
            fields.append((form.distance(from: form.startIndex, to: match.range.lowerBound), name, attribute("value", in: chosen) ?? ""))
        }
        return fields.sorted { $0.0 < $1.0 }.map { ($0.1, $0.2) }
    }

    /// The form whose action is `action` (or the first post form that is not 退出).
    static func formHTML(_ html: String, action: String?) -> Substring? {
        for match in html.matches(of: /<form\b([^>]*)>([\s\S]*?)<\/form>/) {
            let attributes = String(match.1)
            guard attributes.contains("method=\"post\""), attribute("action", in: attributes) != "/logout" else { continue }
            if let action, attribute("action", in: attributes) != action { continue }
            return match.2
        }
        return nil
    }

    static func attribute(_ name: String, in attributes: String) -> String? {
        guard let range = attributes.range(of: " \(name)=\"") else { return nil }
        let rest = attributes[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return unescape(String(rest[..<end]))
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// A copy of the sample site (site.yaml, content/, templates/) in a temp dir, for tests that save and check.
enum SampleCopy {
    static func make() throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in ["site.yaml", "content", "templates"] {
            try FileManager.default.copyItem(at: sampleSite.appendingPathComponent(name), to: target.appendingPathComponent(name))
        }
        return target
    }
}
