import Foundation

/// Byte-level (UTF-8) stand-ins for the Foundation and `Character` operations the load stage runs on every line and
/// value of every file: Foundation's search (`range(of:)`, `contains`) compares character clusters through
/// CoreFoundation, which was a fifth of `check`, and grapheme iteration is costly for what these loops ask.
///
/// Each function gives exactly the result of the operation it stands for. Where that result could depend on how
/// Foundation or Swift groups scalars into characters (a combining mark right after the text searched for, a
/// compatibility ideograph equal to a unified one), it asks the original operation instead. "Plain" scalars are the
/// ones where no such question arises: each is a character of its own, has no canonical decomposition and joins no
/// neighbour (ASCII printable, tab, line feed, carriage return, CJK unified ideographs, CJK and general punctuation,
/// full-width forms, enclosed numbers, box drawing, shapes, dingbats). Chinese notices are written in them.
enum UTF8Text {
    /// Whether `v` is a plain scalar (see the type's summary).
    @inline(__always)
    static func isPlain(_ v: UInt32) -> Bool {
        switch v {
        case 0x20...0x7E, 0x09, 0x0A, 0x0D, 0x4E00...0x9FFF, 0x3000...0x3029, 0xFF01...0xFF60, 0xB7, 0x2010...0x2027,
            0x2030...0x205E, 0x2190...0x2199, 0x2460...0x24FF, 0x2500...0x27BF, 0xFFE0...0xFFE6:
            return true
        default:
            return false
        }
    }

