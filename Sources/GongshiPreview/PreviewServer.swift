import FlyingFox
import Foundation
import GongshiKit

/// The HTTP routes of the preview: the built site's files (HTML with the reload script), the error page
/// while the latest build has errors, and the build counter the script polls.
struct PreviewServer: HTTPHandler {
    let builder: PreviewBuilder

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        var response = await response(for: request)
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        guard request.method == .HEAD else { return response }
        // HEAD: the same headers, no body.
        let length = try await response.bodyData.count
        response.headers[.contentLength] = String(length)
        return HTTPResponse(statusCode: response.statusCode, headers: response.headers)
    }

    private func response(for request: HTTPRequest) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            var response = Self.text(.methodNotAllowed, "预览只支持 GET 和 HEAD 请求")
            response.headers[HTTPHeader("Allow")] = "GET, HEAD"
            return response
        }
        guard PreviewRequest.isLoopbackHost(request.headers[.host]) else {
            return Self.text(.forbidden, "预览只接受通过 127.0.0.1 或 localhost 的访问")
        }
        let (state, pages) = (await builder.state, await builder.pages)
        let rawPath = request.target.path(percentEncoded: true)
        switch PreviewRequest.target(forRawPath: rawPath) {
        case .invalid: return Self.text(.badRequest, "无效的网址")
        case .version: return Self.text(.ok, String(state.version))
        case .reloadScript:
            return HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .init("Cache-Control"): "no-store"],
                body: Data(LiveReload.source.utf8))
        case .hidden: return notFound(state, pages: pages)
        case .file(let path): return file(path, rawPath: rawPath, state: state, pages: pages)
        }
    }

    private func file(_ path: String, rawPath: String, state: PreviewState, pages: SiteBuilder.Preview.Pages) -> HTTPResponse {
        let type = ContentType.forPath(path)
        let data: Data?
        switch pages.lookup(path) {
        case .folder:
            // Pages link relatively, so a folder must be seen with its trailing slash.
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: rawPath + "/"]))
        case .memory(let bytes): data = bytes
        case .disk(let url): data = Self.read(url, root: pages.directory)
        case .missing: data = nil
        }
        if state.showsErrorPage && (type == ContentType.html || data == nil) { return errorPage(state) }
        guard let data else { return notFound(state, pages: pages) }
        guard type == ContentType.html else { return HTTPResponse(statusCode: .ok, headers: [.contentType: type], body: data) }
        return Self.html(.ok, LiveReload.inject(into: String(decoding: data, as: UTF8.self), version: state.version))
    }

    /// A file of the disk copy; defence in depth: symlinks must not lead out of the site's folder.
    static func read(_ url: URL, root: URL) -> Data? {
        let root = root.standardizedFileURL.resolvingSymlinksInPath().path
        guard url.standardizedFileURL.resolvingSymlinksInPath().path.hasPrefix(root + "/") else { return nil }
        return FileManager.default.contents(atPath: url.path)
    }

    /// The site's own 404 page, with its absolute `base_url` links pointed back at the preview.
    private func notFound(_ state: PreviewState, pages: SiteBuilder.Preview.Pages) -> HTTPResponse {
        if state.showsErrorPage { return errorPage(state) }
        let data: Data?
        switch pages.lookup(Route.notFound.outputPath) {
        case .memory(let bytes): data = bytes
        case .disk(let url): data = Self.read(url, root: pages.directory)
        case .folder, .missing: data = nil
        }
        guard let data else { return Self.text(.notFound, "页面不存在") }
        var page = String(decoding: data, as: UTF8.self)
        if let baseURL = state.baseURL { page = Self.pointingAtPreview(page, baseURL: baseURL) }
        return Self.html(.notFound, LiveReload.inject(into: page, version: state.version))
    }

    private func errorPage(_ state: PreviewState) -> HTTPResponse {
        let page = ErrorPage.html(diagnostics: state.diagnostics, failure: state.writeFailure)
        return Self.html(.internalServerError, LiveReload.inject(into: page, version: state.version))
    }

    /// Rewrites `href="<base_url>…"` and `src="<base_url>…"` to root-relative links.
    static func pointingAtPreview(_ html: String, baseURL: String) -> String {
        let base = HTMLText.escape(baseURL)
        return html.replacingOccurrences(of: "href=\"\(base)", with: "href=\"/")
            .replacingOccurrences(of: "src=\"\(base)", with: "src=\"/")
    }

    static func html(_ status: HTTPStatusCode, _ page: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: ContentType.html], body: Data(page.utf8))
    }

    static func text(_ status: HTTPStatusCode, _ text: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8"], body: Data(text.utf8))
    }
}
