import Foundation

/// What a `build` or `check` run works on.
public struct BuildOptions: Sendable {
    public var sourceDirectory: URL
    public var outputDirectory: URL
    /// Defaults to `<source>/templates`.
    public var templatesDirectory: URL?
    /// 数据截至: "today" for every date computation.
    public var asOf: Day

    public init(sourceDirectory: URL, outputDirectory: URL, templatesDirectory: URL? = nil, asOf: Day) {
        self.sourceDirectory = sourceDirectory
        self.outputDirectory = outputDirectory
        self.templatesDirectory = templatesDirectory
        self.asOf = asOf
    }

    var resolvedTemplatesDirectory: URL { templatesDirectory ?? sourceDirectory.appendingPathComponent("templates") }
}

/// The result of a run: every diagnostic, and what was written.
public struct BuildOutcome: Sendable {
    public var diagnostics: [Diagnostic]
    public var pagesWritten: Int
    public var withheld: [WithheldItem]
    public var hasErrors: Bool { diagnostics.hasErrors }
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
