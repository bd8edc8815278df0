import Testing

@testable import GongshiKit

/// The classes a hostile tester typed numbers in after the first detector: digits of other scripts, invisible and
/// look-alike separators, gaps the browser collapses, IDs without or with a mangled check character, numbers inside
/// runs of four-digit groups, numbers used as mail names and numbers split by links.
@Suite("Personal numbers typed to slip past the scan")
struct PersonalDataHostileTests {
    static func found(_ text: String) -> [String] {
        PersonalDataScanner.matches(in: text).map { "\($0.kind):\($0.value)" }
    }

    static let id = "11010519491231002X"
    static let mobile = "13912345678"
    static let bank = "6222021234567890128"

    /// Ways of writing one ASCII digit, found by Unicode properties rather than listed one by one.
    static let digitForms: [(name: String, apply: @Sendable (UInt32) -> String)] = [
        ("circled", { d in String(UnicodeScalar(d == 0 ? 0x24EA : 0x2460 + d - 1)!) }),
        ("superscript", { d in String(UnicodeScalar([0x2070, 0xB9, 0xB2, 0xB3][safe: d] ?? 0x2070 + d)!) }),
        ("subscript", { d in String(UnicodeScalar(0x2080 + d)!) }),
        ("Arabic-Indic", { d in String(UnicodeScalar(0x0660 + d)!) }), ("Devanagari", { d in String(UnicodeScalar(0x0966 + d)!) }),
        ("Thai", { d in String(UnicodeScalar(0x0E50 + d)!) }), ("segmented", { d in String(UnicodeScalar(0x1FBF0 + d)!) }),
        ("combining low line", { d in "\(d)\u{0332}" }), ("keycap", { d in "\(d)\u{FE0F}\u{20E3}" }),
        ("enclosing circle", { d in "\(d)\u{20DD}" }),
    ]

    @Test("digits of every script and every compatibility digit are read as digits", arguments: 0..<10)
    func digitsOfEveryScript(_ formIndex: Int) {
        let form = Self.digitForms[formIndex]
        func written(_ s: String) -> String {
            String(s.unicodeScalars.map { $0.value >= 0x30 && $0.value <= 0x39 ? form.apply($0.value - 0x30) : String($0) }.joined())
        }
        #expect(Self.found("电话 \(written(Self.mobile)) 找我") == ["mobile:\(Self.mobile)"], "\(form.name)")
        #expect(Self.found("卡号 \(written(Self.bank))") == ["bankCard:\(Self.bank)"], "\(form.name)")
        #expect(Self.found("身份证 \(written(Self.id))") == ["idCard:\(Self.id)"], "\(form.name)")
    }

