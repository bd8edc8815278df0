/// Refuses to publish a site that lost most of its records overnight (a content folder that failed to mount,
/// a bad sync, a deleted folder): the residents keep the old site until someone confirms with `--allow-shrink`.
enum ShrinkGuard {
    /// A kind of record the guard counts: its key in `manifest.json`'s `counts`, its Chinese name and measure word.
    struct Kind: Sendable {
        let key, name, unit: String
        /// The folder of its pages, for manifests written before the counts were recorded.
        let folder: String
    }

    static let kinds = [
        Kind(key: "branches", name: "组织", unit: "个", folder: "branches"),
        Kind(key: "promises", name: "承诺书", unit: "封", folder: "promises"),
        Kind(key: "disclosures", name: "党务公开事项", unit: "项", folder: "disclosures"),
        Kind(key: "examples", name: "典型事例", unit: "个", folder: "examples"),
        Kind(key: "pages", name: "其他页面", unit: "个", folder: "pages"),
    ]

    /// The records of each kind that `model` publishes (withheld disclosures are not counted).
    static func counts(_ model: SiteModel) -> [String: Int] {
        [
            "branches": model.branches.count, "promises": model.promises.count, "disclosures": model.disclosures.count,
            "examples": model.examples.count, "pages": model.pages.count,
        ]
    }

    /// The records of each kind of a published site: as its manifest recorded them, or, for an older manifest,
    /// counted from its pages (`pageCounts`).
    static func counts(_ manifest: Manifest) -> [String: Int] {
        manifest.counts.isEmpty ? pageCounts(manifest.entries.keys) : manifest.counts
    }

    /// The records of each kind among site paths: `<folder>/<id>/index.html` (the folders `promises/by-branch/` and
    /// `disclosures/category/` are lists, not records).
    static func pageCounts(_ paths: some Sequence<String>) -> [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: kinds.map { ($0.key, 0) })
        let folders = Dictionary(uniqueKeysWithValues: kinds.map { ($0.folder, $0.key) })
        for path in paths {
            let parts = path.split(separator: "/")
            guard parts.count == 3, parts[2] == "index.html", let key = folders[String(parts[0])] else { continue }
            if key == "disclosures", parts[1] == "category" { continue }
            if key == "promises", parts[1] == "by-branch" { continue }
            counts[key, default: 0] += 1
        }
        return counts
    }

    /// The records of each kind that the output holds: the larger of what its manifest says and what its pages on
    /// disk show, so a missing manifest, or one that does not match the site (`{"files":{}}`, counts of zero), never
    /// hides a kind that is there.
    static func liveCounts(_ published: PublishedSite) -> [String: Int] {
        let onDisk = pageCounts(published.recordPagePaths(in: kinds.map(\.folder)))
        guard let manifest = published.manifest else { return onDisk }
        return counts(manifest).merging(onDisk, uniquingKeysWith: max)
    }

    /// The HTML pages a plan makes (its search index files are known only when it runs, and are not pages).
    static func pages(of plan: RenderPlan) -> Int {
        plan.rendered.count { $0.path.hasSuffix(".html") } + plan.reused.count { $0.hasSuffix(".html") }
            + plan.jobs.count { $0.path.hasSuffix(".html") }
    }

    /// A kind shrinks too much when it had records and now has none, or fewer than half of them.
    static func shrinksTooMuch(from before: Int, to after: Int) -> Bool {
        before > 0 && (after == 0 || after * 2 < before)
    }

    /// One Chinese explanation per kind that `model` would publish far fewer of than the output holds (by its
    /// manifest and by its pages on disk, `liveCounts`). `plannedPages` is the number of HTML pages the new site will
    /// have, compared with the output's when it has no readable manifest (see `unknownProblem`); nil skips that
    /// comparison (the plan is not made when other errors stop the build).
    static func problems(published: PublishedSite, model: SiteModel, plannedPages: Int?) -> [String] {
        let now = counts(model)
        let before = liveCounts(published)
        var problems: [String] = kinds.compactMap { kind in
            let (old, new) = (before[kind.key] ?? 0, now[kind.key] ?? 0)
            guard shrinksTooMuch(from: old, to: new) else { return nil }
            let was = "已发布的网站有 \(old) \(kind.unit)"
            let what =
                new == 0
                ? "本次没有可发布的\(kind.name)，而\(was)"
                : "本次只有 \(new) \(kind.unit)\(kind.name)，而\(was)（不到一半）"
            return what + "。为防止内容目录未挂载、同步出错或误删时清空网站，本次未发布；如确实要删减，请加 --allow-shrink 重新生成"
        }
        if published.manifest == nil, let plannedPages,
            let unknown = unknownProblem(livePages: published.htmlFileCount(), records: now.values.reduce(0, +), plannedPages: plannedPages)
        {
            problems.append(unknown)
        }
        return problems
    }

    /// When the output holds a site but no readable `manifest.json`, what it held is unknown: the build is refused
    /// when the new site has no records at all, or fewer than half as many HTML pages as the output holds now.
    static func unknownProblem(livePages: Int, records: Int, plannedPages: Int) -> String? {
        guard livePages > 0, records == 0 || plannedPages * 2 < livePages else { return nil }
        let what =
            records == 0
            ? "本次没有任何可发布的内容" : "本次只有 \(plannedPages) 个页面"
        return "\(what)，而输出目录中的网站有 \(livePages) 个页面，且它的 manifest.json 缺失或无法读取，无法逐类比较。"
            + "为防止内容目录未挂载或同步出错时清空网站，本次未发布；如确实如此，请加 --allow-shrink 重新生成"
    }
}
