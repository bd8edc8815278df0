/// The text encodings inside the index's JSON: posting lists as base-64 variable-length numbers, document facets as
/// fixed-width base-64 numbers. Both use the URL-safe base-64 alphabet, so they never need escaping in JSON.
///
/// A posting list is the ascending documents holding a token, each with where it occurs (`title`, `body` or both).
/// Posting `i` is the number `(doc[i] − doc[i−1] − 1) << 2 | fields` (with `doc[−1] = −1`), written 5 bits per
/// character, least significant group first, bit 5 (value 32) set on every character but the last. Dense tokens thus
/// cost one character per document.
public enum PostingCodec {
    /// Field flag: the token occurs in the title.
    public static let title: UInt8 = 1
    /// Field flag: the token occurs in the body text.
    public static let body: UInt8 = 2

    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    static let digits: [Int8] = {
        var digits = [Int8](repeating: -1, count: 128)
        for (value, character) in alphabet.enumerated() { digits[Int(character)] = Int8(value) }
        return digits
    }()

    /// Appends the encoding of `postings` (each `doc << 2 | fields`, docs strictly ascending) to `output`.
    static func encode(_ postings: [UInt32], into output: inout [UInt8]) {
        var previous = -1
        for posting in postings {
            let doc = Int(posting >> 2)
            append(gap: doc - previous - 1, fields: UInt8(posting & 3), to: &output)
            previous = doc
        }
    }

    /// Appends one posting: `gap` documents skipped since the previous one, and its field flags.
    @inline(__always)
    static func append(gap: Int, fields: UInt8, to output: inout [UInt8]) {
        var value = UInt64(gap) << 2 | UInt64(fields & 3)
        while value >= 32 {
            output.append(alphabet[Int(value & 31) | 32])
            value >>= 5
        }
        output.append(alphabet[Int(value)])
    }

    /// The encoding of `postings`, as text.
    public static func encode(_ postings: [(doc: Int, fields: UInt8)]) -> String {
        var output: [UInt8] = []
        encode(postings.map { UInt32($0.doc) << 2 | UInt32($0.fields & 3) }, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes a posting list; nil when the text is not a valid encoding.
    public static func decode(_ text: String) -> [(doc: Int, fields: UInt8)]? {
        decode(bytes: text.utf8)?.map { (Int($0 >> 2), UInt8($0 & 3)) }
    }

    /// Decodes an encoded posting list into `doc << 2 | fields` numbers; nil when it is not a valid encoding.
    static func decode(bytes: some Collection<UInt8>) -> [UInt32]? {
        var postings: [UInt32] = []
        var previous = -1
        var value = 0
        var shift = 0
        for byte in bytes {
            guard byte < 128, digits[Int(byte)] >= 0, shift <= 25 else { return nil }
            let digit = Int(digits[Int(byte)])
            value |= (digit & 31) << shift
            if digit & 32 != 0 {
                shift += 5
                continue
            }
            previous += (value >> 2) + 1
            guard previous < 1 << 30 else { return nil }
            postings.append(UInt32(previous) << 2 | UInt32(value & 3))
            value = 0
            shift = 0
        }
        return shift == 0 ? postings : nil
    }

    /// How many base-64 digits it takes to write every number below `limit`.
    static func width(below limit: Int) -> Int {
        var width = 1
        while 1 << (6 * width) < limit { width += 1 }
        return width
    }

    /// Appends `value` as exactly `width` base-64 digits, most significant first.
    static func appendFixed(_ value: Int, width: Int, to output: inout [UInt8]) {
        for position in stride(from: width - 1, through: 0, by: -1) {
            output.append(alphabet[(value >> (6 * position)) & 63])
        }
    }
}