    @Test(
        "invisible, blank and look-alike separators join digit groups",
        arguments: [
            "\u{2800}", "\u{3164}", "\u{FFA0}", "\u{115F}", "\u{1160}", "\u{17B4}", "\u{1D173}", "\u{FFF9}", "\u{180E}",
            "\u{2007}", "\u{205F}", "\u{30FC}", "\u{2500}", "\u{2501}", "\u{23AF}", "\u{02D7}", "\u{2796}", "\u{207B}", "\u{058A}",
            "\u{2E17}", "\u{FE31}", "\u{FE32}", "\u{2053}", "\u{301C}", "\u{FF5E}", "\u{3030}", "~", "\u{22C5}", "&sdot;",
            "\u{2219}", "\u{25CF}", "\u{3002}", ",", "」「", "》《", "［", "[", "]",
        ])
    func separators(_ separator: String) {
        let mobile = ["139", "1234", "5678"].joined(separator: separator)
        #expect(Self.found("电话 \(mobile) 找我") == ["mobile:13912345678"], "\(separator.unicodeScalars.map { String($0.value, radix: 16) })")
        let id = ["110105", "19491231", "002X"].joined(separator: separator)
        #expect(Self.found("身份证 \(id)") == ["idCard:\(Self.id)"], "\(separator.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test("X look-alikes in the check position", arguments: ["Х", "х", "Χ", "Ⅹ", "ⅹ", "✕", "✗", "╳", "×", "Ｘ", "x", "**X**"])
    func xLookAlikes(_ x: String) {
        #expect(Self.found("身份证号 11010519491231002\(x)") == ["idCard:\(Self.id)"])
        #expect(Self.found("身份证号 110105 19491231 002\(x)") == ["idCard:\(Self.id)"])
    }

    @Test(
        "the gap is measured as the page shows it: collapsed whitespace, no tags, no Markdown markers",
        arguments: [
            ("139       1234       5678", "mobile:13912345678"), ("139\t\t\t\t\t\t\t1234\t\t\t\t\t\t\t5678", "mobile:13912345678"),
            ("139          \n          1234 5678", "mobile:13912345678"), ("***139*** ___1234___ **5678**", "mobile:13912345678"),
            ("139<i></i><i></i><i></i><i></i>1234<b></b><b></b><b></b><b></b>5678", "mobile:13912345678"),
            ("> 电话 139\n> 1234 5678", "mobile:13912345678"), ("> 电话 139\n>> 1234 5678", "mobile:13912345678"),
            ("110105       19491231       002X", "idCard:11010519491231002X"),
            ("110105<i></i><i></i><i></i><i></i><i></i><i></i><i></i>19491231002X", "idCard:11010519491231002X"),
            ("> 身份证号 110105\n> 19491231002X", "idCard:11010519491231002X"),
            ("6222       0212       3456       7890       128", "bankCard:6222021234567890128"),
        ])
    func collapsedGaps(_ text: String, _ expected: String) {
        #expect(Self.found(text) == [expected], "\(text.debugDescription)")
    }

    @Test("visible separators still end a number: two blank lines, a long run of dashes")
    func visibleGapsStillEnd() {
        #expect(Self.found("138 1234\n\n5678") == [])
        #expect(Self.found("138 1234 -  -  - 5678") == [])
        #expect(Self.found("138 1234 ------- 5678") == [])
    }

    @Test(
        "IDs without their check character, with it followed by more, with a wrong one in any grouping, in dotted groups",
        arguments: [
            ("11010519491231002", false), ("11010519491231002*", false), ("11010519491231002?", false), ("11010519491231002 号", false),
            ("11010519491231002Xab", false), ("11010519491231002X1", false), ("11 01 05 1949 12 31 0021", true),
            ("1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 1", true), ("110.105.194.912.310.02X", false), ("11.01.05.19.49.12.31.00.2X", false),
        ])
    func incompleteIDs(_ text: String, _ wrongCheck: Bool) throws {
        let matches = PersonalDataScanner.matches(in: "身份证号 \(text)")
        let match = try #require(matches.first, "\(text)")
        #expect(matches.count == 1 && match.kind == .idCard && match.value.hasPrefix("11010519491231002"), "\(matches)")
        #expect(match.wrongCheckCharacter == wrongCheck)
    }

    @Test(
        "a run of four-digit groups that is no card is read on: an ID, a mobile or a card starts at a later group",
        arguments: [
            ("编号 2026 1101 0519 4912 3100 2X", ["idCard:11010519491231002X"]),
            ("0000 1101 0519 4912 3100 2X", ["idCard:11010519491231002X"]), ("2026 0307 1391 2345 678", ["mobile:13912345678"]),
            ("电话 8623 4518 / 1391 2345 678", ["mobile:13912345678"]), ("电话 8623 4517 / 1391 2345 678", ["mobile:13912345678"]),
            ("电话 86234517，13912345678", ["mobile:13912345678"]), ("电话 8623451，7139123456789", []),
            ("电话：0851-86234517，13912345678", ["mobile:13912345678"]),
            ("1234 5678 9012 3456 139 1234 5678", ["mobile:13912345678"]),
            ("账户 0001 6222 0212 3456 7890 128", ["bankCard:6222021234567890128"]),
        ])
    func notSwallowed(_ text: String, _ expected: [String]) {
        #expect(Self.found(text) == expected, "\(text)")
    }

    @Test(
        "bank numbers in any grouping",
        arguments: [
            [3, 4, 4, 4, 4], [6, 6, 7], [8, 11], [5, 5, 5, 4], [4, 15], [6, 4, 4, 4, 1], [4, 4, 4, 7], [2, 4, 4, 4, 4, 1],
            Array(repeating: 1, count: 19),
        ])
    func bankGroupings(_ grouping: [Int]) {
        var rest = Substring(Self.bank)
        let groups = grouping.map { n in
            defer { rest = rest.dropFirst(n) }
            return String(rest.prefix(n))
        }
        #expect(Self.found("卡号 \(groups.joined(separator: " "))") == ["bankCard:\(Self.bank)"], "\(grouping)")
        let sixteen = "6222021234567894"
        #expect(Self.found("卡号 \(sixteen.prefix(8)) \(sixteen.dropFirst(8))") == ["bankCard:\(sixteen)"])
        #expect(Self.found("卡号 \(sixteen.prefix(4)) \(sixteen.dropFirst(4).prefix(6)) \(sixteen.dropFirst(10))") == ["bankCard:\(sixteen)"])
    }

    @Test(
        "codes that are no bank or ID numbers: credit codes, a landline beside a mobile, date ranges, IP addresses",
        arguments: [
            "统一社会信用代码 12520100429200243D", "统一社会信用代码 12520000429200245X", "统一社会信用代码 91520100MA6DK4XY3N",
            "2026-03-07—2026-04-10", "2026.03.07-2026.04.10", "2021-2026年，2021—2026，2016 2017 2018 2019 2020 2021",
            "第 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 名", "100.00 200.00 300.00 400.00 500.00",
            "| 2026 | 165 | 14216.50 |\n| 2025 | 160 | 13912.34 |", "2026.03.07, 2026.04.07, 2026.05.07", "192.168.100.201", "172.16.138.123",
            "ISBN 978-7-5086-3814-5",
        ])
    func noBankFalsePositives(_ text: String) {
        #expect(Self.found(text) == [], "\(text)")
    }

    @Test(
        "mobiles in dotted groups and with a trunk 0",
        arguments: ["1.3.9.1.2.3.4.5.6.7.8", "139.123.456.78", "13.912.345.678", "013912345678", "+86 013912345678"])
    func dottedAndTrunkZero(_ text: String) {
        #expect(Self.found("电话 \(text)") == ["mobile:13912345678"], "\(text)")
    }

    @Test("a number that is a mail name is checked as that number, whatever e-mail addresses are allowed")
    func numbersAsMailNames() {
        let allowAll = PrivacyPolicy(email: .allow)
        let allowQQ = PrivacyPolicy(emails: ["@qq.com"])
        for policy in [PrivacyPolicy(), allowAll, allowQQ] {
            let id = PrivacyLint.screen("来信 11010519491231002X@qq.com", policy: policy).findings
            #expect(id.contains { $0.match.kind == .idCard && $0.severity == .error })
            let bank = PrivacyLint.screen("来信 6222021234567890128@qq.com", policy: policy).findings
            #expect(bank.contains { $0.match.kind == .bankCard && $0.severity == .error })
            let (masked, mobile) = PrivacyLint.screen("来信 13912345678@139.com", policy: policy)
            #expect(mobile.contains { $0.match.kind == .mobile && $0.masks })
            #expect(!masked.contains("13912345678"), "\(masked)")
        }
        let allowed = PrivacyLint.screen("来信 13912345678@139.com", policy: PrivacyPolicy(allow: ["13912345678"], emails: ["@139.com"]))
        #expect(allowed.text == "来信 13912345678@139.com")
    }

    @Test(
        "a Markdown link's text joins the digits around it; its destination is still scanned",
        arguments: [
            ("110105[19491231](https://example.org/)002X", ["idCard:11010519491231002X"]),
            ("139[1234](https://example.org/)5678", ["mobile:13912345678"]),
            ("[139](https://a.cn/) [1234](https://a.cn/) [5678](https://a.cn/)", ["mobile:13912345678"]),
            ("6222[0212](https://example.org/)34567890128", ["bankCard:6222021234567890128"]),
            ("[联系](tel:13912345678)", ["mobile:13912345678"]),
        ])
    func linksSplittingNumbers(_ text: String, _ expected: [String]) {
        #expect(Self.found(text) == expected, "\(text)")
    }

    @Test("masking a number written across a link covers the whole written form")
    func linkMask() {
        let (masked, findings) = PrivacyLint.screen("电话 139[1234](https://example.org/)5678 找我", policy: PrivacyPolicy())
        #expect(findings.count == 1)
        #expect(masked == "电话 139****5678 找我", "\(masked)")
    }
}

extension Array {
    fileprivate subscript(safe index: UInt32) -> Element? { Int(index) < count ? self[Int(index)] : nil }
}

@Suite("Messages and the build report never print a personal number whole")
struct PersonalDataMessageTests {
    @Test("a diagnostic's path is masked like its message")
    func pathsAreMasked() throws {
        let diagnostics = PrivacyLint.masking([
            Diagnostic(.warning, "content/pages/11010519491231002X.md", line: 1, "文件 11010519491231002X.md 有问题"),
            Diagnostic(.warning, "content/pages/13912345678/guanyu.md", line: 1, "未知目录 13912345678"),
        ])
        for diagnostic in diagnostics {
            #expect(!diagnostic.description.contains("19491231") && !diagnostic.description.contains("12345678"), "\(diagnostic)")
        }
        #expect(diagnostics[1].path == "content/pages/139****5678/guanyu.md")
    }

