import Hummingbird
import HummingbirdAuth
import NIOCore

/// The request context of every studio route. `StudioGate` (the session middleware's partner) sets `account` and
/// `csrfToken`; a route that needs a role reads `context.account` and answers `StudioPage.forbidden` when the
/// `Authorizer` says no. Pages other than login and `/static/` never run without an account.
public struct StudioContext: RequestContext, SessionRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account, nil before login.
    public var account: Account?
    /// The session's CSRF token; every form carries it as the hidden field `csrf` (`StudioPage.csrfField`).
    public var csrfToken: String?
    /// The account's grants as the header shows them, e.g. 「金桥社区 起草」 (set with `account`).
    public var roleLabels: [String] = []
    /// Whether the account may start a build (the nav shows 生成).
    public var mayPublish = false
    /// The path of the request, for the nav's `aria-current`.
    public var requestPath = ""
    /// The session (hummingbird-auth's `SessionMiddleware` loads and saves it).
    public let sessions: SessionContext<StudioSession>
    /// The peer of the connection: the login throttle counts failures per address.
    public let remoteAddress: SocketAddress?

    /// Forms and JSON bodies (`StudioRequestDecoder`).
    public var requestDecoder: StudioRequestDecoder { StudioRequestDecoder() }

    public init(source: Source) {
        coreContext = .init(source: source)
        sessions = .init()
        remoteAddress = source.channel.remoteAddress
    }
}
