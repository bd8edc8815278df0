/// Finds mainland ID-card, bank-card and mobile numbers and e-mail addresses in a text. Knows no policy.
///
/// Numbers are read as digit groups joined by single spaces or dashes (`138 1234 5678`). A match starts at a group
/// not preceded by a digit and ends with a whole group, so nothing is found inside a longer run of digits.
enum PersonalDataScanner {
    enum Kind: Sendable, Equatable {
        case idCard, bankCard, mobile, email
    }

    struct Match: Sendable, Equatable {
        let kind: Kind
        /// Character offsets of what masking replaces (a mobile's `86` prefix stays).
        let range: Range<Int>
        /// Digits only (an ID's check character upper-cased); an e-mail address lower-cased.
        let value: String
        /// 0-based line of the match within the scanned text.
        let line: Int
    }

    static func matches(in text: String) -> [Match] {
        guard mayContainPersonalData(text) else { return [] }
        let chars = Array(text)
        let emails = emailMatches(chars)
        var found = emails
        var start = 0
        while start < chars.count {
            guard digit(chars[start]) != nil, start == 0 || digit(chars[start - 1]) == nil else {
                start += 1
                continue
            }
            let run = DigitRun(chars, from: start)
            if let (kind, range, value) = number(run), !emails.contains(where: { $0.range.overlaps(range) }) {
                found.append(Match(kind: kind, range: range, value: value, line: line(of: range.lowerBound, in: chars)))
                start = range.upperBound
            } else {
                // Try again at the next group: `2026-03-10 138 1234 5678` holds a mobile after a date.
                start = run.groups.count > 1 ? run.groups[1].lowerBound : run.groups[0].upperBound
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A quick pass over the UTF-8 bytes: false when the text has no `@` and no run of at least 11 digits joined by
    /// single separators (the shortest number looked for is an 11-digit mobile), so the character-level scan
    /// above, which costs far more, is skipped for most texts.
    static func mayContainPersonalData(_ text: String) -> Bool {
        var digits = 0
        var afterSeparator = false
        var iterator = text.utf8.makeIterator()
        var pending: [UInt8] = []
        func next() -> UInt8? { pending.isEmpty ? iterator.next() : pending.removeFirst() }
        while let byte = next() {
            if byte == 0x40 { return true }
            // ASCII digits, and full-width ０–９ (EF BC 90–99).
            var isDigit = byte >= 0x30 && byte <= 0x39
            var isSeparator = byte == 0x20 || byte == 0x2D
            if byte == 0xEF || byte == 0xC2 {
                let second = next(), third = byte == 0xEF ? next() : nil
                if byte == 0xEF, second == 0xBC, let third {
                    isDigit = third >= 0x90 && third <= 0x99
                    isSeparator = third == 0x8D
                } else if byte == 0xC2, second == 0xA0 {
                    isSeparator = true
                } else {
                    pending = [second, third].compactMap { $0 }
                }
            }
            if isDigit {
                digits += 1
                afterSeparator = false
                if digits >= 11 { return true }
            } else if isSeparator, digits > 0, !afterSeparator {
                afterSeparator = true
            } else {
                digits = 0
                afterSeparator = false
            }
        }
        return false
    }

    /// Digit groups from a start, each joined to the previous one by a single separator.
    struct DigitRun {
        var groups: [Range<Int>] = []
        var separators: [Character] = []
        var digits: [String] = []
        /// `X`/`x` right after the first group (an ID's check character), not followed by a letter or digit.
        var checkX = false

        init(_ chars: [Character], from start: Int) {
            var i = start
            while true {
                let begin = i
                var text = ""
                while i < chars.count, let d = digit(chars[i]) {
                    text.append(d)
                    i += 1
                }
                groups.append(begin..<i)
                digits.append(text)
                guard i + 1 < chars.count, PersonalDataScanner.separators.contains(chars[i]), digit(chars[i + 1]) != nil else { break }
                separators.append(chars[i])
                i += 1
            }
            let x = groups[0].upperBound
            checkX = x < chars.count && (chars[x] == "X" || chars[x] == "x") && (x + 1 == chars.count || !chars[x + 1].isASCIIAlnum)
        }

        /// Lengths of the groups from `first` joined by one and the same separator.
        func lengths(from first: Int) -> [Int] {
            var end = first + 1
            while end < groups.count, end - first < 2 || separators[end - 1] == separators[end - 2] { end += 1 }
            return groups[first..<end].map(\.count)
        }

        func joined(_ range: Range<Int>) -> String { digits[range].joined() }
    }

    /// What the run starts with: an ID-card, bank-card or mobile number, or nothing.
    static func number(_ run: DigitRun) -> (Kind, Range<Int>, String)? {
        let first = run.digits[0]
        let lengths = run.lengths(from: 0)
        func span(_ count: Int) -> Range<Int> { run.groups[0].lowerBound..<run.groups[count - 1].upperBound }
        // 18-character ID, written whole (the check character may be X) or as 6-8-4.
        if run.checkX, first.count == 17, IDNumber.isValid(first + "X") {
            return (.idCard, run.groups[0].lowerBound..<run.groups[0].upperBound + 1, first + "X")
        }
        let idGroups = first.count == 18 ? 1 : lengths == [6, 8, 4] ? 3 : 0
        if idGroups > 0, IDNumber.isValid(run.joined(0..<idGroups)) { return (.idCard, span(idGroups), run.joined(0..<idGroups)) }
        if first.count == 15, IDNumber.isValidLegacy(first) { return (.idCard, span(1), first) }
        if let count = bankGroupCount(run, lengths), BankCardNumber.isValid(run.joined(0..<count)) {
            return (.bankCard, span(count), run.joined(0..<count))
        }
        return mobile(run)
    }

    /// A bank number is written whole (16–19 digits) or in groups of four with a shorter last group.
    static func bankGroupCount(_ run: DigitRun, _ lengths: [Int]) -> Int? {
        if (16...19).contains(run.digits[0].count) { return 1 }
        let total = lengths.reduce(0, +)
        guard (4...5).contains(lengths.count), lengths.dropLast().allSatisfy({ $0 == 4 }), (16...19).contains(total) else { return nil }
        return lengths.count
    }

    /// A mobile written whole, 3-4-4, 3-8 or 7-4, after an optional `86` (`+86`, `86-`, `8613812345678`).
    static func mobile(_ run: DigitRun) -> (Kind, Range<Int>, String)? {
        let first = run.digits[0]
        if first.count == 13, first.hasPrefix("86"), isMobile(String(first.dropFirst(2))) {
            return (.mobile, run.groups[0].lowerBound + 2..<run.groups[0].upperBound, String(first.dropFirst(2)))
        }
        let start = first == "86" && run.groups.count > 1 ? 1 : 0
        let lengths = run.lengths(from: start)
        for shape in [[11], [3, 4, 4], [3, 8], [7, 4]] where lengths.starts(with: shape) {
            let value = run.joined(start..<start + shape.count)
            if isMobile(value) { return (.mobile, run.groups[start].lowerBound..<run.groups[start + shape.count - 1].upperBound, value) }
        }
        return nil
    }

    /// `1[3-9]` followed by nine digits.
    static func isMobile(_ digits: String) -> Bool {
        let d = Array(digits)
        return d.count == 11 && d[0] == "1" && ("3"..."9").contains(d[1])
    }

    static let separators: Set<Character> = [" ", "-", "\u{00A0}", "－"]

    /// The ASCII digit of `0`–`9` or a full-width `０`–`９`.
    static func digit(_ c: Character) -> Character? {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x30...0x39: return c
        case 0xFF10...0xFF19: return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
        default: return nil
        }
    }

    static func line(of offset: Int, in chars: [Character]) -> Int {
        chars[..<offset].reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
    }
}

extension PersonalDataScanner {
    /// Addresses `local@domain.tld` in ASCII; the scan runs before the one for numbers, which skips them.
    static func emailMatches(_ chars: [Character]) -> [Match] {
        var found: [Match] = []
        for at in chars.indices where chars[at] == "@" {
            var start = at
            while start > 0, chars[start - 1].isASCIIAlnum || "._%+-".contains(chars[start - 1]) { start -= 1 }
            while start < at, chars[start] == "." { start += 1 }
            var end = at + 1
            while end < chars.count, chars[end].isASCIIAlnum || chars[end] == "." || chars[end] == "-" { end += 1 }
            while end > at + 1, chars[end - 1] == "." || chars[end - 1] == "-" { end -= 1 }
            let labels = String(chars[at + 1..<end]).split(separator: ".", omittingEmptySubsequences: false)
            guard start < at, labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), labels.last!.count >= 2,
                labels.last!.allSatisfy(\.isLetter)
            else { continue }
            let value = String(chars[start..<end]).lowercased()
            found.append(Match(kind: .email, range: start..<end, value: value, line: line(of: start, in: chars)))
        }
        return found
    }
}

/// 公民身份号码 (GB 11643-1999): 17 digits and a check character, with the holder's birth date inside.
enum IDNumber {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters = Array("10X98765432")

