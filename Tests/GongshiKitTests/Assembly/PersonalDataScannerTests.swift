import Testing

@testable import GongshiKit

@Suite("Finding personal numbers and e-mail addresses")
struct PersonalDataScannerTests {
    /// `kind:value` of every match, e.g. `mobile:13812345678`.
    static func found(_ text: String) -> [String] {
        PersonalDataScanner.matches(in: text).map { "\($0.kind):\($0.value)" }
    }

    // MARK: - ID-card numbers

    @Test(
        "18-character ID numbers with a valid check character and birth date",
        arguments: [
            "身份证号520102199003071236。", "520102198511050015", "身份证：11010519491231002X", "11010519491231002x 已登记",
            "520102 19900307 1236",
        ])
    func validIDs(_ text: String) {
        let found = Self.found(text)
        #expect(found.count == 1 && found[0].hasPrefix("idCard:"), "\(found)")
    }

    @Test("the check character is verified, X included; a wrong one with a real province and birth date is still an ID")
    func checkCharacter() throws {
        #expect(Self.found("520102199003071236") == ["idCard:520102199003071236"])
        #expect(PersonalDataScanner.matches(in: "520102199003071236").first?.wrongCheckCharacter == false)
        #expect(Self.found("11010519491231002X") == ["idCard:11010519491231002X"])
        for typo in ["520102199003071235", "520102199003071237", "110105194912310021", "11010119900307002５", "440304198512123450"] {
            let match = try #require(PersonalDataScanner.matches(in: "号码 \(typo) 已登记").first, "\(typo)")
            #expect(match.kind == .idCard && match.wrongCheckCharacter, "\(typo)")
        }
        // The province code is what makes a wrong check character an ID: 99 and 20 are none.
        #expect(Self.found("990102199003071235") == [])
        #expect(Self.found("订单号 202603071234567890") == [])
    }

    @Test("a right check character with an impossible birth date is no ID (2026-02-30)")
    func birthDate() {
        #expect(Self.found("520102202602301237") == [])
    }

    @Test("15-digit numbers with a real YYMMDD birth date are legacy IDs")
    func legacyIDs() {
        #expect(Self.found("旧身份证号520102900307123") == ["idCard:520102900307123"])
        #expect(Self.found("520102901307123") == [], "month 13")
        #expect(Self.found("520102900230123") == [], "30 February")
    }

    // MARK: - Mobile numbers

    @Test(
        "mobile numbers in every usual format",
        arguments: [
            "13812345678", "电话13812345678。", "138 1234 5678", "138-1234-5678", "1381234 5678", "138 12345678",
            "+86 138 1234 5678", "+8613812345678", "8613812345678", "86-138-1234-5678", "(+86) 138-1234-5678", "（+86）13812345678",
            "+86 13812345678", "１３８１２３４５６７８", "1381 2345 678", "0086 138 1234 5678", "008613812345678",
        ])
    func mobiles(_ text: String) {
        #expect(Self.found(text) == ["mobile:13812345678"], "in \(text)")
    }

    @Test("the 86 prefix stays out of what is masked")
    func prefixIsKept() throws {
        let match = try #require(PersonalDataScanner.matches(in: "+86 138-1234-5678").first)
        #expect(match.range == 4..<17)
    }

    @Test("every second digit from 3 to 9; 12 and 10 are no mobile prefixes")
    func mobilePrefixes() {
        for second in 3...9 { #expect(Self.found("1\(second)812345678") == ["mobile:1\(second)812345678"]) }
        #expect(Self.found("12812345678") == [])
        #expect(Self.found("10812345678") == [])
    }

    @Test("two numbers side by side, or a mobile after a date, are each found")
    func neighbours() {
        #expect(Self.found("13812345678 13987654321") == ["mobile:13812345678", "mobile:13987654321"])
        #expect(Self.found("13812345678、13987654321") == ["mobile:13812345678", "mobile:13987654321"])
        #expect(Self.found("2026-03-10 138 1234 5678") == ["mobile:13812345678"])
        #expect(Self.found("138 1234 5678 / 139 8765 4321") == ["mobile:13812345678", "mobile:13987654321"])
        #expect(Self.found("增长 5%13812345678") == ["mobile:13812345678"])
    }

    @Test(
        "no false positives: landlines, dates, times, amounts, long runs, numbers inside IDs",
        arguments: [
            "0851-86234517", "电话：0851-86234517、0851-86235120", "(0851)86234517", "0851 8623 4517", "0851-86234517-801",
            "2026-03-10", "2026年3月10日", "2026-03-10—2026-04-10", "8:30—17:30", "党费 1380.50 元", "138123456789",
            "1381234567", "201234567890123456789", "13812345678901", "订单号 2013812345678", "黔ICP备00000000号-1",
            "0000 0000 0000 0000", "12345678901234567",
        ])
    func noFalsePositives(_ text: String) {
        #expect(Self.found(text) == [], "in \(text)")
    }

    @Test("a mobile inside an ID or bank number is not reported as a mobile")
    func insideLongerNumbers() {
        #expect(Self.found("520102199003071236") == ["idCard:520102199003071236"])
        #expect(Self.found("6228 4800 1381 2345 671") == [])
        #expect(Self.found("6228480013812345678") == [])
    }

    // MARK: - Bank-card numbers

    @Test("16–19 digits that pass the Luhn check, whole or in groups of four")
    func bankCards() {
        #expect(Self.found("卡号6222021234567890128") == ["bankCard:6222021234567890128"])
        #expect(Self.found("6228480012345671") == ["bankCard:6228480012345671"])
        #expect(Self.found("6222 0212 3456 7890 128") == ["bankCard:6222021234567890128"])
        #expect(Self.found("6222-0212-3456-7890-128") == ["bankCard:6222021234567890128"])
    }

    @Test("a wrong Luhn digit, a leading 0 or a length outside 16–19 is no bank number")
    func notBankCards() {
        #expect(Self.found("6222021234567890127") == [])
        #expect(Self.found("6228480012345672") == [])
        #expect(Self.found("0222021234567890128") == [])
        #expect(Self.found("62220212345678901280") == [])
    }

    @Test("the Luhn check itself")
    func luhn() {
        #expect(BankCardNumber.isValid("4111111111111111"))
        #expect(!BankCardNumber.isValid("4111111111111112"))
        #expect(BankCardNumber.isValid("6222021234567890128"))
    }

    // MARK: - E-mail addresses

    @Test("e-mail addresses, lower-cased, without the Chinese text around them")
    func emails() {
        #expect(Self.found("邮箱Zhang.San@Example.org。") == ["email:zhang.san@example.org"])
        #expect(Self.found("写信到 zhang_san+party@mail.example.gov.cn.") == ["email:zhang_san+party@mail.example.gov.cn"])
        #expect(Self.found("@someone 或 a@b 或 x@y.z") == [])
    }

    @Test("a mobile used as a mail name is that mobile and an e-mail address")
    func mobileInsideAddress() {
        #expect(Self.found("13812345678@qq.com").sorted() == ["email:13812345678@qq.com", "mobile:13812345678"])
    }

    @Test("lines are counted from 0 within the text")
    func lines() {
        let matches = PersonalDataScanner.matches(in: "第一行\n第二行 13812345678\n\nz@example.org")
        #expect(matches.map(\.line) == [1, 3])
    }
}
