/// `Content-Type` values by file extension; text types declare UTF-8, which is what the writer produces. The
/// preview server and the studio's draft preview serve the site's files with them.
public enum ContentType {
    /// The header value for a file path, `application/octet-stream` when the extension is unknown.
    public static func forPath(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? Substring(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return binary }
        return table[name[name.index(after: dot)...].lowercased()] ?? binary
    }

    public static let html = "text/html; charset=utf-8"
    public static let binary = "application/octet-stream"

    static let table: [String: String] = [
        "html": html, "htm": html,
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "xml": "application/xml; charset=utf-8",
        "json": "application/json; charset=utf-8",
        "svg": "image/svg+xml; charset=utf-8",
        "png": "image/png",
        "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif",
        "ico": "image/x-icon",
        "pdf": "application/pdf",
        "woff2": "font/woff2",
    ]
}
