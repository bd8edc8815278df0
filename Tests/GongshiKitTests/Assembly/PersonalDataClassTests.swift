import Testing

@testable import GongshiKit

/// The whole class of ways people type personal numbers: every separator × every grouping × every encoding, for
/// every kind; and the numbers that must stay alone.
@Suite("Personal numbers however they are typed")
struct PersonalDataClassTests {
    struct Number: Sendable, CustomStringConvertible {
        let kind: PersonalDataScanner.Kind
        /// The characters as written (an ID's X included, a mobile's `86` prefix included).
        let written: String
        let value: String
        let groupings: [[Int]]
        var prefix = ""
        var wrongCheck = false

        var description: String { "\(kind):\(written)" }
    }

    static let idGroupings = [[18], [6, 8, 4], [6, 4, 4, 4], [3, 4, 4, 4, 3], [4, 4, 4, 4, 2], [2, 4, 4, 4, 4], [6, 6, 6]]

    static let numbers: [Number] = [
        Number(kind: .idCard, written: "520102199003071236", value: "520102199003071236", groupings: idGroupings),
        Number(kind: .idCard, written: "11010119900307002X", value: "11010119900307002X", groupings: idGroupings),
        Number(kind: .idCard, written: "11010119900307002x", value: "11010119900307002X", groupings: [[18], [6, 8, 4]]),
        Number(kind: .idCard, written: "520102199003071235", value: "520102199003071235", groupings: idGroupings, wrongCheck: true),
        Number(kind: .idCard, written: "440304198512123450", value: "440304198512123450", groupings: [[6, 8, 4]], wrongCheck: true),
        Number(kind: .idCard, written: "520102900307123", value: "520102900307123", groupings: [[15], [6, 6, 3]]),
        Number(kind: .bankCard, written: "6222021234567890128", value: "6222021234567890128", groupings: [[19], [4, 4, 4, 4, 3], [6, 13]]),
        Number(kind: .bankCard, written: "6217000010001234", value: "6217000010001234", groupings: [[16], [4, 4, 4, 4]]),
        Number(
            kind: .mobile, written: "13812345678", value: "13812345678",
            groupings: [[11], [3, 4, 4], [4, 4, 3], [3, 8], [7, 4], [3, 3, 5], [1, 2, 4, 4]]),
        Number(kind: .mobile, written: "8613912345678", value: "13912345678", groupings: [[2, 3, 4, 4], [2, 11], [13], [5, 4, 4]], prefix: "+"),
    ]

    static let separators = [
        " ", "  ", "\t", "\u{3000}", "\u{00A0}", "\u{202F}", "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}",
        "\u{2015}", "\u{2212}", "－", "——", ".", "·", "/", "／", ")(", ") ", "\n", " \n", "**", "*", "_", "`", "** **", " - ",
        "&nbsp;", "&ndash;", "%20", "&#8212;",
    ]

    /// Ways the digits themselves are written.
    static let encodings: [(name: String, apply: @Sendable (Character) -> String)] = [
        ("plain", { String($0) }),
        ("full-width", { c in String(UnicodeScalar(c.unicodeScalars.first!.value + 0xFEE0).map(Character.init)!) }),
        ("decimal entity", { "&#\($0.unicodeScalars.first!.value);" }),
        ("hex entity", { "&#x\(String($0.unicodeScalars.first!.value, radix: 16));" }),
        ("percent", { "%\(String($0.unicodeScalars.first!.value, radix: 16, uppercase: true))" }),
        ("zero-width", { "\($0)\u{200B}" }), ("soft hyphen", { "\($0)\u{00AD}" }), ("word joiner", { "\u{2060}\($0)" }),
        ("BOM", { "\($0)\u{FEFF}" }), ("zero-width joiner", { "\($0)\u{200D}" }),
    ]

    static func split(_ text: String, _ lengths: [Int]) -> [String] {
        var rest = Substring(text)
        return lengths.map { length in
            defer { rest = rest.dropFirst(length) }
            return String(rest.prefix(length))
        }
    }

