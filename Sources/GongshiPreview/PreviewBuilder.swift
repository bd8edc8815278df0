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

/// Builds the preview once, then brings it up to date on every save without writing a release
/// (`SiteBuilder.Preview`), and holds the latest state and pages.
public actor PreviewBuilder {
    /// Where the first good build writes the site (and a save's pages go once they are too many to hold).
    public nonisolated let siteDirectory: URL
    /// Builds run here, one at a time, off the concurrency pool that serves requests.
    private let queue = DispatchQueue(label: "gongshi.preview.build")
    /// Changed only on `queue`.
    private nonisolated let engine: SiteBuilder.Preview
    public private(set) var state = PreviewState(version: 0, diagnostics: [])
    /// The pages of the last good build, as the server shows them.
    public private(set) var pages: SiteBuilder.Preview.Pages
    /// What the latest rebuild did, for the terminal.
    public private(set) var lastUpdate: SiteBuilder.Preview.Update?

    public init(sourceDirectory: URL, templatesDirectory: URL?, asOf: Day, siteDirectory: URL) {
        self.siteDirectory = siteDirectory
        var options = BuildOptions(
            sourceDirectory: sourceDirectory, outputDirectory: siteDirectory, templatesDirectory: templatesDirectory, asOf: asOf)
        // The probe file of the parse cache lives and dies with the preview's own temp folder; nothing else is written there.
        options.cacheDirectory = siteDirectory.deletingLastPathComponent().appendingPathComponent("cache")
        // The preview's folder is no public site: deleting most records while editing must still show the result.
        options.allowShrink = true
        engine = SiteBuilder.Preview(options: options, directory: siteDirectory)
        pages = engine.pages
    }

    /// Brings the site up to date with the source and returns the new state.
    @discardableResult
    public func rebuild() async -> PreviewState {
        let engine = self.engine
        let (update, pages) = await withCheckedContinuation { continuation in
            queue.async {
                let update = engine.update()
                continuation.resume(returning: (update, engine.pages))
            }
        }
        self.pages = pages
        lastUpdate = update
        state = PreviewState(
            version: state.version + 1, diagnostics: update.diagnostics, writeFailure: update.failure, baseURL: pages.baseURL ?? state.baseURL)
        return state
    }

    /// The last build's counts of content files parsed and taken from the parse cache.
    public var sources: ParseStatistics? {
        get async {
            let engine = self.engine
            return await withCheckedContinuation { continuation in
                queue.async { continuation.resume(returning: engine.parseCache.statistics) }
            }
        }
    }
}
