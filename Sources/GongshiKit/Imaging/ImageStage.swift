import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The photo stage, between loading and assembly: every `images` entry (examples, disclosures, branches, each 践诺
/// entry), every Markdown image of a body that points at a file in the source dir, and `site.yaml`'s `logo`, checked
/// (`PhotoLoader`), processed once per distinct source in parallel (`PhotoProcessor`) and cached (`PhotoCache`), then
/// set on the records as `imageFiles`, `bodyImages`, `logoFile` and `favicon`. Every refusal is an error at the line
/// of the entry's key (`images.0.file`, `items.1.progress.0.images.0.caption`, the body line, `logo`).
enum ImageStage {
    /// The favicon's side in pixels (a centre crop of the logo; smaller when the logo is).
    public static let faviconSize = 192

    /// Whether the stage may write the cache.
    enum Mode: Sendable {
        /// `gongshi check`: every photo is decoded and validated, nothing is written.
        case check
        /// A build (or the preview): versions are encoded into the cache. `start` is a time before any source was
        /// examined (`FileTime.now(in:)`): only sources settled before it are remembered by status.
        case build(start: FileTime?)
    }

    /// What the stage did, beside filling the records.
    struct Outcome: Sendable {
        var diagnostics: [Diagnostic] = []
        /// The body images it handled (processed or refused), by content file path: `BodyLinkChecker` leaves them alone.
        var bodyImageURLs: [String: Set<String>] = [:]
        /// Distinct sources, and files encoded this run (0 when every photo came from the cache).
        var sources = 0
        var encoded = 0
    }

    /// One mention of a photo.
    struct Request {
        /// The file that names it.
        var source: SourceRef
        var file: String
        var caption: String
        var fileLine: Int
        var captionLine: Int
        /// What names it, for messages: 「照片」 or 「正文中的图片」 or 「站点标志」.
        var what: String
        var target: Target

        var isLogo: Bool {
            if case .logo = target { return true }
            return false
        }
    }

    /// Where a processed photo goes.
    enum Target {
        case branch(Int), promise(Int, item: Int, entry: Int), disclosure(Int), example(Int)
        /// `src` as the body's HTML has it (the key of `bodyImages`), `url` as the Markdown wrote it.
        case body(Body, Int, src: String, url: String)
        case logo
    }

    enum Body { case branch, promise, disclosure, example, page }

    /// Checks and processes every photo of `content` and `config`, and fills the records.
    static func resolve(
        _ content: inout LoadedContent, config: inout SiteConfig, siteText: String?, sourceDirectory: URL, cacheDirectory: URL,
        clean: Bool, mode: Mode
    ) -> Outcome {
        let root = sourceDirectory.standardizedFileURL.path
        let requests = requests(content, config: config, siteText: siteText, root: root)
        var outcome = Outcome()
        for request in requests {
            if case .body(_, _, _, let url) = request.target {
                outcome.bodyImageURLs[request.source.path, default: []].insert(url)
            }
        }
        // A site without photos reads and writes nothing (unless its cache still holds photos to remove).
        guard !requests.isEmpty || PhotoCache.exists(in: cacheDirectory) else { return outcome }
        var cache = PhotoCache(cacheDirectory: cacheDirectory, clean: clean)
        var sources = SourceFileIdentities(root: root, paths: AttachmentLoader.sourcePaths(of: content))
        // Path rules, the caption and the file's status, in order; then one job per distinct file.
        var jobs: [String: PhotoProcessor.Job] = [:]
        var order: [String] = []
        var resolved: [(Request, String, Bool)] = []
        for request in requests {
            var good = true
            if !request.isLogo, let problem = PhotoLoader.captionProblem(request.caption, file: request.file) {
                outcome.diagnostics.append(Diagnostic(.error, request.source.path, line: request.captionLine, captionMessage(request, problem)))
                good = false
            }
            let refusal: AttachmentRefusal?
            switch PhotoLoader.check(request.file, from: request.source.path) {
            case .failure(let value): refusal = value
            case .success(let relative):
                switch PhotoLoader.status(relative, under: root, contentPath: request.source.path) {
                case .failure(let value): refusal = value
                case .success(let status):
                    if let original = sources.original(of: relative) {
                        let what = original == "site.yaml" ? "本站的配置文件 site.yaml " : "本站的一个内容文件"
                        refusal = AttachmentRefusal(message: "是\(what)的硬链接（同一个文件的另一个名字），不能作为照片发布；请放入真正的照片")
                    } else {
                        refusal = nil
                        // A photo with a bad caption is still checked, so that one run shows everything to fix.
                        if jobs[relative] == nil {
                            order.append(relative)
                            jobs[relative] = PhotoProcessor.Job(path: relative, contentPath: request.source.path, status: status, favicon: false)
                        }
                        if case .logo = request.target { jobs[relative]!.favicon = true }
                        resolved.append((request, relative, good))
                    }
                }
            }
            if let refusal {
                outcome.diagnostics.append(
                    Diagnostic(.error, request.source.path, line: request.fileLine, "\(request.what)「\(request.file)」\(refusal.message)"))
            }
        }
        let writes: Bool
        if case .build = mode { writes = true } else { writes = false }
        let processor = PhotoProcessor(cache: cache, root: root, writes: writes)
        let list = order.map { jobs[$0]! }
        let results = list.concurrentMap { processor.run($0) }
        var byPath: [String: PhotoProcessor.Processed] = [:]
        var refusedPaths: [String: String] = [:]
        for (job, result) in zip(list, results) {
            switch result {
            case .processed(let processed): byPath[job.path] = processed
            case .refused(let message): refusedPaths[job.path] = message
            }
        }
        outcome.sources = list.count
        outcome.encoded = byPath.values.reduce(0) { $0 + $1.encoded }
        for (request, relative, good) in resolved {
            if let message = refusedPaths[relative] {
                outcome.diagnostics.append(Diagnostic(.error, request.source.path, line: request.fileLine, "\(request.what)「\(request.file)」\(message)"))
                continue
            }
            guard good, let processed = byPath[relative] else { continue }
            let image = imageFile(processed, caption: request.caption, cache: cache)
            place(image, favicon: processed.outputs.favicon.map { variant($0, cache: cache) }, at: request.target, in: &content, config: &config)
        }
        if case .build(let start) = mode, writes {
            var used: [String: PhotoCache.Outputs] = [:]
            var remembered: [String: PhotoCache.Source] = [:]
            for (path, processed) in byPath {
                used[cache.prefix(of: processed.hash)] = processed.outputs
                if let job = jobs[path], job.status.isSettled(before: start) {
                    remembered[path] = PhotoCache.Source(job.status, hash: processed.hash)
                }
            }
            cache.save(outputs: used, sources: remembered, prune: refusedPaths.isEmpty)
        }
        return outcome
    }

    static func variant(_ stored: PhotoCache.Stored, cache: PhotoCache) -> ImageVariant {
        ImageVariant(name: stored.name, width: stored.width, height: stored.height, cachedFile: cache.url(of: stored.name).path)
    }

    static func imageFile(_ processed: PhotoProcessor.Processed, caption: String, cache: PhotoCache) -> ImageFile {
        ImageFile(
            caption: caption, sourceHash: processed.hash, small: variant(processed.outputs.small, cache: cache),
            large: variant(processed.outputs.large, cache: cache))
    }

    static func place(_ image: ImageFile, favicon: ImageVariant?, at target: Target, in content: inout LoadedContent, config: inout SiteConfig) {
        switch target {
        case .branch(let index): content.branches[index].imageFiles.append(image)
        case .disclosure(let index): content.disclosures[index].imageFiles.append(image)
        case .example(let index): content.examples[index].imageFiles.append(image)
        case .promise(let index, let item, let entry): content.promises[index].items[item].progress![entry].imageFiles.append(image)
        case .body(let body, let index, let src, _):
            switch body {
            case .branch: content.branches[index].bodyImages[src] = image
            case .promise: content.promises[index].bodyImages[src] = image
            case .disclosure: content.disclosures[index].bodyImages[src] = image
            case .example: content.examples[index].bodyImages[src] = image
            case .page: content.pages[index].bodyImages[src] = image
            }
        case .logo:
            config.logoFile = image
            config.favicon = favicon
        }
    }

    static func captionMessage(_ request: Request, _ problem: PhotoLoader.CaptionProblem) -> String {
        let example = "如「党员志愿者在小区门口为居民测量血压」"
        if case .body = request.target {
            switch problem {
            case .empty:
                return "正文中的图片「\(request.file)」没有说明：请在 ![ ] 的方括号中写出照片里是什么，\(example)；说明是照片的替代文字（读屏软件读给看不见照片的居民听），也显示在照片下方"
            case .fileName:
                return "正文中的图片「\(request.file)」的说明「\(request.caption)」只是文件名：请在 ![ ] 的方括号中写出照片里是什么，\(example)"
            }
        }
        switch problem {
        case .empty:
            return "\(request.what)「\(request.file)」的说明（caption）是空的：请写出照片里是什么，\(example)；说明是照片的替代文字（读屏软件读给看不见照片的居民听），也显示在照片下方"
        case .fileName:
            return "\(request.what)「\(request.file)」的说明（caption）「\(request.caption)」只是文件名：请写出照片里是什么，\(example)"
        }
    }
}
