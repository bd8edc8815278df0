import Hummingbird
import HummingbirdAuth

/// The session cookie and its lifetime (README「编辑平台」).
enum StudioSessionSettings {
    static let cookieName = "gongshi_studio"
    /// A session ends after 8 hours without a request (renewed at most once every 10 minutes).
    static let idleTimeout: Duration = .seconds(8 * 60 * 60)
    static let renewAfter: Duration = .seconds(10 * 60)
    static let keyPrefix = "session."

    /// `HttpOnly` (Hummingbird's default), `SameSite=Strict`, `Path=/`, `Secure` behind TLS.
    static func configuration(secure: Bool) -> SessionMiddlewareConfiguration {
        SessionMiddlewareConfiguration(
            sessionCookieParameters: .init(name: cookieName, path: "/", secure: secure, sameSite: .strict),
            keyPrefix: keyPrefix,
            defaultSessionExpiration: idleTimeout)
    }
}
