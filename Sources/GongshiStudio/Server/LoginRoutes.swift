import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import HummingbirdBcrypt

/// `/login` (GET the form, POST the attempt) and `/logout` (POST).
enum LoginRoutes {
    /// Checked when the login is unknown, so an unknown login takes as long as a wrong password.
    static let decoyHash = Bcrypt.hash("gongshi-decoy-password", cost: 12)

    static func register(on router: Router<StudioContext>, studio: Studio) {
        router.get("/login") { _, context -> Response in
            if context.account != nil { return .redirect(to: "/", type: .found) }
            var context = context
            if context.csrfToken == nil {
                let token = CSRFToken.make()
                context.sessions.createSession(StudioSession(login: nil, csrf: token))
                context.csrfToken = token
            }
            return page(context)
        }
        router.post("/login") { request, context -> Response in
            try await attempt(request, context: context, studio: studio)
        }
        router.post("/logout") { request, context -> Response in
            context.sessions.clearSession()
            return .redirect(to: "/login", type: .normal)
        }
    }

    static let realIP = HTTPField.Name("X-Real-IP")!

    /// The address the login throttle counts: the peer's, or behind the local proxy the client it names.
    static func clientAddress(_ request: Request, context: StudioContext, behindProxy: Bool) -> String {
        let peer = context.remoteAddress?.ipAddress ?? "unknown"
        guard behindProxy, Studio.isLoopback(peer), let named = request.headers[realIP]?.trimmingCharacters(in: .whitespaces),
            !named.isEmpty, named.count <= 64
        else { return peer }
        return named
    }

    private static func attempt(_ request: Request, context: StudioContext, studio: Studio) async throws -> Response {
        let form = try await request.decode(as: LoginForm.self, context: context)
        let login = form.login.trimmingCharacters(in: .whitespaces)
        let address = clientAddress(request, context: context, behindProxy: studio.settings.behindProxy)
        if let until = await studio.throttle.blockedUntil(login: login, address: address) {
            let minutes = max(1, Int((until.timeIntervalSinceNow / 60).rounded(.up)))
            return page(context, status: .tooManyRequests, login: login, error: "登录失败次数过多，请 \(minutes) 分钟后再试。")
        }
        let account = studio.accounts.account(login: login)
        let hash = account?.passwordHash ?? decoyHash
        guard let account, Bcrypt.verify(form.password, hash: hash), account.passwordHash != nil else {
            await studio.throttle.recordFailure(login: login, address: address)
            return page(context, status: .unauthorized, login: login, error: "登录名或密码不对。")
        }
        await studio.throttle.recordSuccess(login: login)
        if let oldID = request.cookies[StudioSessionSettings.cookieName]?.value {
            try? await studio.sessionStore.remove(key: StudioSessionSettings.keyPrefix + oldID)
        }
        // A new session id on login (no session fixation), with a new CSRF token.
        context.sessions.createSession(StudioSession(login: account.login, csrf: CSRFToken.make()))
        return .redirect(to: "/", type: .normal)
    }

    private static func page(_ context: StudioContext, status: HTTPResponse.Status = .ok, login: String = "", error: String? = nil) -> Response {
        let alert = error.map { "<p class=\"error\" role=\"alert\">\(HTMLText.escape($0))</p>" } ?? ""
        let main = """
            \(alert)<form class="login" method="post" action="/login">\(StudioPage.csrfField(context))
            <label for="login">登录名</label><input id="login" name="login" autocomplete="username" required value="\(HTMLText.escape(login))">
            <label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password" required>
            <p><button type="submit">登录</button></p></form>
            <p class="hint">忘记密码请联系管理员，用 <code>gongshi studio passwd</code> 重设。</p>
            """
        return StudioPage.response(title: "登录", context: context, main: main, status: status)
    }
}

private struct LoginForm: Decodable {
    var login: String
    var password: String
}
