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
            if groups == 4, isIPAddress(g...j) { continue }
            let end = chain[j].end
            if digits.count == 18 || (digits.count == 17 && chain[j].checkX != nil) {
                let id = digits.count == 18 ? digits : digits + [0x58]
                if let verdict = IDNumber.verdict(id) {
                    let last = digits.count == 18 ? end : chain[j].checkX! + 1
                    let found = Found(
                        kind: .idCard, range: text.start(chain[g].start)..<text.start(last), value: string(id),
                        wrongCheckCharacter: verdict == .wrongCheckCharacter)
                    return (found, j + 1)
                }
            }
            if digits.count == 17, j == chain.count - 1, chain[j].checkX == nil, IDNumber.hasProvince(digits),
                let id = IDNumber.completed(digits)
            {
                // 17 digits and no check character: it can be computed, so this is an ID all the same.
                return (Found(kind: .idCard, range: range(g, j), value: string(id)), j + 1)
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

    /// How many leading digits are a country prefix (`86`, `0086`) or a trunk `0` (`013912345678`, `+86 0139…`)
    /// before an 11-digit mobile; nil for no mobile.
    func mobilePrefix(_ d: [UInt8]) -> Int? {
        let prefixes: [[UInt8]] = [[], [0x38, 0x36], [0x30, 0x30, 0x38, 0x36], [0x30], [0x38, 0x36, 0x30], [0x30, 0x30, 0x38, 0x36, 0x30]]
        for prefix in prefixes where d.count == 11 + prefix.count && d.starts(with: prefix) {
            let m = d[prefix.count...]
            if m.first == 0x31, let second = m.dropFirst().first, second >= 0x33 && second <= 0x39 { return prefix.count }
        }
        return nil
    }

    /// A bank number: 16–19 digits in any grouping, not starting with 0, passing the Luhn check. Not one: digits
    /// written straight against an ASCII letter (`12520100429200243D`, a credit code), a chain holding a date
    /// (`2026-03-07`) or an IP address, or 7–8 digits and a mobile split by a `/` or a wide gap (a landline and a
    /// mobile). A block in fours that fails the Luhn check and starts like a card (3–6) is skipped whole: the
    /// `1381 2345 671` at the end of `6228 4800 1381 2345 671` is part of a mistyped card, not a mobile; any other
    /// block is read on from its next group (`2026 1101 0519 4912 3100 2X` holds an ID).
    func bank(from g: Int) -> (Found?, Int)? {
        let u = text.units
        if chain[g].start > 0, NormalisedText.isASCIIAlnum(u[chain[g].start - 1]), !NormalisedText.isDigit(u[chain[g].start - 1]) {
            return nil
        }
        var digits: [UInt8] = []
        var longest: Found?
        var next = g
        for j in g..<chain.count {
            appendDigits(of: chain[j], to: &digits)
            if digits.count > 19 { break }
            guard digits.count >= 16, BankCardNumber.isValid(digits) else { continue }
            let end = chain[j].end
            if end < u.count, NormalisedText.isASCIIAlnum(u[end]) || NormalisedText.isXLike(u[end]) { continue }
            if holdsDate(g...j) || landlineAndMobile(g...j, digits) || isListOfNumbers(g...j) { continue }
            longest = Found(kind: .bankCard, range: range(g, j), value: string(digits))
            next = j + 1
        }
        if let longest { return (longest, next) }
        let lengths = chain[g...].prefix(5).map(\.count)
        func fours(_ n: Int) -> Bool { lengths.count >= n && lengths.prefix(n).allSatisfy { $0 == 4 } }
        let cardLike = (0x33...0x36).contains(text.units[chain[g].start])
        if cardLike, fours(4), lengths.count >= 5, (1...3).contains(lengths[4]) { return (nil, g + 5) }
        if cardLike, fours(3), lengths.count >= 4, (4...7).contains(lengths[3]) { return (nil, g + 4) }
        return nil
    }

    /// Groups that read as a list of numbers rather than one card: rising values (`1 2 3 … 20`, `2016 2017 2018`),
    /// two years or more (`2021—2026`), or amounts with two decimals (`100.00 200.00`).
    func isListOfNumbers(_ groups: ClosedRange<Int>) -> Bool {
        let u = text.units
        func value(_ g: Int) -> Int { (chain[g].start..<min(chain[g].end, chain[g].start + 9)).reduce(0) { $0 * 10 + Int(u[$1] - 0x30) } }
        if groups.count >= 4, groups.dropFirst().allSatisfy({ value($0) > value($0 - 1) }) { return true }
        if groups.filter({ chain[$0].count == 4 && (1900...2099).contains(value($0)) }).count >= 2 { return true }
        return groups.contains { g in
            g > groups.lowerBound && chain[g].count == 2 && chain[g - 1].dotGap
                && (g == groups.upperBound || !chain[g].dotGap)
        }
    }

    /// A `YYYY MM DD` run of groups (a year 1900–2099, a month, a day) among `groups`.
    func holdsDate(_ groups: ClosedRange<Int>) -> Bool {
        let u = text.units
        func value(_ g: Int) -> Int { (chain[g].start..<chain[g].end).reduce(0) { $0 * 10 + Int(u[$1] - 0x30) } }
        for g in groups where g + 2 <= groups.upperBound && chain[g].count == 4 {
            guard (1...2).contains(chain[g + 1].count), (1...2).contains(chain[g + 2].count) else { continue }
            if (1900...2099).contains(value(g)), (1...12).contains(value(g + 1)), (1...31).contains(value(g + 2)) { return true }
        }
        return false
    }

    /// 7–8 digits, then a mobile: a landline and a mobile side by side (`8623 4517 / 1391 2345 678`,
    /// `86234517，13912345678`), whatever separates them.
    func landlineAndMobile(_ groups: ClosedRange<Int>, _ digits: [UInt8]) -> Bool {
        var count = 0
        for g in groups where g < groups.upperBound {
            count += chain[g].count
            if (7...8).contains(count), mobilePrefix(Array(digits[count...])) == 0 { return true }
        }
        return false
    }

    /// Four groups of at most three digits, each at most 255, joined by single dots: an IP address.
    func isIPAddress(_ groups: ClosedRange<Int>) -> Bool {
        let u = text.units
        return groups.allSatisfy { g in
            let value = (chain[g].start..<chain[g].end).reduce(0) { $0 * 10 + Int(u[$1] - 0x30) }
            return chain[g].count <= 3 && value <= 255 && (g == groups.upperBound || chain[g].dotGap)
        }
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
