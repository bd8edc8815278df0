import CCrypto
import Foundation

/// The CSRF token of a session: 32 random bytes from the system CSPRNG, base64url.
enum CSRFToken {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Whether `sent` is `expected`, in time independent of where they differ (OpenSSL's `CRYPTO_memcmp`).
    static func matches(_ sent: String, _ expected: String) -> Bool {
        let sent = Array(sent.utf8)
        let expected = Array(expected.utf8)
        guard sent.count == expected.count, !expected.isEmpty else { return false }
        return CRYPTO_memcmp(sent, expected, expected.count) == 0
    }
}
