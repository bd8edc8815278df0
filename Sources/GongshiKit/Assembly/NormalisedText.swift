/// A text as the personal-data scan reads it, made in one pass over its UTF-8 bytes: HTML entities (named, decimal,
/// hex) and percent-encoding decoded, full-width forms folded to ASCII, every space, dash, dot, slash and bracket
/// folded to its ASCII form, and zero-width characters, soft hyphens, bidi marks and backslashes dropped.
///
/// Each unit keeps the UTF-8 offset where its source starts, so a match found in the units masks exactly the source
/// text it came from (an entity-encoded digit is masked whole).
struct NormalisedText {
    /// The folded scalars (never a dropped one).
    private(set) var units: [UInt32] = []
    /// UTF-8 offset in the source of each unit's first byte.
    private(set) var starts: [Int32] = []
    /// UTF-8 length of the source.
    let byteCount: Int
    /// The insides of HTML tags (`<b>`, `</span>`, `<!-- … -->`), each read as one space: a Markdown body's raw HTML
    /// is left out of the page, so `138<b>1234</b>5678` shows as one number. Their attributes are scanned on their
    /// own (`<a href="tel:…">`).
    private(set) var tags: [Range<Int>] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        byteCount = bytes.count
        units.reserveCapacity(bytes.count)
        starts.reserveCapacity(bytes.count)
        var reader = Reader(bytes: bytes)
        while reader.position < bytes.count {
            let start = reader.position
            if bytes[start] == 0x3C, let end = Self.tagEnd(bytes, from: start) {
                tags.append(start + 1..<end - 1)
                reader.position = end
                units.append(Self.tag)
                starts.append(Int32(truncatingIfNeeded: start))
                continue
            }
            let scalar = reader.nextDecoded()
            if scalar == 0x0D, reader.position < bytes.count, bytes[reader.position] == 0x0A { continue }
            guard let folded = Self.fold(scalar) else { continue }
            units.append(folded)
            starts.append(Int32(truncatingIfNeeded: start))
        }
    }

    var count: Int { units.count }

    /// The unit that stands for an HTML tag (beyond Unicode, so no character folds to it).
    static let tag: UInt32 = 0x11_0001

    /// The offset after the `>` of an HTML tag or comment starting at `<`, or nil: `<name …>`, `</name>`, `<!-- … -->`
    /// (not an autolink such as `<mailto:…>`), within 1,000 bytes and without another `<`.
    static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start + 1
        let limit = min(bytes.count, start + 1000)
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        if i + 2 < limit, bytes[i] == 0x21, bytes[i + 1] == 0x2D, bytes[i + 2] == 0x2D {
            while i + 2 < limit {
                if bytes[i] == 0x2D, bytes[i + 1] == 0x2D, bytes[i + 2] == 0x3E { return i + 3 }
                i += 1
            }
            return nil
        }
        if i < limit, bytes[i] == 0x2F { i += 1 }
        guard i < limit, isLetter(bytes[i]) else { return nil }
        while i < limit, isLetter(bytes[i]) || isDigitByte(bytes[i]) || bytes[i] == 0x2D { i += 1 }
        guard i < limit, [0x20, 0x09, 0x0A, 0x2F, 0x3E].contains(bytes[i]) else { return nil }
        while i < limit, bytes[i] != 0x3C {
            if bytes[i] == 0x3E { return i + 1 }
            i += 1
        }
        return nil
    }

    /// Source offset where unit `index` starts; the end of the text for `count`.
    func start(_ index: Int) -> Int { index < starts.count ? Int(starts[index]) : byteCount }

    /// The scan's view of one scalar; nil drops it.
    static func fold(_ s: UInt32) -> UInt32? {
        switch s {
        case 0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return 0x20
        case 0x0D, 0x2028, 0x2029, 0x85: return 0x0A
        case 0x5C: return nil  // `\`: Markdown's escape
        case 0xAD, 0x034F, 0x061C, 0x180B...0x180F, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F,
            0xFE00...0xFE0F, 0xFEFF, 0xE0000...0xE007F:
            return nil
        case 0xFF01...0xFF5E: return s - 0xFEE0
        case 0x2010...0x2015, 0x2212, 0x2043, 0xFE58, 0xFE63, 0x2E3A, 0x2E3B: return 0x2D
        case 0xB7, 0x2022, 0x2024, 0x2027, 0x30FB, 0xFF65, 0xFF61, 0xFE52: return 0x2E
        case 0x2215, 0x2044: return 0x2F
        case 0x3010, 0x3014, 0xFE59, 0x207D, 0x208D: return 0x28
        case 0x3011, 0x3015, 0xFE5A, 0x207E, 0x208E: return 0x29
        case 0x2217, 0xFE61: return 0x2A
        case 0xFE4D...0xFE4F: return 0x5F
        case 0xFE6B: return 0x40
        case 0x1D7CE...0x1D7FF: return 0x30 + (s - 0x1D7CE) % 10
        default: return s
        }
    }

    static func isDigit(_ u: UInt32) -> Bool { u >= 0x30 && u <= 0x39 }

    static func isDigitByte(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// What may stand between two digit groups: spaces, tabs, dashes, dots, slashes, brackets, Markdown emphasis
    /// markers and line breaks (all folded to ASCII by now).
    static func isSeparator(_ u: UInt32) -> Bool {
        switch u {
        case 0x20, 0x2D, 0x2E, 0x2F, 0x28, 0x29, 0x2A, 0x5F, 0x60, 0x0A, tag: return true
        default: return false
        }
    }

    /// `*`, `` ` `` and HTML tags: markers that may split an e-mail address.
    static func isEmphasis(_ u: UInt32) -> Bool { u == 0x2A || u == 0x60 || u == tag }

    static func isASCIIAlnum(_ u: UInt32) -> Bool {
        (u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A)
    }
}

