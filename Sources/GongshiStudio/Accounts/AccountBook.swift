/// The accounts of `accounts.yaml`, by login. `isSample` is the file's `sample: true`: the sample site's accounts,
/// whose passwords are published, so the studio serves them on a loopback address only.
public struct AccountBook: Sendable {
    public let accounts: [Account]
    public let isSample: Bool
    private let byLogin: [String: Account]

    public init(accounts: [Account], isSample: Bool = false) {
        self.accounts = accounts
        self.isSample = isSample
        byLogin = Dictionary(accounts.map { ($0.login, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func account(login: String) -> Account? {
        byLogin[login]
    }
}