    /// 18 characters: the check character matches and the birth date (characters 7–14) is a real date.
    static func isValid(_ id: String) -> Bool {
        let c = Array(id)
        let body = c.prefix(17).compactMap(\.wholeNumberValue)
        guard c.count == 18, body.count == 17, body[0] != 0 else { return false }
        let sum = zip(body, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11] == c[17] && plausibleBirth(String(c[6..<14]))
    }

    /// The 15-digit numbers issued before 1999: a YYMMDD birth date in the 1900s, no check character.
    static func isValidLegacy(_ id: String) -> Bool {
        let c = Array(id)
        guard c.count == 15, c[0] != "0" else { return false }
        return plausibleBirth("19" + String(c[6..<12]))
    }

    static func plausibleBirth(_ yyyymmdd: String) -> Bool {
        let d = Array(yyyymmdd)
        guard d.count == 8, let y = Int(String(d[0..<4])), let m = Int(String(d[4..<6])), let day = Int(String(d[6..<8])) else {
            return false
        }
        return (1900...2099).contains(y) && Day(year: y, month: m, day: day) != nil
    }
}

/// Bank-card numbers: 16–19 digits, not starting with 0, passing the Luhn check.
enum BankCardNumber {
    static func isValid(_ digits: String) -> Bool {
        let d = digits.compactMap(\.wholeNumberValue)
        guard (16...19).contains(d.count), d.count == digits.count, d[0] != 0 else { return false }
        let sum = d.reversed().enumerated().reduce(0) { sum, pair in
            let doubled = pair.offset % 2 == 1 ? pair.element * 2 : pair.element
            return sum + (doubled > 9 ? doubled - 9 : doubled)
        }
        return sum % 10 == 0
    }
}

extension Character {
    fileprivate var isASCIIAlnum: Bool { isASCII && (isLetter || isNumber) }
}
