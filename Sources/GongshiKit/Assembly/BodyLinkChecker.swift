/// Links and images in published bodies that point inside the site at a page or file it will not have (a photo left
/// in the source folder, a misspelt or unpublished page, a misspelt open-data or statistics file): content errors at
/// `check`, on the line of the link, instead of a failed publish. Targets resolve exactly as the publisher's final link
/// check (`LinkVerifier`) resolves them (percent-decoded), which stays as the safety net.
enum BodyLinkChecker {
    /// The errors of every published record's body links; `links` are by source file. `planned` names every file a
    /// build would make (the renderer's own list: open data, statistics files, feeds, the search index, assets); it is
    /// called at most once, only when a link points at a file that is not a record's page or attachment. Without it
    /// (the templates could not be read, an error of its own) such links are not judged.
    /// `photos` are the body images the image stage handled (photos in the source dir), by file path: they are the
    /// stage's to judge, and the renderer replaces them with their published versions.
    static func diagnostics(
        _ model: SiteModel, links: [String: [BodyLink]], photos: [String: Set<String>] = [:], planned: (() -> Set<String>)? = nil
    ) -> [Diagnostic] {
        guard !links.isEmpty else { return [] }
        let site = sitePaths(model)
        var records: [(SourceRef, Route, Bool)] = model.branches.map { ($0.source, .branch($0.id), false) }
        records += model.promises.map { ($0.source, .promise($0.id), false) }
        records += model.disclosures.map { ($0.source, .disclosure($0.id), true) }
        records += model.examples.map { ($0.source, .example($0.id), true) }
        records += model.pages.map { ($0.source, .page($0.id), false) }
        var generated: GeneratedFiles?
        var diagnostics: [Diagnostic] = []
        for (source, route, hasAttachments) in records {
            let handled = photos[source.path] ?? []
            for link in links[source.path] ?? [] where !(link.isImage && handled.contains(link.url)) {
                if link.url.contains("\\") {
                    diagnostics.append(Diagnostic(.error, source.path, line: link.line, backslashMessage(link)))
                    continue
                }
                guard let target = LinkVerifier.resolve(link.url, from: route.outputPath, baseURL: model.config.baseURL),
                    !exists(target, in: site.files), let planned
                else { continue }
                if generated == nil { generated = GeneratedFiles(all: planned(), known: site.files) }
                guard !exists(target, in: generated!.all) else { continue }
                let text =
                    generated!.folder(holding: target).map { generatedMessage(link, target: target, folder: $0, files: generated!) }
                    ?? message(link, target: target, hasAttachments: hasAttachments, in: source.path)
                diagnostics.append(Diagnostic(.error, source.path, line: link.line, text))
            }
        }
        return diagnostics
    }

    static func exists(_ target: String, in files: Set<String>) -> Bool { LinkVerifier.exists(target, in: files) }

    /// The files a build makes, and which folders hold files that are not records' pages or attachments.
    struct GeneratedFiles {
        let all: Set<String>
        /// Folder (ending in `/`) → the generated files directly in it.
        let folders: [String: Set<String>]

        init(all: Set<String>, known: Set<String>) {
            self.all = all
            var folders: [String: Set<String>] = [:]
            for path in all.subtracting(known) {
                let slash = path.lastIndex(of: "/")
                let folder = slash.map { String(path[...$0]) } ?? ""
                folders[folder, default: []].insert(String(slash.map { path[path.index(after: $0)...] } ?? path[...]))
            }
            // The top folder holds the records' folders too: its generated files (robots.txt, sitemap.xml) would say
            // nothing useful about a mistyped record link.
            folders[""] = nil
            self.folders = folders
        }

        /// The nearest folder above `target` that holds generated files (`data/`, `branches/<id>/stats/` …).
        func folder(holding target: String) -> String? {
            var parts = target.split(separator: "/").map(String.init)
            if !target.hasSuffix("/") { parts.removeLast() }
            while !parts.isEmpty {
                let folder = parts.joined(separator: "/") + "/"
                if folders[folder] != nil { return folder }
                parts.removeLast()
            }
            return nil
        }
    }

    /// A link into a folder of generated files that names none of them.
    static func generatedMessage(_ link: BodyLink, target: String, folder: String, files: GeneratedFiles) -> String {
        let names = (files.folders[folder] ?? []).sorted()
        let sample = names.prefix(8).joined(separator: "、") + (names.count > 8 ? " 等 \(names.count) 项" : "")
        return "正文中的\(link.isImage ? "图片" : "链接")「\(link.url)」指向网站上不存在的文件（\(target)）：\(folder) 是 gongshi 生成的目录，"
            + "其中没有这个文件，生成的网站会有坏链接。那里有：\(sample)。请检查文件名；站内链接要写相对于本页的网址"
    }

    /// A link written with `\` instead of `/`. Markdown also drops a `\` before punctuation (`..\` becomes `.`), so
    /// what remains is not worth suggesting.
    static func backslashMessage(_ link: BodyLink) -> String {
        "正文中的\(link.isImage ? "图片" : "链接")「\(link.url)」用了反斜杠 \\：网址中的分隔符必须用 /（Windows 的文件路径写法在网页上无效，"
            + "而且在 Markdown 中 \\ 会吞掉紧跟的标点，如 ..\\ 会变成 .）。请改为相对于本页的网址，如 ../../pages/<id>/"
    }

    static func message(_ link: BodyLink, target: String, hasAttachments: Bool, in contentPath: String) -> String {
        let what = link.isImage ? "图片" : "链接"
        if link.isImage, !link.url.hasPrefix("/"), (link.url as String).split(separator: "/").last?.contains(".") == true {
            // A photo in the source dir would have been the image stage's; this one names nothing there either.
            return "正文中的图片「\(link.url)」指向的文件不存在：源目录中没有这个文件（相对于 \(contentPath) 所在目录），网站上也没有（\(target)），"
                + "生成的网站会有坏链接。请检查文件名；照片要放在源目录之内，写相对于内容文件所在目录的路径，如 ![照片里是什么](照片/活动现场.jpg)"
        }
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
        let ext = name[name.index(after: dot)...].lowercased()
        return !ext.isEmpty && ext.count <= 5 && ext.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) ? ext : "pdf"
    }

    /// The site's records' pages and attachments, known before rendering: the fast path of the check.
    struct SitePaths {
        var files: Set<String>
    }

    /// The pages and files of records, lists and fixed pages; generated files (open data, statistics files, the
    /// search index, assets) are not listed here but asked of the renderer (`planned`).
    static func sitePaths(_ model: SiteModel) -> SitePaths {
        var routes: [Route] = [
            .home, .notFound, .sitemap, .robots, .search, .branchIndex, .promiseBoard, .disclosureIndex, .exampleIndex,
        ]
        for branch in model.branches {
            routes += [.branch(branch.id), .poster(branch.id), .branchFeed(branch.id)]
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
        return SitePaths(files: Set(routes.map(\.outputPath)).union([Manifest.fileName]))
    }
}
