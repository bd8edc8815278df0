/// Links and images in published bodies that point inside the site at a page or file it will not have (a photo left
/// in the source folder, a misspelt or unpublished page): content errors at `check`, on the line of the link, instead
/// of a failed publish. Targets resolve exactly as the publisher's final link check (`LinkVerifier`) resolves them,
/// which stays as the safety net.
enum BodyLinkChecker {
    /// Folders whose files are generated (styles, search index, open data, feeds, statistics): a link into them is
    /// left to `LinkVerifier`.
    static let generatedFolders = ["assets/", "search/", "data/", "feeds/", "stats/"]

    /// The errors of every published record's body links; `links` are by source file.
    static func diagnostics(_ model: SiteModel, links: [String: [BodyLink]]) -> [Diagnostic] {
        guard !links.isEmpty else { return [] }
        let site = sitePaths(model)
        var records: [(SourceRef, Route, Bool)] = model.branches.map { ($0.source, .branch($0.id), false) }
        records += model.promises.map { ($0.source, .promise($0.id), false) }
        records += model.disclosures.map { ($0.source, .disclosure($0.id), true) }
        records += model.examples.map { ($0.source, .example($0.id), true) }
        records += model.pages.map { ($0.source, .page($0.id), false) }
        var diagnostics: [Diagnostic] = []
        for (source, route, hasAttachments) in records {
            for link in links[source.path] ?? [] {
                guard let target = missingTarget(link.url, from: route, site: site, baseURL: model.config.baseURL) else { continue }
                diagnostics.append(
                    Diagnostic(.error, source.path, line: link.line, message(link, target: target, hasAttachments: hasAttachments)))
            }
        }
        return diagnostics
    }

    /// The site path `url` points at from `route`'s page when the site will not have it; nil when it exists, is
    /// outside the site or is left to `LinkVerifier`.
    static func missingTarget(_ url: String, from route: Route, site: SitePaths, baseURL: String) -> String? {
        guard let target = LinkVerifier.resolve(url, from: route.outputPath, baseURL: baseURL) else { return nil }
        if site.generated.contains(where: target.hasPrefix) { return nil }
        let files = site.files
        let exists =
            target.isEmpty || target.hasSuffix("/")
            ? files.contains(target + "index.html") : files.contains(target) || files.contains(target + "/index.html")
        return exists ? nil : target
    }

    static func message(_ link: BodyLink, target: String, hasAttachments: Bool) -> String {
        let what = link.isImage ? "图片" : "链接"
        var text = "正文中的\(what)「\(link.url)」指向网站上不存在的\(link.isImage ? "文件" : "页面或文件")（\(target)），生成的网站会有坏链接："
        if link.url.hasPrefix("/") {
            text += "站内链接请写相对于本页的网址（如 ../../pages/<id>/），不要以 / 开头"
        } else if (link.url as String).split(separator: "/").last?.contains(".") == true {
            text += "正文不能直接引用源目录中的文件，"
            text +=
                hasAttachments
                ? "请把它列在 attachments 中，在正文中写 attachments/1.\(extensionHint(link.url))（第 1 个附件），依此类推"
                : "只有党务公开事项和典型事例可以带附件；请删除这个\(what)或改为站外地址"
        } else {
            text += "请检查 id 是否写对、那一页是否会发布；站内链接要写相对于本页的网址，如 ../../disclosures/<id>/"
        }
        return text
    }

    static func extensionHint(_ url: String) -> String {
        let name = url.split(separator: "/").last.map(String.init) ?? ""
        guard let dot = name.lastIndex(of: ".") else { return "pdf" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// The site's files that are known before rendering, and the folders of generated files.
    struct SitePaths {
        var files: Set<String>
        var generated: [String]
    }

    /// Every page and file of the site that can be known before rendering; generated folders (with the statistics
    /// folder of every organisation that has one) are not listed.
    static func sitePaths(_ model: SiteModel) -> SitePaths {
        var generated = generatedFolders
        var routes: [Route] = [
            .home, .notFound, .sitemap, .robots, .search, .branchIndex, .promiseBoard, .disclosureIndex, .exampleIndex,
        ]
        for branch in model.branches {
            routes += [.branch(branch.id), .poster(branch.id), .branchFeed(branch.id)]
            if !(model.tree.children[branch.id] ?? []).isEmpty { generated.append(Route.branchStats(branch.id).url) }
        }
        routes += Set(model.promises.map(\.branch)).map { Route.promisesOfBranch($0) }
        routes += model.promises.map { .promise($0.id) }
        routes += model.config.allCategories.map { .disclosureCategory(CategorySlug.slug(for: $0, config: model.config)) }
        for item in model.disclosures {
            routes.append(.disclosure(item.id))
            routes += item.attachmentFiles.map { .attachment(.disclosure(item.id), $0.outputName) }
        }
        for example in model.examples {
            routes.append(.example(example.id))
            routes += example.attachmentFiles.map { .attachment(.example(example.id), $0.outputName) }
        }
        routes += model.pages.map { .page($0.id) }
        return SitePaths(files: Set(routes.map(\.outputPath)).union([Manifest.fileName]), generated: generated)
    }
}