    @Test("every kind × grouping × separator × encoding is found once, with its value")
    func wholeClassIsFound() {
        var failures: [String] = []
        var tried = 0
        for number in Self.numbers {
            for grouping in number.groupings {
                let groups = Self.split(number.written, grouping)
                for separator in grouping.count == 1 ? [""] : Self.separators {
                    for encoding in Self.encodings {
                        let written = number.prefix + groups.map { $0.map(encoding.apply).joined() }.joined(separator: separator)
                        let text = "联系人张三，\(written)，谢谢。"
                        let matches = PersonalDataScanner.matches(in: text)
                        tried += 1
                        guard matches.count == 1, let match = matches.first, match.kind == number.kind, match.value == number.value,
                            match.wrongCheckCharacter == number.wrongCheck
                        else {
                            failures.append("\(number) \(grouping) \(encoding.name) \(separator.debugDescription): \(matches.map { "\($0.kind):\($0.value)" })")
                            continue
                        }
                        if !PersonalDataScanner.mayContainPersonalData(text) { failures.append("pre-check skipped \(text.debugDescription)") }
                    }
                }
            }
        }
        #expect(tried > 2000)
        #expect(failures.isEmpty, "\(failures.count) of \(tried) missed, e.g.\n\(failures.prefix(30).joined(separator: "\n"))")
    }

