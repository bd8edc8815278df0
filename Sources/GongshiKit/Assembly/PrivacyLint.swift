/// 隐私检查: judges the personal data `PersonalDataScanner` finds in published text by a `PrivacyPolicy`, masks what
/// may not be shown and words the diagnostics.
///
/// ID-card and bank-card numbers are errors; mobile numbers and e-mail addresses outside the allow-list are masked
/// with a warning unless the policy says `allow` or `error`. The loader masks every text value and body with it
/// (`PrivacyScreen`), so no page, feed, poster or search file ever sees the raw text; the assembler reports the
/// findings only for records that are published.
public enum PrivacyLint {
    /// Where a text is shown. Only free text can be masked: an id goes into URLs, the sitemap and `manifest.json`, a
    /// file name is a path and a number is a number, so personal data there is an error whatever the policy says
    /// (only an exact number listed in `allow` passes).
    enum Place: Sendable, Equatable {
        case text
        /// Why the value cannot be masked, in Chinese (`id 会出现在网址、站点地图和 manifest.json 中`).
        case verbatim(String)
    }

    /// One piece of personal data and what the policy makes of it.
    struct Finding: Sendable, Equatable {
        let match: PersonalDataScanner.Match
        /// nil when the policy lets it through as written.
        let severity: Diagnostic.Severity?
        var place: Place = .text

        var masks: Bool { severity != nil }

        /// What residents see instead: `138****5678`, `5201**********1234`, `z***@example.org`.
        var masked: String { PrivacyLint.masked(match) }

        /// `字段 feedback 中有「手机号 138****5678」，…`: never the raw value.
        func message(in place: String) -> String {
            let found = "\(place)有「\(PrivacyLint.label(match.kind)) \(masked)」"
            if case .verbatim(let reason) = self.place, match.kind != .idCard, match.kind != .bankCard, severity != nil {
                return "\(found)：\(reason)，不能打码，请删除这个\(PrivacyLint.label(match.kind))或改写（只有在 privacy 的 allow 中列出的号码可以保留）"
            }
            let cannotMask = { if case .verbatim(let reason) = self.place { return "（\(reason)，不能打码）" } else { return "" } }()
            switch (match.kind, severity) {
            case (.idCard, _) where match.wrongCheckCharacter:
                return "\(found)：看起来是校验位写错的身份证号（地区码和出生日期都是真的），同样不能在网站上公开，请删除\(cannotMask)（privacy 设置也不能允许）"
            case (.idCard, _):
                return "\(found)：身份证号不能在网站上公开，请删除\(cannotMask)（privacy 设置也不能允许）"
            case (.bankCard, _):
                return "\(found)：银行卡号不能在网站上公开，请删除\(cannotMask)；确属可以公开的单位账号时，在 privacy 的 allow 中列出这个号码"
            case (.mobile, .error?):
                return "\(found)：privacy 设置为 mobile: error，不允许公开手机号，请删除"
            case (.mobile, _):
                return "\(found)，网站上已打码显示；可以公开的办公手机请在 privacy 的 allow 中列出，或设置 privacy: {mobile: allow}"
            case (.email, .error?):
                return "\(found)：不在 site.yaml 的 privacy.emails 允许列表中，privacy 设置为 email: error，请删除或加入允许列表"
            case (.email, _):
                return "\(found)，不在 site.yaml 的 privacy.emails 允许列表中，网站上已打码显示；可以公开的邮箱请加入该列表"
            }
        }
    }

    /// The text with everything the policy does not let through masked, and everything found. `star` is what masks
    /// are written with (the body's Markdown gets a placeholder that cannot become emphasis, see `PrivacyScreen`).
    static func screen(_ text: String, policy: PrivacyPolicy, place: Place = .text, star: String = "*") -> (text: String, findings: [Finding]) {
        let matches = PersonalDataScanner.matches(in: text)
        guard !matches.isEmpty else { return (text, []) }
        let lists = AllowLists(policy)
        let findings = matches.map { match in
            Finding(match: match, severity: severity(of: match, policy: policy, place: place, lists: lists), place: place)
        }
        guard place == .text, findings.contains(where: \.masks) else { return (text, findings) }
        var out: [UInt8] = []
        var source = text
        source.withUTF8 { bytes in
            out.reserveCapacity(bytes.count)
            var position = 0
            // A number inside a tag's attribute may overlap one read across the tag: the first one masks.
            for finding in findings where finding.masks && finding.match.range.lowerBound >= position {
                out += bytes[position..<finding.match.range.lowerBound]
                out += replacement(finding.match, star: star).utf8
                position = finding.match.range.upperBound
            }
            out += bytes[position...]
        }
        return (String(decoding: out, as: UTF8.self), findings)
    }

