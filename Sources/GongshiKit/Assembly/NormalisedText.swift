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
            if bytes[start] == 0x5D, let (url, end) = Self.linkDestination(bytes, from: start) {
                // `[text](url)`: the page shows only the text, so `110105[19491231](u)002X` reads as one number; the
                // destination is scanned on its own.
                tags.append(url)
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

    /// After the `]` of a Markdown link: the range of its destination in `](destination)` and the offset after the
    /// `)`, or nil (within 2,000 bytes, on one line, brackets in the destination balanced).
    static func linkDestination(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Range<Int>, Int)? {
        guard start + 1 < bytes.count, bytes[start + 1] == 0x28 else { return nil }
        var depth = 0
        var i = start + 2
        let limit = min(bytes.count, start + 2000)
        while i < limit, bytes[i] != 0x0A {
            if bytes[i] == 0x28 { depth += 1 }
            if bytes[i] == 0x29 {
                if depth == 0 { return (start + 2..<i, i + 1) }
                depth -= 1
            }
            i += 1
        }
        return nil
    }

    /// Source offset where unit `index` starts; the end of the text for `count`.
    func start(_ index: Int) -> Int { index < starts.count ? Int(starts[index]) : byteCount }

    /// The scan's view of one scalar; nil drops it. Decided by Unicode properties, not by lists: every decimal digit
    /// of any script (`Nd`) and every compatibility digit (`①`, `¹`, `₁`, `⓪`) folds to its ASCII digit; every
    /// space (`Zs`) to a space; every format character (`Cf`) and combining mark (`Mn`, `Me`: `̲`, keycap `⃣`,
    /// variation selectors) is dropped, with the blank letters that render as nothing (Hangul fillers, `⠀`); every
    /// dash (`Pd`) and the look-alikes people type for one (`ー`, `─`, `⁻`, `～`, `⁓`…) folds to `-`, and dot
    /// look-alikes (`⋅`, `∙`, `●`, `。`) to `.`.
    static func fold(_ s: UInt32) -> UInt32? {
        switch s {
        case 0x09, 0x0B, 0x0C: return 0x20
        case 0x0D, 0x2028, 0x2029, 0x85: return 0x0A
        case 0x5C: return nil  // `\`: Markdown's escape
        case 0x21...0x7E, 0x0A: return s
        case 0x4E00...0x9FFF, 0xAC00...0xD7A3: return s  // ideographs and Hangul syllables: none is a digit or a mark
        case 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800: return nil  // blank letters that render as nothing
        case 0xFF01...0xFF5D: return s - 0xFEE0
        case 0xFF5E, 0x2043, 0xFE58, 0xFE63, 0x2E3A, 0x2E3B, 0x30FC, 0xFF70, 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509,
            0x254C, 0x254D, 0x2574, 0x2576, 0x2578, 0x257A, 0x257C, 0x257E, 0x23AF, 0x23E4, 0x02D7, 0x2796, 0x207B, 0x208B,
            0x2053, 0x223C, 0x2212, 0x02DC, 0x2550, 0x2E40, 0x10EAD:
            return 0x2D
        case 0xB7, 0x2022, 0x2024, 0x2027, 0x30FB, 0xFF65, 0xFF61, 0xFE52, 0x22C5, 0x2219, 0x25CF, 0x3002, 0x2981, 0x26AB,
            0x2E31, 0x0387:
            return 0x2E
        case 0x2215, 0x2044, 0x29F8: return 0x2F
        case 0x3010, 0x3014, 0xFE59, 0x207D, 0x208D, 0x300C, 0x300E, 0x300A, 0x3008, 0x3016, 0x3018, 0x301A: return 0x28
        case 0x3011, 0x3015, 0xFE5A, 0x207E, 0x208E, 0x300D, 0x300F, 0x300B, 0x3009, 0x3017, 0x3019, 0x301B: return 0x29
        case 0x2217, 0xFE61: return 0x2A
        case 0xFE4D...0xFE4F: return 0x5F
        case 0xFE6B: return 0x40
        case 0xFF5F...0xFFEF: return s
        default: break
        }
        guard let scalar = Unicode.Scalar(s) else { return s }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .decimalNumber, .otherNumber:
            if properties.numericType == .decimal || properties.numericType == .digit, let value = properties.numericValue,
                value >= 0, value <= 9, value == value.rounded()
            {
                return 0x30 + UInt32(value)
            }
            return s
        case .spaceSeparator: return 0x20
        case .format, .nonspacingMark, .enclosingMark: return nil
        case .dashPunctuation: return 0x2D
        default: return s
        }
    }

    /// An `X` or a character people type for it (`×`, Cyrillic `Х`, Greek `Χ`, Roman numeral `Ⅹ`, `✕`, `✗`, `╳`).
    static func isXLike(_ u: UInt32) -> Bool {
        switch u {
        case 0x58, 0x78, 0xD7, 0x0425, 0x0445, 0x03A7, 0x03C7, 0x2169, 0x2179, 0x2715, 0x2716, 0x2717, 0x2718, 0x2573,
            0x274C, 0x274E, 0x2A2F, 0x1D417, 0x1D431:
            return true
        default: return false
        }
    }

    static func isDigit(_ u: UInt32) -> Bool { u >= 0x30 && u <= 0x39 }

    static func isDigitByte(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// What may stand between two digit groups: spaces, tabs, dashes, dots, slashes, brackets, Markdown emphasis
    /// markers and line breaks (all folded to ASCII by now).
    static func isSeparator(_ u: UInt32) -> Bool {
        switch u {
        case 0x20, 0x2D, 0x2E, 0x2F, 0x28, 0x29, 0x2A, 0x5F, 0x60, 0x0A, 0x7E, 0x2C, 0x5B, 0x5D, 0x3E, tag: return true
        default: return false
        }
    }

    /// Markdown markers and HTML tags: not shown on the page.
    static func isMarker(_ u: UInt32) -> Bool { u == 0x2A || u == 0x5F || u == 0x60 || u == 0x7E || u == tag }

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
