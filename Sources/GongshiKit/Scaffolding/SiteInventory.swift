import Foundation

/// What `new` needs to know about an existing site: whether it is one, its categories, and the ids in use.
struct SiteInventory {
    /// Whether `site.yaml` exists.
    var hasSiteConfig = false
    /// Built-in categories, then the site's own when `site.yaml` can be read.
    var categories = BuiltinCategory.all
    /// Built-in topics, then the site's own.
    var topics = BuiltinTopic.all
    /// Per kind, each id in use and the first file that uses it.
    var ids: [ContentKind: [String: String]] = [:]

    /// Branch ids, sorted.
    var branchIDs: [String] { (ids[.branches] ?? [:]).keys.sorted() }

    /// Reads what it can; files with broken front matter are skipped (`check` reports them).
    static func read(_ sourceDirectory: URL) -> SiteInventory {
        let scanner = ContentScanner(sourceDirectory: sourceDirectory)
        var inventory = SiteInventory()
        if case .success(let text) = scanner.readSiteConfig() {
            inventory.hasSiteConfig = true
            if let config = ContentLoader.loadSiteConfig(text).0 {
                inventory.categories = config.allCategories
                inventory.topics = config.allTopics
            }
        }
        for file in scanner.scan().files {
            guard case .success(let document) = FrontMatterSplitter.split(file.text, path: file.path),
                let root = try? ContentLoader.composeYAML(document.yaml), let id = root.mapping?["id"]?.string
            else { continue }
            if inventory.ids[file.kind]?[id] == nil { inventory.ids[file.kind, default: [:]][id] = file.path }
        }
        return inventory
    }
}
