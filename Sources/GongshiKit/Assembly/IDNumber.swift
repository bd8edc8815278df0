/// 公民身份号码 (GB 11643-1999): 17 digits and a check character, with the holder's birth date inside.
enum IDNumber {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters = Array("10X98765432".utf8)
    /// The province-level codes an ID number starts with (81–83: Hong Kong, Macao and Taiwan residence permits).
    static let provinces: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62,
        63, 64, 65, 71, 81, 82, 83,
    ]

    /// What 18 characters (ASCII digits, the last maybe `X`) are.
    enum Verdict: Equatable {
        /// The check character matches and the birth date is real.
        case valid
        /// A real province code and birth date with a wrong check character: a typo of an ID is still an ID.
        case wrongCheckCharacter
    }

    static func verdict(_ c: [UInt8]) -> Verdict? {
        guard c.count == 18, c[0] != 0x30, c[..<17].allSatisfy(NormalisedText.isDigitByte), plausibleBirth(c[6..<14]) else {
            return nil
        }
        let sum = zip(c[..<17], weights).reduce(0) { $0 + Int($1.0 - 0x30) * $1.1 }
        if checkCharacters[sum % 11] == c[17] { return .valid }
        return hasProvince(c) ? .wrongCheckCharacter : nil
    }

    /// 17 digits completed with their check character, when their birth date is real; nil otherwise.
    static func completed(_ c: [UInt8]) -> [UInt8]? {
        guard c.count == 17, c.allSatisfy(NormalisedText.isDigitByte) else { return nil }
        let sum = zip(c, weights).reduce(0) { $0 + Int($1.0 - 0x30) * $1.1 }
        let id = c + [checkCharacters[sum % 11]]
        return verdict(id) == .valid ? id : nil
    }

    /// 18 characters: the check character matches and the birth date (characters 7–14) is a real date.
    static func isValid(_ id: String) -> Bool { verdict(Array(id.uppercased().utf8)) == .valid }

    /// The 15-digit numbers issued before 1999: a YYMMDD birth date in the 1900s, no check character.
    static func isValidLegacy(_ c: [UInt8]) -> Bool {
        guard c.count == 15, c[0] != 0x30 else { return false }
        return plausibleBirth(Array("19".utf8) + c[6..<12])
    }

    static func hasProvince(_ c: [UInt8]) -> Bool {
        c.count >= 2 && provinces.contains(Int(c[0] &- 0x30) * 10 + Int(c[1] &- 0x30))
    }

    static func plausibleBirth<Digits: Collection<UInt8>>(_ yyyymmdd: Digits) -> Bool {
        let d = yyyymmdd.map { Int($0) - 0x30 }
        guard d.count == 8, d.allSatisfy({ (0...9).contains($0) }) else { return false }
        let y = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3], m = d[4] * 10 + d[5], day = d[6] * 10 + d[7]
        return (1900...2099).contains(y) && Day(year: y, month: m, day: day) != nil
    }
}
