/// Bank-card numbers: 16–19 digits, not starting with 0, passing the Luhn check.
enum BankCardNumber {
    static func isValid(_ digits: String) -> Bool { isValid(Array(digits.utf8)) }

    static func isValid(_ d: [UInt8]) -> Bool {
        guard (16...19).contains(d.count), d.allSatisfy(NormalisedText.isDigitByte), d[0] != 0x30 else { return false }
        let sum = d.reversed().enumerated().reduce(0) { sum, pair in
            let digit = Int(pair.element - 0x30)
            let doubled = pair.offset % 2 == 1 ? digit * 2 : digit
            return sum + (doubled > 9 ? doubled - 9 : doubled)
        }
        return sum % 10 == 0
    }
}
