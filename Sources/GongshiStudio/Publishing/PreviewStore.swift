import Foundation

/// Rendered previews, in memory only, each for the account that asked: `token` (random, in the frame's URL) →
/// the record's page and the theme files it loads. Nothing of a preview is ever written to the output.
final class PreviewStore: @unchecked Sendable {
    struct Entry: Sendable {
        let login: String
        /// Site path (`examples/x/index.html`, `assets/site.css`) → bytes.
        let files: [String: Data]
        let created: Date
    }

    /// How many previews are kept, and for how long.
    static let limit = 32
    static let lifetime: TimeInterval = 30 * 60

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// Keeps `files` for `login`; returns the token.
    func add(_ files: [String: Data], login: String) -> String {
        let token = UUID().uuidString.lowercased() + UUID().uuidString.lowercased()
        let now = Date()
        lock.withLock {
            entries = entries.filter { now.timeIntervalSince($0.value.created) < Self.lifetime }
            while entries.count >= Self.limit, let oldest = entries.min(by: { $0.value.created < $1.value.created }) {
                entries[oldest.key] = nil
            }
            entries[token] = Entry(login: login, files: files, created: now)
        }
        return token
    }

    /// The file at `path` of preview `token`, only for the account that made it.
    func file(_ token: String, _ path: String, login: String) -> Data? {
        lock.withLock {
            guard let entry = entries[token], entry.login == login, Date().timeIntervalSince(entry.created) < Self.lifetime else { return nil }
            return entry.files[path]
        }
    }
}