    /// The scalar whose UTF-8 encoding starts at `index` (valid UTF-8: the bytes come from a Swift string) and its
    /// length in bytes.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        guard lead >= 0x80 else { return (UInt32(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for k in 1..<length where index + k < bytes.count { value = value << 6 | UInt32(bytes[index + k] & 0x3F) }
        return (value, length)
    }

    /// Whether every scalar of the bytes is plain.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                guard isPlain(UInt32(bytes[index])) else { return false }
                index += 1
                continue
            }
            let (value, length) = scalar(bytes, at: index)
            guard isPlain(value) else { return false }
            index += length
        }
        return true
    }

    /// Calls `body` with the UTF-8 bytes of `text` (without a copy for native strings).
    @inline(__always)
    static func withBytes<S: StringProtocol, R>(_ text: S, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = String(text)
        return copy.withUTF8(body)
    }

    /// Exactly `text.split(separator: "\n", omittingEmptySubsequences: false)`: the text cut at every line feed that
    /// is a character of its own (one after a carriage return is part of the character `\r\n`, which is not `\n`).
    static func lines(_ text: String) -> [Substring] {
        let cuts: [Int] = withBytes(text) { bytes in
            var cuts: [Int] = []
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x0A, index == 0 || bytes[index - 1] != 0x0D { cuts.append(index) }
                index += 1
            }
            return cuts
        }
        var lines: [Substring] = []
        lines.reserveCapacity(cuts.count + 1)
        let utf8 = text.utf8
        var start = utf8.startIndex
        for cut in cuts {
            let end = utf8.index(utf8.startIndex, offsetBy: cut)
            lines.append(text[start..<end])
            start = utf8.index(after: end)
        }
        lines.append(text[start...])
        return lines
    }

    /// Where a search for `needle` stands.
    private enum Search {
        case found(Int)
        case absent
        /// Found as bytes, but next to a scalar that may join it into another character: only Foundation can tell.
        case uncertain
    }

    /// Exactly Foundation's `text.range(of: needle)` for an ASCII `needle` (no `K`, `;` or `` ` ``, which other
    /// scalars are canonically equivalent to): the first occurrence of its bytes, when both neighbours are plain.
    static func range<S: StringProtocol>(of needle: StaticString, in text: S) -> Range<String.Index>? {
        let search: Search = withBytes(text) { bytes in firstOccurrence(of: needle, in: bytes) }
        switch search {
        case .found(let offset):
            let start = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
            return start..<text.utf8.index(start, offsetBy: needle.utf8CodeUnitCount)
        case .absent:
            return nil
        case .uncertain:
            return text.range(of: needle.description)
        }
    }

    /// Exactly Foundation's `text.contains(needle)` for an ASCII `needle` (see `range(of:in:)`).
    static func contains<S: StringProtocol>(_ needle: StaticString, in text: S) -> Bool {
        switch withBytes(text, { firstOccurrence(of: needle, in: $0) }) {
        case .found: return true
        case .absent: return false
        case .uncertain: return text.contains(needle.description)
        }
    }

    private static func firstOccurrence(of needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Search {
        let count = needle.utf8CodeUnitCount
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: count)
        guard count > 0, bytes.count >= count else { return .absent }
        let first = pattern[0]
        var index = 0
        while index <= bytes.count - count {
            guard bytes[index] == first else {
                index += 1
                continue
            }
            var k = 1
            while k < count, bytes[index + k] == pattern[k] { k += 1 }
            guard k == count else {
                index += 1
                continue
            }
            return isPlainBefore(bytes, index) && isPlainAt(bytes, index + count) ? .found(index) : .uncertain
        }
        return .absent
    }

    /// Whether the scalar ending just before `index` is plain (or there is none).
    private static func isPlainBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index > 0 else { return true }
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return isPlain(scalar(bytes, at: start).value)
    }

    /// Whether the scalar starting at `index` is plain (or there is none).
    private static func isPlainAt(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index >= bytes.count || isPlain(scalar(bytes, at: index).value)
    }

    /// Exactly `text.trimmingCharacters(in: .whitespaces)`: tabs and space separators (`Zs`) removed from both ends,
    /// scalar by scalar as Foundation does.
    static func trimmingWhitespaces<S: StringProtocol>(_ text: S) -> String {
        let (start, end) = withBytes(text) { bytes -> (Int, Int) in
            var start = 0
            while start < bytes.count {
                let (value, length) = scalar(bytes, at: start)
                guard isWhitespace(value) else { break }
                start += length
            }
            var end = bytes.count
            while end > start {
                var lead = end - 1
                while lead > start, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                guard isWhitespace(scalar(bytes, at: lead).value) else { break }
                end = lead
            }
            return (start, end)
        }
        let utf8 = text.utf8
        if start == 0, end == utf8.count { return String(text) }
        let from = utf8.index(utf8.startIndex, offsetBy: start)
        return String(text[from..<utf8.index(from, offsetBy: end - start)])
    }

    /// The bytes of plain text (see `isPlain`) without the whitespace `trimmingWhitespaces` removes: among plain
    /// scalars, tab, space and U+3000 (E3 80 80).
    static func plainTrimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        func isIdeographicSpace(_ at: Int) -> Bool { at >= 0 && at + 2 < bytes.count && bytes[at] == 0xE3 && bytes[at + 1] == 0x80 && bytes[at + 2] == 0x80 }
        var start = 0
        var end = bytes.count
        while start < end {
            if bytes[start] == 0x20 || bytes[start] == 0x09 {
                start += 1
            } else if end - start >= 3, isIdeographicSpace(start) {
                start += 3
            } else {
                break
            }
        }
        while end > start {
            if bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 {
                end -= 1
            } else if end - start >= 3, isIdeographicSpace(end - 3) {
                end -= 3
            } else {
                break
            }
        }
        return start..<end
    }

    /// Whether `pattern` occurs in the bytes, byte for byte.
    static func occurs(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !pattern.isEmpty else { return true }
        guard let base = bytes.baseAddress, bytes.count >= pattern.count else { return false }
        return pattern.withUnsafeBufferPointer { needle in
            let first = Int32(needle[0])
            var offset = 0
            let last = bytes.count - needle.count
            while offset <= last, let hit = memchr(base + offset, first, last - offset + 1) {
                let at = UnsafeRawPointer(base).distance(to: hit)
                if memcmp(hit, needle.baseAddress!, needle.count) == 0 { return true }
                offset = at + 1
            }
            return false
        }
    }

    /// Whether Foundation's `CharacterSet.whitespaces` holds the scalar.
    @inline(__always)
    static func isWhitespace(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return Unicode.Scalar(value).map(whitespaces.contains) ?? false
    }

    private static let whitespaces = CharacterSet.whitespaces
}
