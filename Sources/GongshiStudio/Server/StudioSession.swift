/// What a session holds: the login once signed in, and the CSRF token of every form. The login page opens an
/// anonymous session (login nil) so the login form carries a token too; signing in replaces it with a new session
/// id.
public struct StudioSession: Codable, Sendable, Equatable {
    public var login: String?
    public var csrf: String

    public init(login: String?, csrf: String) {
        self.login = login
        self.csrf = csrf
    }
}
