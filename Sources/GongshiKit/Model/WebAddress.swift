/// The host of a `base_url`, for refusing addresses that cannot be the site's own: the scaffold's example host in any
/// spelling (scheme case, port, path, user, trailing dot) and the names RFC 2606 and RFC 6761 reserve for examples,
/// tests and the local machine. `example.org` is the one reserved name let through: the test sites and the sample
/// use it as their fictional address.
enum WebAddress {
    /// Whether `text` begins with `http://` or `https://`, in any letter case.
    static func hasWebScheme(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }

    /// `text` with its scheme in lower case (`HTTPS://a.cn/` → `https://a.cn/`), the rest unchanged.
    static func loweredScheme(_ text: String) -> String {
        guard hasWebScheme(text), let range = text.range(of: "://") else { return text }
        return text[..<range.lowerBound].lowercased() + text[range.lowerBound...]
    }

    /// The host in lower case without port, user or trailing dots: `HTTPS://u@Dangjian.Example.gov.cn.:443/x` →
    /// `dangjian.example.gov.cn`; nil without a scheme.
    static func host(of text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let range = trimmed.range(of: "://") else { return nil }
        var authority = trimmed[range.upperBound...].prefix(while: { !"/?#\\".contains($0) })
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = authority.hasPrefix("[") ? authority.prefix(while: { $0 != "]" }) + "]" : authority.prefix(while: { $0 != ":" })
        while host.hasSuffix(".") { host = host.dropLast() }
        return host.lowercased()
    }

    /// The reserved name `host` falls under (`example.com`, `example.net`, `.example`, `.invalid`, `.test`,
    /// `localhost`), if any.
    static func reservedName(_ host: String) -> String? {
        let labels = host.split(separator: ".").map(String.init)
        guard let last = labels.last else { return nil }
        if ["example", "invalid", "test", "localhost"].contains(last) { return last == "localhost" && labels.count == 1 ? "localhost" : ".\(last)" }
        if labels.count >= 2, labels[labels.count - 2] == "example", ["com", "net"].contains(last) { return "example.\(last)" }
        return nil
    }
}
