import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension ImageStage {
    /// Every mention of a photo, in the order of the records.
    static func requests(_ content: LoadedContent, config: SiteConfig, siteText: String?, root: String) -> [Request] {
        var requests: [Request] = []
        func list(_ images: [ImageRef]?, source: SourceRef, prefix: String, target: Target) {
            for (index, image) in (images ?? []).enumerated() {
                let key = "\(prefix)images.\(index)"
                requests.append(
                    Request(
                        source: source, file: image.file, caption: image.caption, fileLine: source.line(key + ".file"),
                        captionLine: source.line(key + ".caption"), what: "照片", target: target))
            }
        }
        func body(_ source: SourceRef, _ kind: Body, _ index: Int) {
            for link in content.bodyLinks[source.path] ?? [] where link.isImage {
                guard let path = localPath(link.url, from: source.path, root: root) else { continue }
                requests.append(
                    Request(
                        source: source, file: path, caption: link.text, fileLine: link.line, captionLine: link.line,
                        what: "正文中的图片", target: .body(kind, index, src: MarkdownRenderer.imageSource(link.url), url: link.url)))
            }
        }
        for (index, record) in content.branches.enumerated() {
            list(record.images, source: record.source, prefix: "", target: .branch(index))
            body(record.source, .branch, index)
        }
        for (index, record) in content.promises.enumerated() {
            for (item, promise) in record.items.enumerated() {
                for (entry, progress) in (promise.progress ?? []).enumerated() {
                    list(
                        progress.images, source: record.source, prefix: "items.\(item).progress.\(entry).",
                        target: .promise(index, item: item, entry: entry))
                }
            }
            body(record.source, .promise, index)
        }
        for (index, record) in content.disclosures.enumerated() {
            list(record.images, source: record.source, prefix: "", target: .disclosure(index))
            body(record.source, .disclosure, index)
        }
        for (index, record) in content.examples.enumerated() {
            list(record.images, source: record.source, prefix: "", target: .example(index))
            body(record.source, .example, index)
        }
        for (index, record) in content.pages.enumerated() {
            body(record.source, .page, index)
        }
        if let logo = config.logo {
            let line = siteText.map(logoLine) ?? 1
            requests.append(
                Request(
                    source: SourceRef(path: "site.yaml"), file: logo, caption: config.title, fileLine: line, captionLine: line,
                    what: "站点标志（logo）", target: .logo))
        }
        return requests
    }

    /// The line of the top-level `logo:` key of `site.yaml`'s text.
    static func logoLine(_ text: String) -> Int {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("logo:") || line.hasPrefix("logo :") || line.hasPrefix("\"logo\":") || line.hasPrefix("'logo':") {
                return index + 1
            }
        }
        return 1
    }

    /// Whether a body image's destination names something in the source dir (relative to the content file's folder,
    /// percent-decoded, without query or fragment): then it is a photo for this stage, refused or processed, and not a
    /// link into the published site. Anything with a scheme, starting with `/`, or naming nothing there is a link.
    /// The path as the photo rules read it (relative to the content file's folder, as written but decoded), if local.
    static func localPath(_ url: String, from contentPath: String, root: String) -> String? {
        var link = url
        if let cut = link.firstIndex(where: { $0 == "#" || $0 == "?" }) { link = String(link[..<cut]) }
        guard !link.isEmpty, !link.hasPrefix("/"), !link.hasPrefix("~"), !link.contains(":"), !link.contains("\\") else { return nil }
        link = link.removingPercentEncoding ?? link
        var parts = contentPath.split(separator: "/").dropLast().map(String.init)
        for part in link.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(String(part))
            }
        }
        guard !parts.isEmpty else { return nil }
        var info = stat()
        guard lstat(root + "/" + parts.joined(separator: "/"), &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { return nil }
        return link
    }
}
