import Foundation

/// A value several jobs need (a statistics page's context: its page, its `stats.json` and its CSV files), made
/// once by whichever job asks first and let go when the last of them took it. Jobs whose key did not change never
/// ask, so nothing is made for them.
final class SharedValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private let make: () -> Value
    private var value: Value?
    private var users: Int

    /// `users`: how many jobs will take it.
    init(users: Int, make: @escaping @Sendable () -> Value) {
        self.users = users
        self.make = make
    }

    func take() -> Value {
        lock.lock()
        defer { lock.unlock() }
        let made = value ?? make()
        users -= 1
        value = users > 0 ? made : nil
        return made
    }
}
