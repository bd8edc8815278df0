/// Refuses to publish a site that lost most of its records overnight (a content folder that failed to mount,
/// a bad sync): the residents keep the old site until someone confirms with `--allow-shrink`.
enum ShrinkGuard {
    /// Below this share of the published organisations, a build is refused.
    static let minimumBranchShare = 0.5

    /// Organisations and disclosures of a published site, counted from its manifest.
    static func counts(_ manifest: Manifest) -> (branches: Int, disclosures: Int) {
        var branches = 0
        var disclosures = 0
        for path in manifest.entries.keys {
            let parts = path.split(separator: "/")
            guard parts.count == 3, parts[2] == "index.html" else { continue }
            if parts[0] == "branches" { branches += 1 }
            if parts[0] == "disclosures", parts[1] != "category" { disclosures += 1 }
        }
        return (branches, disclosures)
    }

    /// A Chinese explanation when `model` would publish far fewer records than `published`, else nil.
    static func problem(published: Manifest, model: SiteModel) -> String? {
        let before = counts(published)
        let branches = model.branches.count
        let disclosures = model.disclosures.count
        if before.branches > 0, Double(branches) < Double(before.branches) * minimumBranchShare {
            return "本次只有 \(branches) 个组织，而已发布的网站有 \(before.branches) 个（不到一半）。为防止内容目录未挂载或同步出错时清空网站，"
                + "本次未发布；如确实要删减，请加 --allow-shrink 重新生成"
        }
        if before.disclosures > 0, disclosures == 0 {
            return "本次没有可发布的党务公开事项，而已发布的网站有 \(before.disclosures) 项。为防止误清空网站，本次未发布；"
                + "如确实如此，请加 --allow-shrink 重新生成"
        }
        return nil
    }
}
