import Hummingbird

/// The request context of every studio route. The session middleware (`Server/`) sets `account` and `csrfToken`;
/// a route that needs a signed-in account reads `context.account` and answers 403 itself when it is nil or lacks
/// the role (`Authorizer`).
public struct StudioContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account, nil before login.
    public var account: Account?
    /// The session's CSRF token; every form carries it as the hidden field `csrf` (`StudioPage.csrfField`).
    public var csrfToken: String?

    public init(source: Source) {
        coreContext = .init(source: source)
    }
}