    @Test("every field of the report's items is masked: a withheld item's id, its path and its reason")
    func reportItemsAreMasked() {
        let item = BuildReport.Item(
            path: "content/disclosures/13912345678.md", line: nil, id: "zhangsan-13912345678", message: "党内公开 11010519491231002")
        #expect(item.id == "zhangsan-139****5678")
        #expect(item.path == "content/disclosures/139****5678.md")
        #expect(!item.message.contains("10519491231"), "\(item.message)")
    }

    @Test("a key written as a long number is shown as written, not as a list position")
    func numericKeys() {
        #expect("13912345678".displayKey == "13912345678")
        #expect("people.1.name".displayKey == "people 第 2 项的 name")
    }
}

@Suite("E-mail addresses written to slip past the scan")
struct EmailHostileTests {
    @Test(
        "markers inside the domain, 。 as a dot, spaces around @, Chinese and quoted names, IP-literal domains",
        arguments: [
            ("zhangsan@**example**.org", "zhangsan@example.org"), ("zhangsan@exa<i></i>mple.org", "zhangsan@example.org"),
            ("zhangsan@example。org", "zhangsan@example.org"), ("写信 zhangsan @ example.org", "zhangsan@example.org"),
            ("写信 zhangsan@ example.org", "zhangsan@example.org"), ("联系人 张三@example.org", "张三@example.org"),
            ("\"zhang san\"@example.org", "zhang san@example.org"), ("zhangsan@10.0.0.1", "zhangsan@10.0.0.1"),
            ("zhangsan@[10.0.0.1]", "zhangsan@[10.0.0.1]"), ("zhang[san](https://a.cn/)@example.org", "zhangsan@example.org"),
        ])
    func hostileEmails(_ text: String, _ value: String) {
        let emails = PersonalDataScanner.matches(in: text).filter { $0.kind == .email }.map(\.value)
        #expect(emails == [value], "\(text)")
    }

    @Test("an e-mail address written with spaces or a Chinese name is masked")
    func masked() {
        let (text, _) = PrivacyLint.screen("写信给张三@example.org 或 li @ example.org", policy: PrivacyPolicy())
        #expect(!text.contains("张三") && !text.contains("li @"), "\(text)")
    }

    @Test("no address: a lone @, a handle, a version after @")
    func notEmails() {
        for text in ["@张三 你好", "发邮件 @ 办公室", "npm i pkg@1.2.3", "a@b", "x @ y"] {
            #expect(PersonalDataScanner.matches(in: text).filter { $0.kind == .email }.isEmpty, "\(text)")
        }
    }
}
