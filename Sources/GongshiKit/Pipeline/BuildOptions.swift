import Foundation

/// What a `build` or `check` run works on.
public struct BuildOptions: Sendable {
    public var sourceDirectory: URL
    public var outputDirectory: URL
    /// Defaults to `<source>/templates`.
    public var templatesDirectory: URL?
    /// 数据截至: "today" for every date computation.
    public var asOf: Day
    /// How many replaced sites to keep under `.<output>.gongshi/releases/`.
    public var keepReleases = 3
    /// How long to wait for another build of the same output to finish before giving up (exit 3).
    public var lockWait = BuildLock.Wait.no
    /// Wait for another build of the same output to finish, however long it takes.
    public var waitForLock: Bool {
        get { lockWait != .no }
        set { lockWait = newValue ? .forever : .no }
    }
    /// Defaults to `<source>/.gongshi-cache`.
    public var cacheDirectory: URL?
    /// Ignore the cache: render every page.
    public var clean = false
    /// Publish even when far fewer records remain than the published site has (see `ShrinkGuard`).
    public var allowShrink = false
    public var hooks = PublishHooks()
    /// Test seam: called with the path of every file whose links the render stage collects.
    var linksCollected: (@Sendable (String) -> Void)?

    public init(sourceDirectory: URL, outputDirectory: URL, templatesDirectory: URL? = nil, asOf: Day) {
        self.sourceDirectory = sourceDirectory
        self.outputDirectory = outputDirectory
        self.templatesDirectory = templatesDirectory
        self.asOf = asOf
    }

    var resolvedCacheDirectory: URL { cacheDirectory ?? sourceDirectory.appendingPathComponent(".gongshi-cache") }

    var resolvedTemplatesDirectory: URL { templatesDirectory ?? sourceDirectory.appendingPathComponent("templates") }

    /// How diagnostics name the templates folder: `templates`, or a `--templates` folder by its path relative to the
    /// source dir when inside it (`tp2/home.mustache`), else by its absolute path.
    public var templatesLabel: String {
        guard let templatesDirectory else { return "templates" }
        let source = sourceDirectory.standardizedFileURL.path
        let path = templatesDirectory.standardizedFileURL.path
        return path.hasPrefix(source.hasSuffix("/") ? source : source + "/") ? String(path.dropFirst(source.count).drop { $0 == "/" }) : path
    }
}

/// The result of a run: every diagnostic, and what was written.
public struct BuildOutcome: Sendable {
    public var diagnostics: [Diagnostic]
    public var withheld: [WithheldItem]
    /// Records read per content kind (before publication rules).
    public var counts: [String: Int] = [:]
    /// Nil when nothing was published (content errors, or `check`).
    public var publish: PublishResult?
    /// Wall-clock seconds of each stage (`check`, `statistics`, `plan`, `write`), for `--report` and profiling;
    /// `load` (reading and parsing the content files, part of `check`) and `saveParseCache` beside them.
    public var phaseSeconds: [String: Double] = [:]
    /// Content files parsed and taken from the parse cache; nil when nothing was loaded (`site.yaml` unusable).
    public var sources: ParseStatistics?
    /// Notes for the operator that are not about the content, in Chinese (a parse cache that was ignored, and why).
    public var notes: [String] = []
    public var hasErrors: Bool { diagnostics.hasErrors }
    public var pagesWritten: Int { publish?.written ?? 0 }
}

extension BuildOptions {
    /// A reason the output directory is unsafe to replace (it is, or contains, the source), if any.
    public var outputConflict: String? {
        let output = outputDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        let source = sourceDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        let protected = [source, resolvedTemplatesDirectory.standardizedFileURL.resolvingSymlinksInPath().path]
        for path in protected where path == output || path.hasPrefix(output.hasSuffix("/") ? output : output + "/") {
            return "输出目录 \(outputDirectory.path) 包含源目录或模板目录，每次生成都会替换输出目录，请另选一个目录"
        }
        return nil
    }
}

extension BuildOptions {
    /// A reason a `--report` file must not be written at `report`, if any (`ReportFile.problem`): inside the output
    /// (it lists the withheld items and why, and would be published) or inside gongshi's folder beside it, a symlink,
    /// a FIFO or other non-regular file, or in a folder that does not exist.
    public func reportConflict(_ report: String) -> String? { ReportFile.problem(report, output: outputDirectory) }

    /// A reason `--cache` must not be `cache`, if any: inside the output (the cache would be published) or inside
    /// gongshi's folder beside it (replaced and pruned by every build).
    public func cacheConflict(_ cache: URL) -> String? {
        guard ReleaseLayout(output: outputDirectory).holds(cache.standardizedFileURL.path) else { return nil }
        return "缓存目录 \(cache.path) 在输出目录 \(outputDirectory.path) 或 gongshi 在它旁边的目录之内：缓存会被发布到网站上，"
            + "或在生成时被删除；请去掉 --cache（默认放在源目录的 .gongshi-cache），或另选一个网站之外的目录"
    }
}
