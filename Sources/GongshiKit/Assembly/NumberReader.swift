/// Reads what number a chain of digit groups holds from one of its groups: an 18-character ID (whole or in any
/// grouping, valid or with a wrong check character), a 15-digit legacy ID, a mobile (after an optional `86` or
/// `0086`) or a bank number, in that order of precedence.
struct NumberReader {
    let text: NormalisedText
    let chain: [PersonalDataScanner.Group]

    typealias Found = PersonalDataScanner.Found

    /// nil: nothing starts at group `g`. Otherwise what was found (nil for a bank-shaped block that is no number,
    /// whose groups are skipped whole) and the group to go on from.
    func number(from g: Int) -> (Found?, Int)? {
        var digits: [UInt8] = []
        var best: (found: Found, next: Int, rank: Int)?
        for j in g..<chain.count {
            appendDigits(of: chain[j], to: &digits)
            guard digits.count <= 19 else { break }
            let groups = j - g + 1
            if groups >= 4, isDotted(g...j) { continue }
            let end = chain[j].end
            if digits.count == 18 || (digits.count == 17 && chain[j].checkX != nil) {
                let id = digits.count == 18 ? digits : digits + [0x58]
                if let verdict = IDNumber.verdict(id), verdict == .valid || groups <= 6 {
                    let last = digits.count == 18 ? end : chain[j].checkX! + 1
                    let found = Found(
                        kind: .idCard, range: text.start(chain[g].start)..<text.start(last), value: string(id),
                        wrongCheckCharacter: verdict == .wrongCheckCharacter)
                    return (found, j + 1)
                }
            }
            if digits.count == 15, groups == 1 || (groups <= 6 && IDNumber.hasProvince(digits)), IDNumber.isValidLegacy(digits) {
                best = (Found(kind: .idCard, range: range(g, j), value: string(digits)), j + 1, 2)
            }
            if best == nil, let prefix = mobilePrefix(digits) {
                let first = unit(ofDigit: prefix, from: g)
                let value = string(Array(digits[prefix...]))
                best = (Found(kind: .mobile, range: text.start(first)..<text.start(end), value: value), j + 1, 3)
            }
        }
        if let best { return (best.found, best.next) }
        return bank(from: g)
    }

    /// How many leading digits are a country prefix (`86`, `0086`) before an 11-digit mobile; nil for no mobile.
    func mobilePrefix(_ d: [UInt8]) -> Int? {
        for prefix in [0, 2, 4] where d.count == 11 + prefix {
            guard prefix == 0 || d.starts(with: prefix == 2 ? [0x38, 0x36] : [0x30, 0x30, 0x38, 0x36]) else { continue }
            let m = d[prefix...]
            if m.first == 0x31, let second = m.dropFirst().first, second >= 0x33 && second <= 0x39 { return prefix }
        }
        return nil
    }

    /// A bank number written whole (16–19 digits), in fours with a last group of 1–3 (or of 4–7 after three fours),
    /// or as a 6-digit bank code and the rest. A block in fours that fails the Luhn check is skipped whole: the
    /// `1381 2345 671` at the end of `6228 4800 1381 2345 671` is part of a mistyped card, not a mobile.
    func bank(from g: Int) -> (Found?, Int)? {
        let lengths = chain[g...].prefix(5).map(\.count)
        func fours(_ n: Int) -> Bool { lengths.count >= n && lengths.prefix(n).allSatisfy { $0 == 4 } }
        var spans: [(count: Int, block: Bool)] = []
        if fours(4), lengths.count >= 5, (1...3).contains(lengths[4]) { spans.append((5, true)) }
        if fours(3), lengths.count >= 4, (4...7).contains(lengths[3]) { spans.append((4, true)) }
        if (16...19).contains(lengths[0]) { spans.append((1, false)) }
        if lengths.count >= 2, lengths[0] == 6, (10...13).contains(lengths[1]) { spans.append((2, false)) }
        for span in spans {
            var digits: [UInt8] = []
            for group in chain[g..<g + span.count] { appendDigits(of: group, to: &digits) }
            if BankCardNumber.isValid(digits) {
                return (Found(kind: .bankCard, range: range(g, g + span.count - 1), value: string(digits)), g + span.count)
            }
            if span.block { return (nil, g + span.count) }
        }
        return nil
    }

    /// Four or more groups of at most three digits joined by single dots: an IP address or a section number.
    func isDotted(_ groups: ClosedRange<Int>) -> Bool {
        groups.allSatisfy { chain[$0].count <= 3 && ($0 == groups.upperBound || chain[$0].dotGap) }
    }

    func appendDigits(of group: PersonalDataScanner.Group, to digits: inout [UInt8]) {
        for k in group.start..<min(group.end, group.start + 20) { digits.append(UInt8(text.units[k])) }
        if group.count > 20 { digits.append(0x30) }  // longer than any number: stops the reading
    }

    /// The unit of the `offset`-th digit counted from group `g`.
    func unit(ofDigit offset: Int, from g: Int) -> Int {
        var remaining = offset
        var index = g
        while remaining >= chain[index].count {
            remaining -= chain[index].count
            index += 1
        }
        return chain[index].start + remaining
    }

    func range(_ first: Int, _ last: Int) -> Range<Int> { text.start(chain[first].start)..<text.start(chain[last].end) }

    func string(_ digits: [UInt8]) -> String { String(decoding: digits, as: UTF8.self) }
}
