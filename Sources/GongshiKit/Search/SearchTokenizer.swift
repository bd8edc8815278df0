/// Splits text into the search index's tokens: every kept character (unigram) and every pair of adjacent kept
/// characters (bigram) within a run of kept characters.
///
/// Kept: ASCII letters and digits (letters lower-cased), full-width letters and digits (folded to ASCII), 〇, and CJK
/// ideographs (Unified, Extension A, Compatibility, Extensions B–G). Everything else (punctuation, spaces, other
/// scripts) ends a run, so 「党、费」 holds no bigram 「党费」. `templates/assets/search.js` applies the same rules to
/// queries and to highlighting; change both together.
public enum SearchTokenizer {
    /// The folded form of a kept scalar, or nil when the scalar separates runs.
    public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        foldedValue(scalar.value).flatMap(Unicode.Scalar.init)
    }

    /// `fold` on a scalar's value: the folded value of a kept scalar, or nil.
    @inline(__always)
    static func foldedValue(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x30...0x39, 0x61...0x7A, 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F:
            return value
        case 0x41...0x5A: return value + 0x20
        case 0xFF10...0xFF19: return value - 0xFF10 + 0x30
        case 0xFF21...0xFF3A: return value - 0xFF21 + 0x61
        case 0xFF41...0xFF5A: return value - 0xFF41 + 0x61
        default: return nil
        }
    }

    /// The runs of kept characters, folded, in order.
    public static func runs(_ text: String) -> [String] {
        var runs: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let kept = fold(scalar) {
                current.append(kept)
            } else if !current.isEmpty {
                runs.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { runs.append(String(current)) }
        return runs
    }

    /// Every token of `text`, each once, in order of first appearance.
    public static func tokens(_ text: String) -> [String] {
        var seen = Set<UInt64>()
        var tokens: [String] = []
        forEachKey(in: text) { key in
            if seen.insert(key).inserted { tokens.append(token(forKey: key)) }
        }
        return tokens
    }

    /// Characters of a query that are searched; the rest is ignored (search.js cuts at the same place).
    public static let maximumQueryLength = 64

    /// The terms of a query, each once: its first `maximumQueryLength` characters split into runs of kept
    /// characters, so spaces (ASCII or ideographic) and punctuation separate terms.
    public static func queryTerms(_ query: String) -> [String] {
        let cut = String(String.UnicodeScalarView(query.unicodeScalars.prefix(maximumQueryLength)))
        var terms: [String] = []
        for run in runs(cut) where !terms.contains(run) { terms.append(run) }
        return terms
    }

    /// The bigrams of a term, in order (none for a one-character term).
    public static func bigrams(of term: String) -> [String] {
        let scalars = Array(term.unicodeScalars)
        guard scalars.count > 1 else { return [] }
        return (1..<scalars.count).map { String(String.UnicodeScalarView([scalars[$0 - 1], scalars[$0]])) }
    }

    /// The tokens a query looks up, each once: each one-character term's character, then every bigram of the longer
    /// terms. A one-character term matches a document holding its character; a longer term, a document holding for
    /// each of its characters one of the term's bigrams containing it (see `covers`).
    public static func queryTokens(_ query: String) -> [String] {
        var singles: [String] = []
        var bigrams: [String] = []
        for term in queryTerms(query) {
            if term.unicodeScalars.count == 1 { singles.append(term) }
            for bigram in self.bigrams(of: term) where !bigrams.contains(bigram) { bigrams.append(bigram) }
        }
        return singles + bigrams
    }

    /// Whether `term` matches a document that holds the tokens `held` accepts: a one-character term its character, a
    /// longer one, for each character, a bigram of the term containing it. So 「王芳书记」 matches 书记…王芳 (王芳 and
    /// 书记 cover all four characters, 芳书 is not needed) but 「王芳」 does not match 王…芳.
    public static func covers(_ term: String, held: (String) -> Bool) -> Bool {
        let bigrams = bigrams(of: term)
        guard !bigrams.isEmpty else { return held(term) }
        return (0...bigrams.count).allSatisfy { i in (i > 0 && held(bigrams[i - 1])) || (i < bigrams.count && held(bigrams[i])) }
    }

    /// Calls `body` with the key of every token occurrence in `text` (repeats included): the builder's fast path,
    /// which avoids making a `String` per occurrence and decodes the UTF-8 bytes itself (a Swift string's are always
    /// valid, so every sequence is complete).
    static func forEachKey(in text: String, _ body: (UInt64) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var previous: UInt64? = nil
            var index = 0
            while index < bytes.count {
                let lead = UInt32(bytes[index])
                let value: UInt32
                if lead < 0x80 {
                    value = lead
                    index += 1
                } else if lead < 0xE0 {
                    value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    index += 2
                } else if lead < 0xF0 {
                    value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    index += 3
                } else {
                    value =
                        (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                        | UInt32(bytes[index + 3] & 0x3F)
                    index += 4
                }
                guard let kept = foldedValue(value) else {
                    previous = nil
                    continue
                }
                let key = UInt64(kept)
                body(key)
                if let previous { body(bigramFlag | previous << 21 | key) }
                previous = key
            }
        }
    }

    /// Marks a bigram key; unigram keys are the scalar value itself (at most 21 bits).
    static let bigramFlag: UInt64 = 1 << 42

    /// The token text of a key made by `forEachKey`.
    static func token(forKey key: UInt64) -> String {
        var scalars = String.UnicodeScalarView()
        if key & bigramFlag != 0 {
            scalars.append(Unicode.Scalar(UInt32(truncatingIfNeeded: (key >> 21) & 0x1F_FFFF))!)
        }
        scalars.append(Unicode.Scalar(UInt32(truncatingIfNeeded: key & 0x1F_FFFF))!)
        return String(scalars)
    }
}