extension NormalisedText {
    /// Reads scalars from UTF-8, decoding entities, then percent-encoding over what the entities gave (a browser
    /// decodes an `href` the same way).
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        /// One scalar after entity and percent decoding.
        mutating func nextDecoded() -> UInt32 {
            let first = nextEntityDecoded()
            guard first == 0x25 else { return first }
            let saved = position
            if let scalar = percentScalar() { return scalar }
            position = saved
            return first
        }

        /// After a `%`: `%XX…` forming one scalar that is worth decoding, or nil.
        private mutating func percentScalar() -> UInt32? {
            guard let lead = hexByte() else { return nil }
            if lead < 0x80 {
                // Only what can belong to a number or an address: a decoded `%13` would hide the 13 of `5%13812345678`.
                let useful = Self.isASCIIAlnumByte(lead) || [0x20, 0x2B, 0x2D, 0x2E, 0x40, 0x5F, 0x28, 0x29, 0x2F].contains(lead)
                return useful ? UInt32(lead) : nil
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
            guard length > 0 else { return nil }
            var scalar = UInt32(lead) & (0xFF >> (length + 1))
            for _ in 1..<length {
                guard nextEntityDecoded() == 0x25, let byte = hexByte(), byte & 0xC0 == 0x80 else { return nil }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            return Unicode.Scalar(scalar) == nil ? nil : scalar
        }

        /// Two hex digits (each possibly entity-encoded) as a byte.
        private mutating func hexByte() -> UInt8? {
            guard position < bytes.count, let high = Self.hexValue(nextEntityDecoded()),
                position < bytes.count, let low = Self.hexValue(nextEntityDecoded())
            else { return nil }
            return UInt8(high << 4 | low)
        }

        static func hexValue(_ u: UInt32) -> UInt32? {
            switch u {
            case 0x30...0x39: return u - 0x30
            case 0x41...0x46: return u - 0x37
            case 0x61...0x66: return u - 0x57
            default: return nil
            }
        }

        static func isASCIIAlnumByte(_ b: UInt8) -> Bool { NormalisedText.isASCIIAlnum(UInt32(b)) }

        /// One scalar, an `&…;` entity decoded.
        mutating func nextEntityDecoded() -> UInt32 {
            let scalar = nextScalar()
            guard scalar == 0x26 else { return scalar }
            let saved = position
            if let decoded = entity() { return decoded }
            position = saved
            return scalar
        }

        /// After `&`: `#123;`, `#x1F;` or a named entity the table knows.
        private mutating func entity() -> UInt32? {
            var name: [UInt8] = []
            while position < bytes.count, name.count <= 32 {
                let byte = bytes[position]
                position += 1
                if byte == 0x3B { break }
                guard Self.isASCIIAlnumByte(byte) || (byte == 0x23 && name.isEmpty) else { return nil }
                name.append(byte)
            }
            guard position <= bytes.count, position > 0, bytes[position - 1] == 0x3B, !name.isEmpty else { return nil }
            if name[0] == 0x23 {
                let hex = name.count > 1 && (name[1] == 0x78 || name[1] == 0x58)
                let digits = name.dropFirst(hex ? 2 : 1)
                guard !digits.isEmpty, digits.count <= (hex ? 6 : 7) else { return nil }
                var value: UInt32 = 0
                for byte in digits {
                    guard let digit = Self.hexValue(UInt32(byte)), hex || digit < 10 else { return nil }
                    value = value * (hex ? 16 : 10) + digit
                }
                return Unicode.Scalar(value) == nil || value == 0 ? nil : value
            }
            return HTMLEntities.scalar(named: String(decoding: name, as: UTF8.self))
        }

        /// One scalar decoded from UTF-8 (the source is valid UTF-8: it is a Swift string).
        mutating func nextScalar() -> UInt32 {
            let lead = bytes[position]
            position += 1
            guard lead >= 0x80 else { return UInt32(lead) }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var scalar = UInt32(lead) & (0xFF >> (length + 1))
            for _ in 1..<length where position < bytes.count {
                scalar = scalar << 6 | UInt32(bytes[position] & 0x3F)
                position += 1
            }
            return scalar
        }
    }
}
