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

    public init(sourceDirectory: URL, outputDirectory: URL, templatesDirectory: URL? = nil, asOf: Day) {
        self.sourceDirectory = sourceDirectory
        self.outputDirectory = outputDirectory
        self.templatesDirectory = templatesDirectory
        self.asOf = asOf
    }

    var resolvedCacheDirectory: URL { cacheDirectory ?? sourceDirectory.appendingPathComponent(".gongshi-cache") }

    var resolvedTemplatesDirectory: URL { templatesDirectory ?? sourceDirectory.appendingPathComponent("templates") }
}

/// The result of a run: every diagnostic, and what was written.
public struct BuildOutcome: Sendable {
    public var diagnostics: [Diagnostic]
    public var withheld: [WithheldItem]
    /// Records read per content kind (before publication rules).
    public var counts: [String: Int] = [:]
    /// Nil when nothing was published (content errors, or `check`).
    public var publish: PublishResult?
    /// Wall-clock seconds of each stage (`check`, `statistics`, `plan`, `write`), for `--report` and profiling.
    public var phaseSeconds: [String: Double] = [:]
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
    /// A reason a `--report` file must not be written at `report`, if any: inside the output (it lists the withheld
    /// items and why, and would be published) or inside gongshi's folder beside it (releases, staging).
    public func reportConflict(_ report: URL) -> String? {
        let layout = ReleaseLayout(output: outputDirectory)
        let file = Self.resolved(report)
        for folder in [layout.output, layout.stateDirectory, layout.legacyReleases].map(Self.resolved)
        where file == folder || file.hasPrefix(folder + "/") {
            return "报告文件 \(report.path) 在输出目录 \(outputDirectory.path) 或其旧版本目录之内：报告列出未发布事项及原因，"
                + "不能放在网站里；请写到网站之外，如 /var/log/gongshi/last.json"
        }
        return nil
    }

    /// `url`'s path with the symlinks of its existing part resolved (the file itself need not exist).
    static func resolved(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        let base = existing.resolvingSymlinksInPath().path
        return rest.reduce(base) { ($0 as NSString).appendingPathComponent($1) }
    }
}
