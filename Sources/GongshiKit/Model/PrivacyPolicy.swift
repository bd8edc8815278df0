/// What happens to a mobile number or an e-mail address found in published text.
public enum PrivacyHandling: String, Vocabulary {
    /// Shown as `138****5678` / `z***@example.org`, with a warning (the default).
    case mask
    /// Published as written, silently.
    case allow
    /// Refuses the build.
    case error
}

/// `privacy:` in site.yaml (the whole site) or in a content file's front matter (that file only): how the personal
/// data `PrivacyLint` finds is handled. ID-card and bank-card numbers are always errors: their keys accept only
/// `error`, and only `allow` can let one exact bank number (an organisation's public account) through.
public struct PrivacyPolicy: Sendable, Codable, Equatable {
    public var mobile: PrivacyHandling?
    public var email: PrivacyHandling?
    /// The schema accepts only `error` here; written to make the rule visible.
    public var idCard: PrivacyHandling?
    /// The schema accepts only `error` here.
    public var bankCard: PrivacyHandling?
    /// Exact numbers or addresses that may be published as written (not ID-card numbers).
    public var allow: [String]?
    /// E-mail addresses that may be published; `@example.gov.cn` allows a whole domain.
    public var emails: [String]?
    /// 小数保护 threshold, site.yaml only.
    public var smallCellThreshold: Int?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case mobile, email, idCard = "id_card", bankCard = "bank_card", allow, emails
        case smallCellThreshold = "small_cell_threshold"
    }

    public init(mobile: PrivacyHandling? = nil, email: PrivacyHandling? = nil, allow: [String]? = nil, emails: [String]? = nil) {
        self.mobile = mobile
        self.email = email
        self.allow = allow
        self.emails = emails
    }

    /// A file's own settings over the site's; the allow-lists add up.
    public func overridden(by file: PrivacyPolicy?) -> PrivacyPolicy {
        guard let file else { return self }
        var merged = self
        merged.mobile = file.mobile ?? mobile
        merged.email = file.email ?? email
        merged.allow = (allow ?? []) + (file.allow ?? [])
        merged.emails = (emails ?? []) + (file.emails ?? [])
        return merged
    }

    public var mobileHandling: PrivacyHandling { mobile ?? .mask }
    public var emailHandling: PrivacyHandling { email ?? .mask }

    /// The small-number rule of the site (threshold 5 unless `small_cell_threshold` says otherwise).
    public var smallCells: SmallCellRule { SmallCellRule(threshold: smallCellThreshold ?? 5) }
}

/// 小数保护: a count below the branch level (such as the votes on one person's promise letter) from 1 up to
/// `threshold − 1` could identify people, so it is shown as 「<threshold」 and left out of derived percentages.
public struct SmallCellRule: Sendable, Equatable {
    /// 0 turns the rule off.
    public let threshold: Int

    public init(threshold: Int) { self.threshold = threshold }

    /// The one place that decides whether a count is hidden.
    public func suppresses(_ count: Int) -> Bool { count >= 1 && count < threshold }

    /// 「<5」 for a hidden count, the count otherwise.
    public func display(_ count: Int) -> String { suppresses(count) ? "<\(threshold)" : "\(count)" }

    /// Whether a letter's review shows any count as hidden: then its total and shares are not shown, and it is left
    /// out of every pooled figure, since the pooled votes less the other letters' shown votes would give it away.
    public func hidesCounts(of review: Review) -> Bool { Vote.allCases.contains { suppresses(review.count($0)) } }
}
