import HTTPTypes
import Hummingbird
import HummingbirdAuth

/// The one middleware behind every route: it puts the session's account and CSRF token on the context, renews an
/// idle session, refuses a POST without the session's CSRF token (form field `csrf` or header `X-CSRF-Token`), and
/// sends a request without an account to the login page (GET) or refuses it (POST).
struct StudioGate: RouterMiddleware {
    typealias Context = StudioContext
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    let studio: Studio

    func handle(_ request: Request, context: StudioContext, next: (Request, StudioContext) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        context.requestPath = request.uri.path
        let session = context.sessions.session
        if let session {
            context.csrfToken = session.csrf
            if let account = session.login.flatMap({ studio.accounts.account(login: $0) }) {
                context.account = account
                context.roleLabels = account.roles.map { "\(studio.tree.names[$0.org] ?? $0.org) \($0.role.rawValue)" }
                context.mayPublish = studio.authorizer.allows(account, .publish, org: "")
            }
            renewIfIdle(context)
        }
        if request.method == .post {
            let sent = try await Self.sentToken(&request, context: context)
            guard let sent, let expected = session?.csrf, CSRFToken.matches(sent, expected) else {
                return StudioPage.forbidden(context, "这个表单已过期或不是从编辑平台提交的。请回到上一页，刷新后再提交一次。")
            }
        }
        if context.account == nil, !Self.isPublic(request.uri.path) {
            if request.method == .get || request.method == .head {
                return Response.redirect(to: "/login", type: .found)
            }
            return StudioPage.forbidden(context, "请先登录。")
        }
        return try await next(request, context)
    }

    /// Login, its stylesheet and scripts, and the health check need no account.
    static func isPublic(_ path: String) -> Bool {
        path == "/login" || path == "/healthz" || path.hasPrefix("/static/")
    }

    /// The token a POST carries: the header (the upload fetches), else the `csrf` field of a urlencoded form. The
    /// body is collected, so the route can decode it again.
    static func sentToken(_ request: inout Request, context: StudioContext) async throws -> String? {
        if let header = request.headers[csrfHeader] { return header }
        guard request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true else { return nil }
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let field = try? URLEncodedFormDecoder().decode(CSRFField.self, from: String(buffer: body))
        return field?.csrf
    }

    private func renewIfIdle(_ context: StudioContext) {
        context.sessions.withLockedSession { data in
            guard let remaining = data?.expiresIn,
                remaining < StudioSessionSettings.idleTimeout - StudioSessionSettings.renewAfter
            else { return }
            data?.expiresIn = StudioSessionSettings.idleTimeout
        }
    }
}

private struct CSRFField: Decodable {
    var csrf: String?
}
