import Foundation

@testable import GongshiKit

extension RandomSite {
    /// A site of `organisations` branches in a tree (one street 党工委, four communities, the rest branches below them),
    /// with promise letters, disclosures (some 党内公开 or not yet approved), examples, free pages and attachments.
    static func generate(organisations: Int, _ g: inout SeededGenerator) -> RandomSite {
        var site = RandomSite(asOf: SimpleDate(2026, 11, 21))
        site.templates = defaultTemplates
        site.site["title"] = .quoted("青溪街道党务公开网")
        site.site["base_url"] = .quoted("https://dangjian.example.org/qingxi/")
        site.site["organizer"] = .quoted("青溪街道党工委")
        site.site["categories"] = .list([.plain("乡村振兴")])
        site.site["privacy"] = .map([YAMLField(key: "small_cell_threshold", value: .plain("5"))])
        for _ in 0..<3 { site.records.append(site.makeRecord(.pages, &g)) }
        var root = site.makeRecord(.branches, &g)
        root.fields["type"] = .plain("党工委")
        root.fields["parent"] = nil
        site.records.append(root)
        var communities: [String] = []
        for n in 1..<organisations {
            let parent = n <= 4 ? root.id : g.pick(communities)
            let branch = site.makeRecord(.branches, &g, parent: parent)
            if n <= 4 { communities.append(branch.id) }
            site.records.append(branch)
        }
        for branch in site.ids(.branches) {
            for kind in [ContentKind.promises, .disclosures, .disclosures] + (g.chance(0.3) ? [.examples] : []) + (g.chance(0.5) ? [.promises] : []) {
                var record = site.makeRecord(kind, &g)
                record.fields["branch"] = .plain(branch)
                site.records.append(record)
                site.repair(site.records.count - 1)
            }
        }
        site.repairAll()
        return site
    }
}
