/// Finds mainland ID-card, bank-card and mobile numbers and e-mail addresses in a text. Knows no policy.
///
/// The text is first read as a `NormalisedText` (entities and percent-encoding decoded, full-width forms folded,
/// invisible characters dropped). Numbers are read as chains of digit groups joined by short runs of separators
/// (`138 1234 5678`, `138**1234**5678`, `1381—2345—678`, `138<b>1234</b>5678`, one line break at most); a number starts at a group and ends
/// with a whole group, so nothing is found inside a longer run of digits. The whole scan is linear in the text.
enum PersonalDataScanner {
    enum Kind: Sendable, Equatable {
        case idCard, bankCard, mobile, email
    }

    struct Match: Sendable, Equatable {
        let kind: Kind
        /// UTF-8 offsets of what masking replaces (a mobile's `86` prefix and an address's `@domain` stay).
        let range: Range<Int>
        /// Digits only (an ID's check character upper-cased); an e-mail address lower-cased.
        let value: String
        /// 0-based line of the match within the scanned text.
        let line: Int
        /// An 18-character ID whose check character does not match (still an ID: a typo of one).
        var wrongCheckCharacter = false
    }

    /// Separators between two digit groups: at most this many as the page shows them (a run of spaces counts as one,
    /// as a browser collapses it; HTML tags and Markdown markers count as nothing), and at most one line break.
    static let longestGap = 6
    /// Separators between two digit groups as written, at most: bounds the look-ahead.
    static let longestWrittenGap = 400

    static func matches(in text: String) -> [Match] {
        var text = text
        return text.withUTF8 { bytes in
            guard quickCheck(bytes) else { return [] }
            return withLines(found(in: bytes, offset: 0), in: bytes)
        }
    }

    /// What the bytes hold, at `offset` more; the attributes of HTML tags are read as texts of their own.
    static func found(in bytes: UnsafeBufferPointer<UInt8>, offset: Int) -> [Found] {
        let normalised = NormalisedText(bytes)
        let (emails, blocked) = emailMatches(normalised)
        var all = merge(emails, numberMatches(normalised, blocked: blocked))
        if offset != 0 {
            all = all.map {
                Found(
                    kind: $0.kind, range: $0.range.lowerBound + offset..<$0.range.upperBound + offset, value: $0.value,
                    wrongCheckCharacter: $0.wrongCheckCharacter)
            }
        }
        for tag in normalised.tags where tag.count >= 5 {
            all += found(in: UnsafeBufferPointer(rebasing: bytes[tag]), offset: offset + tag.lowerBound)
        }
        return normalised.tags.isEmpty ? all : merge(all, [])
    }

    /// False when the text cannot hold a number or an address: no `@` (in any spelling) and no chain of at least 11
    /// digits, the shortest number looked for.
    static func mayContainPersonalData(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard quickCheck(bytes) else { return false }
            let normalised = NormalisedText(bytes)
            if normalised.units.contains(0x40) { return true }
            var longest = 0
            forEachChain(normalised, blocked: nil) { chain in longest = max(longest, chain.reduce(0) { $0 + $1.count }) }
            return longest >= 11
        }
    }

    /// A pass over the bytes: an `@`, `＠`, `﹫`, `&` or `%`, or 11 digits in all (of any script: a non-ASCII scalar
    /// is decoded and folded as the scan would).
    static func quickCheck(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x30...0x39: digits += 1
            case 0x40, 0x26, 0x25: return true
            case 0xC2...0xF4:
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                guard index + length <= bytes.count else { break }
                var scalar = UInt32(byte) & (0xFF >> (length + 1))
                for k in 1..<length { scalar = scalar << 6 | UInt32(bytes[index + k] & 0x3F) }
                if scalar == 0xFF20 || scalar == 0xFE6B { return true }
                // Ideographs, most of a Chinese text, fold to themselves (`fold`'s own first cases), no digit.
                if !(0x4E00...0x9FFF).contains(scalar), let folded = NormalisedText.fold(scalar), NormalisedText.isDigit(folded) { digits += 1 }
                index += length - 1
            default: break
            }
            if digits >= 11 { return true }
            index += 1
        }
        return false
    }

    /// One number or address, before lines are counted.
    struct Found {
        let kind: Kind
        let range: Range<Int>
        let value: String
        var wrongCheckCharacter = false
    }

    static func merge(_ a: [Found], _ b: [Found]) -> [Found] {
        (a + b).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Lines counted in one sweep over the text, from one match to the next.
    static func withLines(_ found: [Found], in bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
        var line = 0
        var position = 0
        return found.map { item in
            while position < item.range.lowerBound {
                if bytes[position] == 0x0A { line += 1 }
                position += 1
            }
            return Match(kind: item.kind, range: item.range, value: item.value, line: line, wrongCheckCharacter: item.wrongCheckCharacter)
        }
    }
}

