import Foundation

/// Everything from `site.yaml` that loading one content file reads: the categories and topics its rules accept and
/// the site's privacy policy. The per-file loader is handed only this, never the whole `SiteConfig`, so a parse result depends
/// on the file's text and these values alone, and the parse cache is keyed by exactly them.
public struct LoaderSettings: Sendable, Codable, Equatable {
    /// Built-in categories followed by the site's own (`SiteConfig.allCategories`).
    public var categories: [String]
    public var privacy: PrivacyPolicy
    /// Built-in topics followed by the site's own (`SiteConfig.allTopics`).
    public var topics: [String]

    public init(config: SiteConfig) {
        categories = config.allCategories
        privacy = config.privacy
        topics = config.allTopics
    }

    /// SHA-256 of the settings in a fixed encoding (sorted keys), for the parse cache's key.
    var digest: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return SHA256.hex((try? encoder.encode(self)) ?? Data())
    }
}
