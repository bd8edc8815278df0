import Hummingbird

/// `/static/…`: the studio's stylesheet and scripts, embedded in the binary (no external resources, so the CSP can
/// stay `default-src 'self'`). Other folders add their scripts to `files`.
enum StaticRoutes {
    /// Path below `/static/` → (content type, text).
    static let files: [String: (type: String, text: String)] = [
        "studio.css": ("text/css; charset=utf-8", StudioStylesheet.css),
        "upload.js": ("text/javascript; charset=utf-8", UploadScript.js),
    ]

    static func register(on router: Router<StudioContext>, studio: Studio) {
        router.get("/static/:file") { _, context -> Response in
            guard let name = context.parameters.get("file"), let file = files[name] else {
                return Response(status: .notFound)
            }
            var headers = HTTPFields()
            headers[.contentType] = file.type
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: file.text)))
        }
    }
}
