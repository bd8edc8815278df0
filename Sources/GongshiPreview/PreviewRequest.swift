import Foundation

/// Maps a raw request target to what the preview serves; pure, so traversal rules are unit-tested.
public enum PreviewRequest {
    /// What a request path asks for.
    public enum Target: Equatable, Sendable {
        /// The build counter polled by the reload script.
        case version
        /// The reload script itself.
        case reloadScript
        /// A file or folder below the site folder, e.g. `branches/a/index.html` or `branches` (a folder
        /// asked for without its trailing slash, which the server redirects).
        case file(String)
        /// Hidden files (the writer's `.gongshi-site` marker): answered as missing.
        case hidden
        /// Not a plain path below the site: `..` or `.` segments (also percent-encoded), absolute-form
        /// targets, backslashes, NUL, empty segments.
        case invalid
    }

    /// Resolves `rawPath`, the percent-encoded path of the request target without its query.
    public static func target(forRawPath rawPath: String) -> Target {
        guard rawPath.hasPrefix("/") else { return .invalid }
        if rawPath == LiveReload.versionPath { return .version }
        if rawPath == LiveReload.scriptPath { return .reloadScript }
        guard let decoded = rawPath.removingPercentEncoding,
            !decoded.contains("\0"), !decoded.contains("\\")
        else { return .invalid }
        let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            if segment.isEmpty && index != segments.count - 1 { return .invalid }
            if segment == "." || segment == ".." { return .invalid }
        }
        if segments.contains(where: { $0.hasPrefix(".") }) { return .hidden }
        let path = segments.joined(separator: "/")
        return .file(path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path)
    }

    /// Whether a `Host` header names this machine's loopback (any port), so that a page on another site
    /// cannot read the preview through DNS rebinding. Requests without `Host` (HTTP/1.0) are allowed.
    public static func isLoopbackHost(_ host: String?) -> Bool {
        guard let host, !host.isEmpty else { return true }
        let name: Substring
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            name = host[...close]
        } else {
            name = host.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]
        }
        return ["127.0.0.1", "localhost", "[::1]"].contains(name.lowercased())
    }
}
