import Foundation

/// A calendar day as an ordinal, enough for the generator's date arithmetic.
struct SimpleDate: Comparable, CustomStringConvertible {
    let ordinal: Int

    private static let base = 1900
    private static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    private static func monthLengths(_ y: Int) -> [Int] { [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] }

    init(ordinal: Int) { self.ordinal = ordinal }

    init(_ year: Int, _ month: Int, _ day: Int) {
        var n = 0
        for y in Self.base..<year { n += Self.isLeap(y) ? 366 : 365 }
        n += Self.monthLengths(year).prefix(month - 1).reduce(0, +)
        ordinal = n + day - 1
    }

    var parts: (year: Int, month: Int, day: Int) {
        var n = ordinal
        var year = Self.base
        while n >= (Self.isLeap(year) ? 366 : 365) {
            n -= Self.isLeap(year) ? 366 : 365
            year += 1
        }
        var month = 1
        for length in Self.monthLengths(year) {
            if n < length { break }
            n -= length
            month += 1
        }
        return (year, month, n + 1)
    }

    var year: Int { parts.year }

    var description: String {
        let (y, m, d) = parts
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    static func + (date: SimpleDate, days: Int) -> SimpleDate { SimpleDate(ordinal: date.ordinal + days) }
    static func < (a: SimpleDate, b: SimpleDate) -> Bool { a.ordinal < b.ordinal }

    static func parse(_ text: String?) -> SimpleDate? {
        guard let parts = text?.split(separator: "-").compactMap({ Int($0) }), parts.count == 3 else { return nil }
        return SimpleDate(parts[0], parts[1], parts[2])
    }
}
