import Dispatch
import Foundation
import GongshiKit

/// The outcome of the latest preview build, as the server shows it.
public struct PreviewState: Sendable {
    /// Build counter: 0 before the first build, +1 after every build, good or bad, so open tabs reload
    /// both onto the error page and back to the site.
    public var version: Int
    public var diagnostics: [Diagnostic]
    /// Why writing the site failed, if it did.
    public var writeFailure: String?
    /// The site's `base_url`, for pointing the 404 page's absolute links back at the preview.
    public var baseURL: String?

    /// While true, HTML requests get the error page instead of the last good site.
    public var showsErrorPage: Bool { diagnostics.hasErrors || writeFailure != nil }
}

/// Runs builds into the preview's own folder and holds the latest state.
public actor PreviewBuilder {
    /// Where the site is written; the writer creates it.
    public nonisolated let siteDirectory: URL
    private let options: BuildOptions
    /// Builds run here, one at a time, off the concurrency pool that serves requests.
    private let queue = DispatchQueue(label: "gongshi.preview.build")
    public private(set) var state = PreviewState(version: 0, diagnostics: [])
    /// What every content file gave at the latest build, kept in memory so that a save re-parses only the files
    /// that changed (nothing is written to the cache directory).
    private var parseCache: ParseCache?

    public init(sourceDirectory: URL, templatesDirectory: URL?, asOf: Day, siteDirectory: URL) {
        self.siteDirectory = siteDirectory
        var options = BuildOptions(
            sourceDirectory: sourceDirectory, outputDirectory: siteDirectory, templatesDirectory: templatesDirectory, asOf: asOf)
        // The cache and the releases live and die with the preview's own temp folder.
        options.cacheDirectory = siteDirectory.deletingLastPathComponent().appendingPathComponent("cache")
        options.keepReleases = 0
        // The preview's folder is no public site: deleting most records while editing must still show the result.
        options.allowShrink = true
        self.options = options
    }

    /// Builds the site once more and returns the new state.
    @discardableResult
    public func rebuild() async -> PreviewState {
        let (options, cache) = (self.options, parseCache)
        let (outcome, failure, baseURL, kept) = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Self.build(options, cache: cache)) }
        }
        parseCache = kept
        state = PreviewState(version: state.version + 1, diagnostics: outcome, writeFailure: failure, baseURL: baseURL ?? state.baseURL)
        return state
    }

    /// The last build's counts of content files parsed and taken from the parse cache.
    public var sources: ParseStatistics? { parseCache?.statistics }

    private static func build(_ options: BuildOptions, cache: ParseCache?) -> ([Diagnostic], String?, String?, ParseCache?) {
        var parseCache = cache ?? ParseCache()
        do {
            let outcome = try SiteBuilder.build(options, parseCache: &parseCache)
            return (outcome.diagnostics, nil, outcome.hasErrors ? nil : readBaseURL(options.sourceDirectory), parseCache)
        } catch {
            // The build throws away its diagnostics when writing fails; the page still lists the warnings.
            return (SiteBuilder.check(options, parseCache: &parseCache).2, String(describing: error), nil, parseCache)
        }
    }

    private static func readBaseURL(_ sourceDirectory: URL) -> String? {
        guard case .success(let text) = ContentScanner(sourceDirectory: sourceDirectory).readSiteConfig() else { return nil }
        return ContentLoader.loadSiteConfig(text).0?.baseURL
    }
}
