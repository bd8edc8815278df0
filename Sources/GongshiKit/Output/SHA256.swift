import CCrypto
import Foundation

/// SHA-256 (FIPS 180-4), for the release manifest and cache keys: OpenSSL's, which uses the processor's SHA
/// instructions where it has them. Every page is hashed twice (its key and its manifest entry); the Swift version
/// this replaced was 5–6 % of a build. Checked against the standard test vectors.
public struct SHA256: @unchecked Sendable {
    // A plain C struct: copying the hasher copies its state, as a value type should.
    private var context = SHA256_CTX()

    private static let hexDigits = Array("0123456789abcdef".utf8)

    public init() { SHA256_Init(&context) }

    /// The hex digest of `data`.
    public static func hex(_ data: some DataProtocol) -> String {
        var hasher = SHA256()
        hasher.update(data)
        return hasher.finalizeHex()
    }

    public static func hex(_ text: String) -> String {
        var hasher = SHA256()
        var text = text
        text.withUTF8 { hasher.update(UnsafeRawBufferPointer($0)) }
        return hasher.finalizeHex()
    }

    public mutating func update(_ data: some DataProtocol) {
        for region in data.regions {
            region.withUnsafeBytes { update($0) }
        }
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        SHA256_Update(&context, base, bytes.count)
    }

    public mutating func finalizeHex() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        SHA256_Final(&digest, &context)
        let hexDigits = Self.hexDigits
        var hex = [UInt8](repeating: 0, count: 64)
        for (index, byte) in digest.enumerated() {
            hex[index * 2] = hexDigits[Int(byte >> 4)]
            hex[index * 2 + 1] = hexDigits[Int(byte & 0x0F)]
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
