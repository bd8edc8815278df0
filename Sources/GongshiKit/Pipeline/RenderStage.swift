import Foundation

/// The render stage: runs a `RenderPlan` — its page jobs and groups on every core — and hands every file of it, as
/// soon as it is made, to a sink (`Publisher`'s staging folder, or a preview's memory), so that no more than a few
/// pages are held at a time. The links of each rendered page are collected right there, from the bytes just made (a
/// reused file is not looked at), and the cache key of every file is recorded for the next build.
struct RenderStage: Sendable {
    /// The site's address, to tell its own absolute links from others; nil collects no links.
    var baseURL: String?
    /// Test seam: called with the path of every file whose links are collected.
    var collected: (@Sendable (String) -> Void)?

    init(baseURL: String?, collected: (@Sendable (String) -> Void)? = nil) {
        (self.baseURL, self.collected) = (baseURL, collected)
    }

    /// What `Publisher` must know of the plan's files before any of them is made.
    static func outline(of plan: RenderPlan) -> ReleaseOutline {
        ReleaseOutline(
            files: Set(plan.rendered.map(\.path)).union(plan.reused).union(plan.jobs.map(\.path)),
            openFolders: Set(plan.groups.flatMap(\.folders)),
            reusesPublished: plan.previousKeys != nil || !plan.reused.isEmpty)
    }

    /// Runs `plan` and hands each of its files to `sink`: first the reused ones, then — on every core — the groups
    /// (the search index: each the longest single piece of work, done on one core while the others render pages), the
    /// ready files and the page jobs. `known` is every path known in advance, for the links. Returns the key of every
    /// file (the plan's own and those the jobs and groups report). The first error `sink` throws stops the work not
    /// yet started and is rethrown.
    func run(_ plan: consuming RenderPlan, known: Set<String>, into sink: @Sendable (StagedFile) throws -> Void) throws -> [String: String] {
        var keys = plan.keys
        for path in plan.reused { try sink(StagedFile(path: path, contents: nil)) }
        let work = plan.groups.map(Work.group) + plan.rendered.map(Work.ready) + plan.jobs.map(Work.page)
        let previousKeys = plan.previousKeys
        // The work holds the ready files now; the plan's copies need not stay in memory.
        plan = RenderPlan()
        let failure = FirstError()
        let made = work.concurrentMap { item -> [(String, String)] in
            guard !failure.isSet else { return [] }
            do {
                return try perform(item, previousKeys: previousKeys, known: known, sink: sink)
            } catch {
                failure.record(error)
                return []
            }
        }
        if let error = failure.error { throw error }
        for (path, key) in made.joined() { keys[path] = key }
        return keys
    }

    /// One piece of the parallel work: a ready file, a page job or a group of files.
    private enum Work: Sendable {
        case ready(RenderedPage)
        case page(PageJob)
        case group(GroupJob)
    }

    /// Runs one piece of work; returns the keys it reported.
    private func perform(
        _ item: Work, previousKeys: [String: String]?, known: Set<String>,
        sink: (StagedFile) throws -> Void
    ) throws -> [(String, String)] {
        switch item {
        case .ready(let page):
            try sink(made(page.path, page.contents, known: known))
            return []
        case .page(let job):
            let (key, contents) = job.run(previousKeys?[job.path])
            try sink(contents.map { made(job.path, $0, known: known) } ?? StagedFile(path: job.path, contents: nil))
            return [(job.path, key)]
        case .group(let group):
            var keys: [(String, String)] = []
            try group.run(previousKeys) { file in
                keys.append((file.path, file.key))
                guard file.isFile else { return }
                let staged = file.contents.map { made(file.path, $0, sha256: file.sha256, known: known) }
                try sink(staged ?? StagedFile(path: file.path, contents: nil))
            }
            // The group's build (the search index) is over: its memory goes back to the system while pages render.
            FreedMemory.returnToSystem()
            return keys
        }
    }

    /// A file just made, with its links that `known` does not hold.
    private func made(_ path: String, _ contents: Data, sha256: String? = nil, known: Set<String>) -> StagedFile {
        guard let baseURL, path.hasSuffix(".html") else { return StagedFile(path: path, contents: contents, sha256: sha256) }
        collected?(path)
        let pending = LinkCollector.missingTargets(of: path, contents, files: known, baseURL: baseURL)
        return StagedFile(path: path, contents: contents, sha256: sha256, pendingLinks: pending)
    }
}

extension RenderStage {
    /// Runs `plan` straight into a new release of `publisher`; returns what the publish did and every file's key.
    /// `live` is the output as the build read it (read here when nil, for callers that publish without a build).
    func publish(
        _ plan: consuming RenderPlan, with publisher: Publisher, counts: [String: Int] = [:], live: PublishedSite? = nil
    ) throws(OutputError) -> (result: PublishResult, keys: [String: String]) {
        let outline = Self.outline(of: plan)
        let known = outline.files.union(Publisher.ownFiles)
        var pending: RenderPlan? = consume plan
        var keys: [String: String] = [:]
        let live = live ?? PublishedSite.read(publisher.outputDirectory)
        let result = try publisher.publish(outline, counts: counts, live: live) { sink in
            let taken = pending!
            pending = nil
            keys = try run(consume taken, known: known) { try sink.put($0) }
        }
        return (result, keys)
    }
}

/// The first error thrown by any of several concurrent jobs.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var isSet: Bool { error != nil }

    var error: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func record(_ error: any Error) {
        lock.lock()
        defer { lock.unlock() }
        if stored == nil { stored = error }
    }
}