    @Test("a masked number covers every character it was written with, entities and invisible characters included")
    func maskCoversTheWrittenForm() {
        let texts = [
            "电话 &#49;&#51;&#56;&#49;&#50;&#51;&#52;&#53;&#54;&#55;&#56; 找我", "电话 %31%33%38 1234 5678 找我",
            "电话 1\u{200B}3\u{200B}8\u{00AD}1234\u{2060}5678 找我", "电话 **138**1234**5678** 找我", "电话 138 1234\n5678 找我",
            "电话 １３８－１２３４－５６７８ 找我", "电话 138\\-1234\\-5678 找我",
        ]
        for text in texts {
            let (masked, findings) = PrivacyLint.screen(text, policy: PrivacyPolicy())
            #expect(findings.count == 1, "\(text.debugDescription)")
            #expect(masked.hasPrefix("电话 ") && masked.hasSuffix(" 找我") && masked.contains("138****5678"), "\(masked.debugDescription)")
            for digits in ["1234", "１２３４", "&#50;", "%33"] { #expect(!masked.contains(digits), "\(masked.debugDescription)") }
        }
    }

    @Test(
        "numbers that are no personal numbers stay alone",
        arguments: [
            "2026-03-07", "2026.03.07", "2026/03/07", "2026年3月7日", "2026-03-07—2026-04-10", "2026.03.07 13:30", "08:30-17:30",
            "0851-86234517", "(0851) 8623 4517", "0851-8623-4517", "010-8765 4321", "+86 851 8623 4517", "400-123-4567",
            "1,234.56", "党费 1380.50 元", "共 12,345,678.90 元", "订单号 202603071234567890", "流水号 20260307123456789012",
            "ISBN 978-7-5086-3814-5", "ISBN 978-7-01-012345-6", "172.16.138.123", "192.168.100.201", "第 13 期 第 8 组",
            "6228 4800 1381 2345 671", "0000 0000 0000 0000", "990102199003071235", "520102202602301237", "138 1234 567",
            "12812345678", "10812345678",
        ])
    func negatives(_ text: String) {
        #expect(PersonalDataScanner.matches(in: text).isEmpty, "\(PersonalDataScanner.matches(in: text).map(\.value))")
    }

    @Test("three line breaks or a long run of separators end a number")
    func farApartGroupsAreNotJoined() {
        #expect(PersonalDataScanner.matches(in: "138 1234\n\n5678").isEmpty)
        #expect(PersonalDataScanner.matches(in: "138 1234 -  -  - 5678").isEmpty)
        #expect(PersonalDataScanner.matches(in: "138、1234、5678").isEmpty)
    }

    @Test(
        "e-mail addresses in every spelling",
        arguments: [
            ("写信给 name@党建.中国", "name@党建.中国"), ("写信给 name@党建.中国欢迎来信", "name@党建.中国"),
            ("邮箱 zhang＠example.org。", "zhang@example.org"), ("ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｏｒｇ", "zhang@example.org"),
            ("zhang﹫example.org", "zhang@example.org"), ("[写信](mailto:%7A%68%61%6E%67%73%61%6E@example.org)", "zhangsan@example.org"),
            ("mailto:zhangsan%40example.org", "zhangsan@example.org"), ("zhang**san**@example.org", "zhangsan@example.org"),
            ("**zhangsan@example.org**", "zhangsan@example.org"), ("`zhangsan`@example.org", "zhangsan@example.org"),
            ("zhangsan&#64;example.org", "zhangsan@example.org"), ("zhangsan&commat;example.org", "zhangsan@example.org"),
            ("zhang\u{200B}san@example.org", "zhangsan@example.org"), ("zhangsan@example.org联系", "zhangsan@example.org"),
            ("zhangsan@**example.org**", "zhangsan@example.org"), ("ZhangSan@Mail.Example.GOV.cn", "zhangsan@mail.example.gov.cn"),
            ("name@xn--fiqs8s.xn--55qx5d", "name@xn--fiqs8s.xn--55qx5d"), ("张三 name@例子.测试", "name@例子.测试"),
        ])
    func emails(_ text: String, _ value: String) {
        #expect(PersonalDataScanner.matches(in: text).map(\.value) == [value], "in \(text)")
    }

    @Test("e-mail addresses keep their domain as written and lose their name")
    func emailMasks() {
        #expect(PrivacyLint.screen("写信 zhang**san**@example.org 吧", policy: PrivacyPolicy()).text == "写信 z***@example.org 吧")
        #expect(PrivacyLint.screen("写信 name@党建.中国欢迎", policy: PrivacyPolicy()).text == "写信 n***@党建.中国欢迎")
        #expect(PrivacyLint.screen("13812345678@qq.com", policy: PrivacyPolicy()).text == "138****5678@qq.com")
    }

    @Test("HTML tags between digit groups join them (a body's raw HTML is left out of the page); attributes are read too")
    func htmlTags() {
        let found = { (text: String) in PersonalDataScanner.matches(in: text).map { "\($0.kind):\($0.value)" } }
        #expect(found("电话 138<b>1234</b>5678 找我") == ["mobile:13812345678"])
        #expect(found("电话 138<span class=\"x\">1234</span><!-- -->5678") == ["mobile:13812345678"])
        #expect(found("<a href=\"tel:13912345678\">电话</a>") == ["mobile:13912345678"])
        #expect(found("zhang<em>san</em>@example.org") == ["email:zhangsan@example.org"])
        #expect(found("<mailto:zhangsan@example.org>") == ["email:zhangsan@example.org"])
        #expect(found("520102<br>19900307<br>1236") == ["idCard:520102199003071236"])
        #expect(PrivacyLint.screen("电话 138<b>1234</b>5678 找我", policy: PrivacyPolicy()).text == "电话 138****5678 找我")
    }

    @Test("a number inside a domain is still found")
    func numberInDomain() {
        #expect(PersonalDataScanner.matches(in: "zhang@13812345678.cn").map(\.kind) == [.email, .mobile])
    }

    @Test("100,000 numbers in one text: every one found, each at its own line (the scan is linear)")
    func largeTextIsScannedWhole() {
        let forms = ["138 1234 5678", "138-1234-5678", "138**1234**5678", "+86 138 1234 5678", "1381234\u{2014}5678", "１３８１２３４５６７８"]
        let lines = (0..<100_000).map { "第 \($0) 条：联系 \(forms[$0 % forms.count])，\($0 % 7 == 0 ? "邮箱 z\($0)@example.org" : "")" }
        let matches = PersonalDataScanner.matches(in: lines.joined(separator: "\n"))
        let mobiles = matches.filter { $0.kind == .mobile }
        #expect(mobiles.count == 100_000)
        #expect(matches.count == 100_000 + (0..<100_000).filter { $0 % 7 == 0 }.count)
        #expect(mobiles.enumerated().allSatisfy { $0.offset == $0.element.line })
    }
}