    /// nil (publish as written), a warning (mask) or an error (refuse the build).
    static func severity(
        of match: PersonalDataScanner.Match, policy: PrivacyPolicy, place: Place = .text, lists: AllowLists? = nil
    ) -> Diagnostic.Severity? {
        if isAllowed(match, lists: lists ?? AllowLists(policy)) { return nil }
        if place != .text { return .error }
        let handling: PrivacyHandling
        switch match.kind {
        case .idCard, .bankCard: return .error
        case .mobile: handling = policy.mobileHandling
        case .email: handling = policy.emailHandling
        }
        switch handling {
        case .mask: return .warning
        case .allow: return nil
        case .error: return .error
        }
    }

    /// Listed in `allow` (any number but an ID's) or, for an e-mail address, in `emails` (`@domain` allows a domain).
    static func isAllowed(_ match: PersonalDataScanner.Match, lists: AllowLists) -> Bool {
        switch match.kind {
        case .idCard:
            return false
        case .bankCard, .mobile:
            return lists.numbers.contains(match.value)
        case .email:
            return lists.addresses.contains { entry in
                entry.hasPrefix("@") ? match.value.hasSuffix(entry) : entry == match.value
            }
        }
    }

    /// A policy's `allow` and `emails`, normalised once per text.
    struct AllowLists {
        let numbers: [String]
        let addresses: [String]

        init(_ policy: PrivacyPolicy) {
            numbers = (policy.allow ?? []).map(PrivacyLint.normalized)
            addresses = numbers + (policy.emails ?? []).map(PrivacyLint.normalized)
        }
    }

    /// `138 1234 5678` and `+86 13812345678` → `13812345678`; an e-mail address lower-cased.
    static func normalized(_ entry: String) -> String {
        var entry = entry
        let units = entry.withUTF8 { NormalisedText($0).units }
        if units.contains(0x40) {
            return String(String.UnicodeScalarView(units.compactMap { Unicode.Scalar(PersonalDataScanner.lowercased($0)) }))
        }
        let digits = String(decoding: units.filter(NormalisedText.isDigit).map { UInt8($0) }, as: UTF8.self)
        return digits.count == 13 && digits.hasPrefix("86") ? String(digits.dropFirst(2)) : digits
    }

    /// First three and last four digits of a mobile, first and last four of an ID or bank number, the first letter of
    /// an address.
    static func masked(_ match: PersonalDataScanner.Match, star: String = "*") -> String {
        let value = match.value
        switch match.kind {
        case .mobile:
            return "\(value.prefix(3))\(String(repeating: star, count: 4))\(value.suffix(4))"
        case .idCard, .bankCard:
            return "\(value.prefix(4))\(String(repeating: star, count: value.count - 8))\(value.suffix(4))"
        case .email:
            let parts = value.split(separator: "@", maxSplits: 1)
            return "\(parts[0].prefix(1))\(String(repeating: star, count: 3))@\(parts.count > 1 ? parts[1] : "")"
        }
    }

    /// What replaces the match in the text: the masked number, or the masked name before an address's `@`.
    static func replacement(_ match: PersonalDataScanner.Match, star: String) -> String {
        match.kind == .email ? "\(match.value.prefix(1))\(String(repeating: star, count: 3))" : masked(match, star: star)
    }

    static func label(_ kind: PersonalDataScanner.Kind) -> String {
        switch kind {
        case .idCard: return "身份证号"
        case .bankCard: return "银行卡号"
        case .mobile: return "手机号"
        case .email: return "电子邮箱"
        }
    }

    /// Diagnostics whose message quotes what was written (a value too large, a YAML line) with every personal number
    /// and address in it masked, so no message prints one whole.
    /// The path is masked too: a file named after an ID number (`content/pages/11010519491231002X.md`) is printed
    /// masked like the number inside a message.
    static func masking(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            let masked = maskedText(diagnostic.message)
            let path = maskedText(diagnostic.path)
            return masked == diagnostic.message && path == diagnostic.path
                ? diagnostic : Diagnostic(diagnostic.severity, path, line: diagnostic.line, masked, kind: diagnostic.kind)
        }
    }

    /// A message, path or id with every personal number and address in it masked, whatever the site's policy.
    static func maskedText(_ text: String) -> String { screen(text, policy: PrivacyPolicy()).text }

    /// The findings of every published record: branches, pages, and the letters, disclosures and examples whose paths
    /// are in `published`; withheld ones are never published, so they are not linted.
    static func report(
        _ content: LoadedContent, letters: [PromiseLetter], disclosures: [Disclosure], examples: [Example]
    ) -> [Diagnostic] {
        let paths =
            content.branches.map(\.source.path) + letters.map(\.source.path) + disclosures.map(\.source.path)
            + examples.map(\.source.path) + content.pages.map(\.source.path)
        return paths.flatMap { content.privacyFindings[$0] ?? [] }
    }
}
