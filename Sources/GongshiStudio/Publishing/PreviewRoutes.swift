import Foundation
import GongshiKit
import HTTPTypes
import Hummingbird

/// 草稿预览: `GET /preview/<content path>` shows the page the record will have on the public site, rendered by the
/// site's own templates from the current source with the file's `workflow` mark left out (so a 草稿 or 待审核
/// item is shown as it will be published), and writes nothing to the output or the published site.
///
/// The page is rendered by the kit's in-memory preview (`SiteBuilder.Preview`, the one `gongshi serve` uses) into
/// a temporary folder, with the file's text given as `sourceOverlay`; the record's page and the theme's files
/// (`assets/`, `media/`, the record's `attachments/`) are kept in memory (`PreviewStore`) and the folder removed.
/// The studio page is the studio's frame with the banner 「预览：尚未发布（草稿）」 above an iframe pointing at
/// `/preview/site/<token>/<page URL>`: the site's links to its CSS and images are relative, so they resolve under
/// the same prefix and load unchanged, and the banner stays outside the site's own HTML. The iframe is sandboxed
/// without scripts; its responses carry their own Content-Security-Policy (styles, images and fonts from the
/// studio only, no scripts, no forms, framed only by the studio) and are only for the account that asked.
enum PreviewRoutes {
    static let banner = "预览：尚未发布（草稿）"
    static let refused = "没有权限查看这份内容，或者它不存在。"
    /// The policy of the framed site page: what the site's page needs (its stylesheet, images, fonts) and no more.
    static let framePolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

    static func register(on router: Router<StudioContext>, studio: Studio) {
        router.get("/preview/**") { _, context -> Response in
            guard let account = context.account else { return StudioPage.forbidden(context, "请先登录。") }
            let parts = context.parameters.getCatchAll()
            if parts.first == "site", parts.count >= 2 {
                return framed(token: String(parts[1]), path: parts.dropFirst(2).joined(separator: "/"), login: account.login, store: studio.previews)
            }
            return preview(parts.joined(separator: "/"), account: account, context: context, studio: studio)
        }
    }

    /// The route of the record's own page, by kind and id.
    static func route(_ kind: ContentKind, id: String) -> Route {
        switch kind {
        case .branches: return .branch(id)
        case .promises: return .promise(id)
        case .disclosures: return .disclosure(id)
        case .examples: return .example(id)
        case .pages: return .page(id)
        }
    }

    static func preview(_ path: String, account: Account, context: StudioContext, studio: Studio) -> Response {
        guard let (_, kind) = try? studio.content.location(of: path), let (document, _) = try? studio.content.load(path),
            let org = document.org, studio.authorizer.allows(account, .read, org: org), let id = document.fields.text("id"),
            let (bytes, _) = try? studio.content.read(path)
        else { return StudioPage.forbidden(context, refused) }
        let page = route(kind, id: id)
        let rendered = render(path: path, text: withoutWorkflowMark(String(decoding: bytes, as: UTF8.self)), page: page, studio: studio)
        var html = "<p><a href=\"/view/\(HTMLText.escape(path))\">返回这份内容</a></p>"
        switch rendered {
        case .failure(let lines):
            html += "<p class=\"note\" role=\"alert\">这份内容现在无法生成页面：</p><ul class=\"errors\">"
            html += lines.map { "<li><code>\(HTMLText.escape($0))</code></li>" }.joined() + "</ul>"
        case .success(let files):
            let token = studio.previews.add(files, login: account.login)
            html += """
                <p class="preview-banner" role="note"><strong>\(banner)</strong></p>
                <iframe class="site-preview" sandbox="allow-same-origin" title="网站页面预览：\(HTMLText.escape(document.fields.text("title") ?? id))" \
                src="/preview/site/\(token)/\(page.url)"></iframe>
                """
        }
        return StudioPage.response(title: "预览", context: context, main: html)
    }

    /// The file's text with its front matter's `workflow:` line left out (the mark is one word, `草稿` or `待审核`).
    static func withoutWorkflowMark(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map({ $0.trimmingCharacters(in: .whitespaces) == "---" }) == true else { return text }
        for index in lines.indices.dropFirst() {
            let line = lines[index]
            if line.trimmingCharacters(in: .whitespaces) == "---" { break }
            if line.hasPrefix("workflow:") {
                lines.remove(at: index)
                break
            }
        }
        return lines.joined(separator: "\n")
    }

    enum Rendered { case success([String: Data]), failure([String]) }

    /// Renders the site from the current source with `text` in place of `path` into a temporary folder (its own
    /// cache too), keeps `page` and the files it may load, removes the folder.
    static func render(path: String, text: String, page: Route, studio: Studio) -> Rendered {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-preview-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        var options = studio.settings.buildOptions(output: temporary.appendingPathComponent("site"))
        options.cacheDirectory = temporary.appendingPathComponent("cache")
        let preview = SiteBuilder.Preview(options: options, directory: temporary.appendingPathComponent("site"))
        preview.sourceOverlay = [path: text]
        let update = preview.update()
        if update.diagnostics.hasErrors { return .failure(DiagnosticListing(update.diagnostics).errors.map(\.description)) }
        if let failure = update.failure { return .failure([failure]) }
        let pages = preview.pages
        let attachments = page.url + "attachments/"
        var files: [String: Data] = [:]
        for name in pages.paths where name == page.outputPath || name.hasPrefix("assets/") || name.hasPrefix("media/") || name.hasPrefix(attachments) {
            switch pages.lookup(name) {
            case .memory(let data): files[name] = data
            case .disk(let url): files[name] = try? Data(contentsOf: url)
            default: break
            }
        }
        guard files[page.outputPath] != nil else { return .failure(["生成的网站里没有这份内容的页面（\(page.url)）。"]) }
        return .success(files)
    }

    /// A file of a preview for the frame.
    static func framed(token: String, path: String, login: String, store: PreviewStore) -> Response {
        // The router drops a trailing slash, so a page's URL (`examples/x/`) arrives as `examples/x`.
        var name = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        if store.file(token, name, login: login) == nil { name += "/index.html" }
        var headers = HTTPFields()
        headers[.contentSecurityPolicy] = framePolicy
        headers[HTTPField.Name("X-Frame-Options")!] = "SAMEORIGIN"
        headers[.cacheControl] = "no-store"
        guard let data = store.file(token, name, login: login) else {
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: .notFound, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "预览已过期或不存在。")))
        }
        headers[.contentType] = ContentType.forPath(name)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