extension PersonalDataScanner {
    /// A run of digits, by unit index, and what follows it.
    struct Group {
        let start: Int
        let end: Int
        /// The unit of an `X` (or `×`) right after the group or after the separators that follow it.
        var checkX: Int?
        /// Joined to the next group by a single `.` (IP addresses and section numbers are read with it).
        var dotGap = false

        var count: Int { end - start }
    }

    /// Calls `body` with every chain of digit groups, in order. `blocked` units (an address's name) belong to no group.
    static func forEachChain(_ t: NormalisedText, blocked: [Bool]?, _ body: ([Group]) -> Void) {
        let u = t.units
        let n = u.count
        func free(_ k: Int) -> Bool { blocked.map { !$0[k] } ?? true }
        func isX(_ k: Int) -> Bool {
            k < n && NormalisedText.isXLike(u[k])
        }
        var chain: [Group] = []
        var i = 0
        while i < n {
            guard NormalisedText.isDigit(u[i]), free(i) else {
                i += 1
                continue
            }
            var j = i
            while j < n, NormalisedText.isDigit(u[j]), free(j) { j += 1 }
            var group = Group(start: i, end: j)
            var k = j
            var (length, breaks, dots, written) = (0, 0, 0, 0)
            var inSpace = false
            var lineStart = false
            while k < n, length <= longestGap, written <= longestWrittenGap, NormalisedText.isSeparator(u[k]), free(k) {
                let c = u[k]
                written += 1
                k += 1
                if c == 0x0A {
                    breaks += 1
                    lineStart = true
                    if !inSpace { length += 1 }
                    inSpace = true
                    continue
                }
                if c == 0x20 {
                    if !inSpace { length += 1 }
                    inSpace = true
                    continue
                }
                if c == 0x3E, lineStart { continue }  // a blockquote's `>` at a continuation line's start
                lineStart = false
                if NormalisedText.isMarker(c) { continue }
                inSpace = false
                if c == 0x2E { dots += 1 }
                length += 1
            }
            let joinable = written >= 1 && length <= longestGap && written <= longestWrittenGap && breaks <= 1
            if isX(j) {
                group.checkX = j
            } else if joinable, isX(k) {
                group.checkX = k
            }
            if joinable, group.checkX == nil, k < n, NormalisedText.isDigit(u[k]), free(k) {
                group.dotGap = written == 1 && dots == 1
                chain.append(group)
                i = k
            } else {
                chain.append(group)
                body(chain)
                chain.removeAll(keepingCapacity: true)
                i = j
            }
        }
    }

    static func numberMatches(_ t: NormalisedText, blocked: [Bool]?) -> [Found] {
        var found: [Found] = []
        forEachChain(t, blocked: blocked) { chain in
            var g = 0
            while g < chain.count {
                if let (item, next) = NumberReader(text: t, chain: chain).number(from: g) {
                    if let item { found.append(item) }
                    g = next
                } else {
                    g += 1
                }
            }
        }
        return found
    }
}
