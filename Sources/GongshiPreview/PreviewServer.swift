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
        let state = await builder.state
        let rawPath = request.target.path(percentEncoded: true)
        switch PreviewRequest.target(forRawPath: rawPath) {
        case .invalid: return Self.text(.badRequest, "无效的网址")
        case .version: return Self.text(.ok, String(state.version))
        case .reloadScript:
            return HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .init("Cache-Control"): "no-store"],
                body: Data(LiveReload.source.utf8))
        case .hidden: return notFound(state)
        case .file(let path): return file(path, rawPath: rawPath, state: state)
        }
    }

    private func file(_ path: String, rawPath: String, state: PreviewState) -> HTTPResponse {
        let root = builder.siteDirectory.standardizedFileURL
        let url = root.appendingPathComponent(path).standardizedFileURL
        // Defence in depth: the path was checked segment by segment; symlinks must not lead out either.
        guard url.resolvingSymlinksInPath().path.hasPrefix(root.resolvingSymlinksInPath().path + "/") else {
            return notFound(state)
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            // Pages link relatively, so a folder must be seen with its trailing slash.
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: rawPath + "/"]))
        }
        let type = ContentType.forPath(path)
        if state.showsErrorPage && (type == ContentType.html || !exists) { return errorPage(state) }
        guard exists, let data = FileManager.default.contents(atPath: url.path) else { return notFound(state) }
        guard type == ContentType.html else { return HTTPResponse(statusCode: .ok, headers: [.contentType: type], body: data) }
        return Self.html(.ok, LiveReload.inject(into: String(decoding: data, as: UTF8.self), version: state.version))
    }

    /// The site's own 404 page, with its absolute `base_url` links pointed back at the preview.
    private func notFound(_ state: PreviewState) -> HTTPResponse {
        if state.showsErrorPage { return errorPage(state) }
        let url = builder.siteDirectory.appendingPathComponent(Route.notFound.outputPath)
        guard let data = FileManager.default.contents(atPath: url.path) else { return Self.text(.notFound, "页面不存在") }
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
