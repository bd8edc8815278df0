import Foundation

/// Failed logins, counted per login name and per client address: after `limit` failures within `window` either
/// one is refused without checking the password until the oldest of those failures is `window` old.
public actor LoginThrottle {
    public static let defaultLimit = 5
    public static let defaultWindow: TimeInterval = 15 * 60

    private let limit: Int
    private let window: TimeInterval
    private let now: @Sendable () -> Date
    private var failures: [String: [Date]] = [:]

    public init(limit: Int = defaultLimit, window: TimeInterval = defaultWindow, now: @escaping @Sendable () -> Date = { Date() }) {
        self.limit = limit
        self.window = window
        self.now = now
    }

    /// When attempts for `login` from `address` may resume, nil when they may go ahead now.
    public func blockedUntil(login: String, address: String) -> Date? {
        let keys = [Self.loginKey(login), Self.addressKey(address)]
        return keys.compactMap { key -> Date? in
            let recent = prune(key)
            guard recent.count >= limit else { return nil }
            return recent[recent.count - limit] + window
        }.max()
    }

    public func recordFailure(login: String, address: String) {
        let time = now()
        for key in [Self.loginKey(login), Self.addressKey(address)] {
            failures[key, default: []].append(time)
        }
    }

    /// A successful login clears its login's count (the address keeps its count: one address guessing many logins).
    public func recordSuccess(login: String) {
        failures[Self.loginKey(login)] = nil
    }

    private func prune(_ key: String) -> [Date] {
        let cutoff = now() - window
        let recent = (failures[key] ?? []).filter { $0 > cutoff }
        failures[key] = recent.isEmpty ? nil : recent
        return recent
    }

    private static func loginKey(_ login: String) -> String { "login:" + login.lowercased() }
    private static func addressKey(_ address: String) -> String { "address:" + address }
}
