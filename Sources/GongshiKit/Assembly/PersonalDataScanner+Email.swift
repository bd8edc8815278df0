extension PersonalDataScanner {
    /// Top-level domains in Chinese, so an address written straight into a sentence (`name@党建.中国欢迎来信`) ends
    /// where its domain does.
    static let chineseTopLevelDomains: Set<String> = [
        "中国", "中國", "公司", "网络", "網絡", "政务", "公益", "在线", "在線", "网址", "网店", "网站", "商城", "商店", "商标", "集团",
        "中文网", "我爱你", "香港", "台湾", "台灣", "澳门", "澳門", "新加坡", "手机", "游戏", "企业", "时尚", "购物", "信息", "娱乐", "健康",
        "慈善", "世界", "新闻", "机构", "组织机构", "移动", "联通",
    ]

    /// Addresses `name@domain.tld`: an ASCII name (Markdown `*` and `` ` `` inside it are skipped, `zhang**san**@…`),
    /// a domain of ASCII or Chinese labels (`name@党建.中国`). Returns them with the units of each name and its `@`,
    /// which the number scan leaves alone (`13812345678@qq.com` is one address).
    static func emailMatches(_ t: NormalisedText) -> ([Found], [Bool]?) {
        let u = t.units
        var found: [Found] = []
        var blocked: [Bool]?
        for at in u.indices where u[at] == 0x40 {
            // `name @ example.org`: a space on either side of the `@` is still one address.
            var end = at
            while end > 0, at - end < 2, u[end - 1] == 0x20 { end -= 1 }
            var start = end
            if end > 0, u[end - 1] == 0x22, let open = u[max(0, end - 65)..<end - 1].lastIndex(of: 0x22) {
                start = open  // a quoted name, `"zhang san"@example.org`
            } else {
                // A link's `[` is skipped like a marker: `zhang[san](https://a.cn/)@example.org` shows as one name.
                while start > 0, isLocal(u[start - 1]) || NormalisedText.isEmphasis(u[start - 1]) || u[start - 1] == 0x5B { start -= 1 }
                while start < end, NormalisedText.isEmphasis(u[start]) || u[start] == 0x2E || u[start] == 0x5B { start += 1 }
                if start == end || !u[start..<end].contains(where: NormalisedText.isASCIIAlnum) {
                    // A Chinese name, `张三@example.org`: the two or three characters before the `@`.
                    start = end
                    while start > 0, end - start < 3, isChineseName(u[start - 1]) { start -= 1 }
                }
            }
            let local = u[start..<end].filter { !NormalisedText.isEmphasis($0) && $0 != 0x22 && $0 != 0x5B }
            guard local.contains(where: { NormalisedText.isASCIIAlnum($0) || isChineseName($0) }), let domain = domain(after: at, in: u)
            else { continue }
            let value = String(String.UnicodeScalarView((local + [0x40]).compactMap { Unicode.Scalar(lowercased($0)) })) + domain
            // A name that is a number (`11010519491231002X@qq.com`) is that number too, whatever e-mail addresses
            // the policy allows.
            let name = String(String.UnicodeScalarView(local.compactMap(Unicode.Scalar.init)))
            for inner in numberMatches(in: name) {
                found.append(
                    Found(kind: inner.kind, range: t.start(start)..<t.start(at), value: inner.value, wrongCheckCharacter: inner.wrongCheckCharacter))
            }
            found.append(Found(kind: .email, range: t.start(start)..<t.start(at), value: value))
            if blocked == nil { blocked = Array(repeating: false, count: u.count) }
            for k in start...at { blocked![k] = true }
        }
        return (found, blocked)
    }

    /// The lower-cased domain after an `@`: two labels or more, the last one (the top-level domain) two letters or
    /// more, ASCII or Chinese.
    static func domain(after at: Int, in u: [UInt32]) -> String? {
        var labels: [[UInt32]] = []
        var current: [UInt32] = []
        var p = at + 1
        // Markers and a space right after the `@` are skipped (`zhang@**example.org**`, `zhang @ example.org`), and
        // markers inside the domain (`zhangsan@**example**.org`, `zhangsan@exa<i></i>mple.org`).
        while p < u.count, NormalisedText.isEmphasis(u[p]) || (u[p] == 0x20 && p - at <= 2) { p += 1 }
        if let literal = ipLiteral(from: p, in: u) { return literal }
        while p < u.count {
            let c = u[p]
            if NormalisedText.isEmphasis(c), p + 1 < u.count, isLabel(u[p + 1]) || u[p + 1] == 0x2E || NormalisedText.isEmphasis(u[p + 1]) {
                p += 1
                continue
            }
            if isLabel(c) {
                current.append(c)
            } else if c == 0x2E, !current.isEmpty, p + 1 < u.count, isLabel(u[p + 1]) {
                labels.append(current)
                current = []
            } else {
                break
            }
            p += 1
        }
        guard !current.isEmpty, !labels.isEmpty, let tld = topLevel(current, after: labels.last!) else { return nil }
        if tld.isEmpty { current = labels.removeLast() } else { current = tld }
        guard !labels.isEmpty else { return nil }
        let all = (labels + [current]).map { label in String(String.UnicodeScalarView(label.compactMap { Unicode.Scalar(lowercased($0)) })) }
        return all.joined(separator: ".")
    }

    /// The top-level domain at the start of the last label: its ASCII letters, or a Chinese domain; empty when the
    /// label is Chinese text after a complete ASCII domain (`a@example.org.下次`); nil when it is no domain.
    static func topLevel(_ label: [UInt32], after previous: [UInt32]) -> [UInt32]? {
        if label.starts(with: Array("xn--".unicodeScalars.map(\.value))) { return label }
        if label[0] < 0x80 {
            let letters = label.prefix { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
            if letters.count < 2 { return nil }
            if letters.count < label.count, label[letters.count] < 0x80 { return nil }
            return Array(letters)
        }
        let run = Array(label.prefix { $0 >= 0x80 })
        for length in stride(from: min(4, run.count), through: 2, by: -1) {
            let prefix = String(String.UnicodeScalarView(run.prefix(length).compactMap(Unicode.Scalar.init)))
            if chineseTopLevelDomains.contains(prefix) { return Array(run.prefix(length)) }
        }
        let previousIsTopLevel = previous.count >= 2 && previous.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
        return previousIsTopLevel ? [] : (run.count >= 2 ? run : nil)
    }

    /// The numbers an address's name holds (no address inside it).
    static func numberMatches(in name: String) -> [Found] {
        guard name.unicodeScalars.contains(where: { $0.value >= 0x30 && $0.value <= 0x39 }) else { return [] }
        var name = name
        return name.withUTF8 { bytes in numberMatches(NormalisedText(bytes), blocked: nil) }
    }

    /// An IP address as a domain, `10.0.0.1` or `[10.0.0.1]`.
    static func ipLiteral(from p: Int, in u: [UInt32]) -> String? {
        var i = p
        let bracket = i < u.count && u[i] == 0x5B
        if bracket { i += 1 }
        var text: [UInt32] = []
        var (dots, digits) = (0, 0)
        while i < u.count, NormalisedText.isDigit(u[i]) || u[i] == 0x2E, text.count < 15 {
            if u[i] == 0x2E {
                guard digits > 0, i + 1 < u.count, NormalisedText.isDigit(u[i + 1]) else { break }
                dots += 1
                digits = 0
            } else {
                digits += 1
                guard digits <= 3 else { return nil }
            }
            text.append(u[i])
            i += 1
        }
        guard dots == 3, digits > 0, !bracket || (i < u.count && u[i] == 0x5D) else { return nil }
        if !bracket, i < u.count, NormalisedText.isASCIIAlnum(u[i]) { return nil }
        let address = String(String.UnicodeScalarView(text.compactMap(Unicode.Scalar.init)))
        return bracket ? "[\(address)]" : address
    }

    /// Chinese characters, as a name before an `@`.
    static func isChineseName(_ c: UInt32) -> Bool { (0x4E00...0x9FFF).contains(c) || (0x3400...0x4DBF).contains(c) }

    static func isLocal(_ c: UInt32) -> Bool {
        NormalisedText.isASCIIAlnum(c) || c == 0x2E || c == 0x5F || c == 0x25 || c == 0x2B || c == 0x2D
    }

    /// ASCII letters, digits and `-`, and letters of other scripts (Chinese domain labels).
    static func isLabel(_ c: UInt32) -> Bool {
        if c < 0x80 { return NormalisedText.isASCIIAlnum(c) || c == 0x2D }
        if (0x4E00...0x9FFF).contains(c) || (0x3400...0x4DBF).contains(c) { return true }
        return Unicode.Scalar(c)?.properties.isAlphabetic ?? false
    }

    static func lowercased(_ c: UInt32) -> UInt32 { c >= 0x41 && c <= 0x5A ? c + 0x20 : c }
}
