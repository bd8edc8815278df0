/// `site.yaml`: site-wide settings.
public struct SiteConfig: Sendable, Decodable {
    public let title: String
    public let baseURL: String
    public let language: String
    public let organizer: String?
    public let icp: String?
    public let contact: String?
    public let categories: [String]
    /// Statutory holidays (non-working days besides Saturdays and Sundays) for 公示期 compliance.
    public let holidays: Set<Day>
    /// How personal data in published text is handled, and the small-number threshold; see `PrivacyLint`.
    public let privacy: PrivacyPolicy
    /// Topics the site adds to `BuiltinTopic.all`.
    public let topics: [String]
    /// How strictly the 提出 → 审核 → 审批 duties are separated.
    public let procedure: ProcedureSettings
    /// Notice rules as `site.yaml` writes them, by topic; `rule(for:)` merges them over `NoticeRule.builtin`.
    public let noticeRules: [String: NoticeRule]
    /// An item 进行中 whose latest 践诺 entry is older than this many days is 久未更新.
    public let staleDays: Int
    /// A notice whose period ended this many days ago without an `outcome` is 结果待公开.
    public let outcomeDueDays: Int
    /// The site's logo: a path relative to the source dir (same rules as a photo). The image stage makes from it the
    /// favicon and the default `og:image`.
    public let logo: String?
    /// The processed logo (the default `og:image`) and favicon; nil without `logo`.
    public var logoFile: ImageFile? = nil
    public var favicon: ImageVariant? = nil

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, baseURL = "base_url", language, organizer, icp, contact, categories, privacy, holidays
        case topics, procedure, noticeRules = "notice_rules", staleDays = "stale_days", outcomeDueDays = "outcome_due_days"
        case logo
    }

    public static let defaultStaleDays = 90
    public static let defaultOutcomeDueDays = 15

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        let url = WebAddress.loweredScheme(try c.decode(String.self, forKey: .baseURL))
        baseURL = url.hasSuffix("/") ? url : url + "/"
        language = try c.decodeIfPresent(String.self, forKey: .language) ?? "zh-CN"
        organizer = try c.decodeIfPresent(String.self, forKey: .organizer)
        icp = try c.decodeIfPresent(String.self, forKey: .icp)
        contact = try c.decodeIfPresent(String.self, forKey: .contact)
        categories = try c.decodeIfPresent([String].self, forKey: .categories) ?? []
        holidays = Set(try c.decodeIfPresent([Day].self, forKey: .holidays) ?? [])
        privacy = try c.decodeIfPresent(PrivacyPolicy.self, forKey: .privacy) ?? PrivacyPolicy()
        topics = try c.decodeIfPresent([String].self, forKey: .topics) ?? []
        procedure = try c.decodeIfPresent(ProcedureSettings.self, forKey: .procedure) ?? ProcedureSettings()
        noticeRules = try c.decodeIfPresent([String: NoticeRule].self, forKey: .noticeRules) ?? [:]
        staleDays = try c.decodeIfPresent(Int.self, forKey: .staleDays) ?? Self.defaultStaleDays
        outcomeDueDays = try c.decodeIfPresent(Int.self, forKey: .outcomeDueDays) ?? Self.defaultOutcomeDueDays
        logo = try c.decodeIfPresent(String.self, forKey: .logo)
    }

    /// Built-in topics followed by the site's own.
    public var allTopics: [String] { BuiltinTopic.all + topics.filter { !BuiltinTopic.all.contains($0) } }

    /// The notice rule of `topic`: the site's settings field by field over the built-in rule; nil when neither has one.
    public func rule(for topic: String?) -> NoticeRule? {
        guard let topic else { return nil }
        switch (NoticeRule.builtin[topic], noticeRules[topic]) {
        case (nil, nil): return nil
        case (let builtin?, nil): return builtin
        case (nil, let own?): return own
        case (let builtin?, let own?): return own.over(builtin)
        }
    }

    /// Working days from `start` to `end`, both included: Monday to Friday, minus `holidays`. Zero when `end` is
    /// before `start`.
    public func workingDays(from start: Day, through end: Day) -> Int {
        guard end >= start else { return 0 }
        var count = 0
        for ordinal in start.ordinal...end.ordinal {
            let day = Day(ordinal: ordinal)
            if day.weekday <= 5, !holidays.contains(day) { count += 1 }
        }
        return count
    }

    /// Built-in categories followed by the site's own.
    public var allCategories: [String] { BuiltinCategory.all + categories.filter { !BuiltinCategory.all.contains($0) } }
}
