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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, baseURL = "base_url", language, organizer, icp, contact, categories, privacy, holidays
    }

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
    }

    /// Built-in categories followed by the site's own.
    public var allCategories: [String] { BuiltinCategory.all + categories.filter { !BuiltinCategory.all.contains($0) } }
}
