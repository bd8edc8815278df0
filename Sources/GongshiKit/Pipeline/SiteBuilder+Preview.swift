import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension SiteBuilder {
    /// A site built for `gongshi serve` and kept between saves: the parse cache, every file's cache key and manifest
    /// entry, and the bytes of the files re-rendered since they were last written to `directory`.
    ///
    /// The first good build writes every file to `directory`. A save then loads with the in-memory parse cache (only
    /// the changed files are parsed), assembles, plans against the kept keys and runs only the pages whose key
    /// changed; their new bytes are held in memory (`Pages.overlay`) and served before the copy on disk. No release,
    /// staging folder or lock. When the held bytes pass `overlayLimit`, they are written over the disk copy.
    /// A save with errors (content, or a broken link) changes nothing: the last good pages stay.
    ///
    /// Not thread-safe: one caller runs `update` at a time; `pages` is a value that can be read anywhere.
    public final class Preview: @unchecked Sendable {
        /// Read at every update (a test moves `asOf`).
        public var options: BuildOptions
        /// Where every file is written by the first good build and when the overlay is flushed.
        public let directory: URL
        /// Bytes held in memory before they are written over the disk copy.
        public var overlayLimit = 64 << 20
        /// Files (path relative to the source dir → text) read in place of the ones on disk at every update, as
        /// `SiteBuilder.check(_:overlay:)` takes them: the studio previews a draft with its `workflow` mark left out.
        public var sourceOverlay: [String: String] = [:]
        public private(set) var parseCache = ParseCache()
        /// Path → cache key of every file of the last good build (nil before one), with the groups' own keys.
        private var keys: [String: String]?
        /// What the server shows.
        public private(set) var pages: Pages

        public init(options: BuildOptions, directory: URL) {
            self.options = options
            self.directory = directory
            pages = Pages(directory: directory)
        }

        /// What one `update` did.
        public struct Update: Sendable {
            public var diagnostics: [Diagnostic] = []
            /// Why the site was not updated although the content has no errors (a broken link, a write failure).
            public var failure: String?
            /// Files whose bytes changed, and files no longer in the site.
            public var changed = 0
            public var removed = 0
            /// Seconds per phase (check, statistics, plan, render, store).
            public var phaseSeconds: [String: Double] = [:]
        }

        /// Loads the source again and brings the pages up to date with it.
        public func update() -> Update {
            var clock = PhaseClock()
            var update = Update()
            let checked = SiteBuilder.check(options, cache: .memory(parseCache), overlay: sourceOverlay)
            if let cache = checked.parseCache { parseCache = cache }
            update.diagnostics = checked.diagnostics
            update.phaseSeconds["check"] = clock.lap()
            guard !checked.diagnostics.hasErrors, let model = checked.model, let templates = checked.templates else { return update }
            // The statistics are made only if a file that shows them is rendered, and then once for both plans.
            let stats = SiteStatistics(model: model)
            // The search index is updated from its cache in the preview's own cache folder, like a build's.
            let searchStore = { (reads: Bool) in
                SearchIndexStore(directory: self.options.resolvedCacheDirectory, output: self.directory, reads: reads)
            }
            var plan = PageRenderer(templates: templates).plan(model, statistics: stats, previous: keys, searchStore: searchStore(keys != nil))
            plan.rendered += templates.assets
            update.phaseSeconds["plan"] = clock.lap()
            // No good build yet: there is nothing to keep, so every file goes straight to disk.
            let direct = keys == nil
            var outcome: Run?
            do {
                outcome = try run(plan, direct: direct, baseURL: model.config.baseURL)
                if outcome == nil {
                    // A reused key whose file is not kept: not expected (keys and pages change together), but the
                    // file would be wrong, so every page is made again.
                    var full = PageRenderer(templates: templates).plan(model, statistics: stats, previous: nil, searchStore: searchStore(false))
                    full.rendered += templates.assets
                    outcome = try run(full, direct: direct, baseURL: model.config.baseURL)
                }
            } catch {
                update.failure = "写入预览目录 \(directory.path) 失败：\(OutputLocation.reason(of: error))"
                return update
            }
            guard let outcome else { return update }
            update.phaseSeconds["render"] = clock.lap()
            let paths = Set(outcome.files.map(\.path))
            let broken = outcome.broken.filter { !LinkVerifier.exists($0.target, in: paths) }
            guard broken.isEmpty else {
                let sample = broken.map(\.shown).sorted().prefix(5).joined(separator: "；")
                update.failure = "生成的网站有 \(broken.count) 个站内链接指向不存在的页面（预览保持上一次的结果）：\(sample)"
                return update
            }
            var next = direct ? Pages(directory: directory) : pages
            let removed = Set(next.entries.keys).subtracting(paths)
            for path in removed { next.remove(path) }
            for file in outcome.files {
                guard let contents = file.contents else { continue }
                next.set(file.path, contents, entry: file.entry, onDisk: direct)
            }
            next.counts = ShrinkGuard.counts(model)
            next.baseURL = model.config.baseURL
            next.refreshFolders(force: direct || !removed.isEmpty)
            if next.overlayBytes > overlayLimit { next.flush() }
            keys = outcome.keys
            pages = next
            update.changed = outcome.files.count(where: { $0.contents != nil })
            update.removed = removed.count
            update.phaseSeconds["store"] = clock.lap()
            return update
        }

        /// One file the plan made.
        struct File: Sendable {
            let path: String
            var entry: Manifest.Entry
            /// The new bytes, when they differ from the kept file's (empty when written straight to disk).
            var contents: Data?
        }

        /// What running a plan gave.
        struct Run {
            var files: [File] = []
            var keys: [String: String] = [:]
            var broken: [LinkVerifier.Broken] = []
        }

        /// Runs the plan through the render stage against the kept keys; a file written straight to disk (`direct`)
        /// is not kept in memory. nil when a reused file is not kept.
        private func run(_ plan: consuming RenderPlan, direct: Bool, baseURL: String?) throws -> Run? {
            let known = pages.entries
            let root = directory.path + "/"
            // What the link check knows before the groups run; a link to a group's file is checked against all files after.
            let planned = RenderStage.outline(of: plan).files.union(Publisher.ownFiles)
            if direct { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
            let collected = Collected()
            let keys = try RenderStage(baseURL: baseURL).run(plan, known: planned) { staged in
                guard let contents = staged.contents else {
                    collected.add(known[staged.path].map { File(path: staged.path, entry: $0) }, broken: [])
                    return
                }
                let entry = Manifest.Entry(sha256: staged.sha256 ?? SHA256.hex(contents), size: contents.count)
                if direct {
                    try Publisher.writeNew(contents, toPath: root + staged.path)
                    collected.add(File(path: staged.path, entry: entry, contents: Data()), broken: staged.pendingLinks)
                } else {
                    let file = File(path: staged.path, entry: entry, contents: known[staged.path] == entry ? nil : contents)
                    collected.add(file, broken: staged.pendingLinks)
                }
            }
            return collected.run(keys: keys)
        }

        /// What the render stage's sink received, from every core.
        private final class Collected: @unchecked Sendable {
            private let lock = NSLock()
            private var files: [File] = []
            private var broken: [LinkVerifier.Broken] = []
            private var missing = false

            /// `file` is nil for a reused file that is not kept.
            func add(_ file: File?, broken more: [LinkVerifier.Broken]) {
                lock.lock()
                defer { lock.unlock() }
                if let file { files.append(file) } else { missing = true }
                broken += more
            }

            func run(keys: [String: String]) -> Run? {
                lock.lock()
                defer { lock.unlock() }
                return missing ? nil : Run(files: files, keys: keys, broken: broken)
            }
        }

        /// Every file of the last good build: held bytes first, then the copy on disk.
        public struct Pages: Sendable {
            public let directory: URL
            /// Path → hash and size of every file of the site (as its `manifest.json` lists them).
            public private(set) var entries: [String: Manifest.Entry] = [:]
            /// Files whose bytes on disk are not theirs (re-rendered since the last flush).
            public private(set) var overlay: [String: Data] = [:]
            public private(set) var overlayBytes = 0
            /// Every folder that holds a file, for redirecting `/folder` to `/folder/`.
            private var folders: Set<String> = []
            /// Records per kind, for `manifest.json`.
            var counts: [String: Int] = [:]
            public internal(set) var baseURL: String?

            init(directory: URL) { self.directory = directory }

            /// Where the server finds a path.
            public enum Lookup: Equatable, Sendable {
                case memory(Data)
                case disk(URL)
                case folder
                case missing
            }

            /// `path` is relative to the site's root, without a leading slash.
            public func lookup(_ path: String) -> Lookup {
                if path == Manifest.fileName, !entries.isEmpty { return .memory(manifest.json) }
                if entries[path] != nil {
                    if let data = overlay[path] { return .memory(data) }
                    return .disk(directory.appendingPathComponent(path))
                }
                return folders.contains(path) ? .folder : .missing
            }

            /// Every path of the site, `manifest.json` included.
            public var paths: Set<String> { entries.isEmpty ? [] : Set(entries.keys).union([Manifest.fileName]) }

            /// The `manifest.json` a build of the same input publishes.
            var manifest: Manifest {
                var manifest = Manifest(counts: counts)
                manifest.entries = entries
                return manifest
            }

            mutating func set(_ path: String, _ contents: Data, entry: Manifest.Entry, onDisk: Bool) {
                if entries[path] == nil { folders.formUnion(Self.parents(of: path)) }
                entries[path] = entry
                overlayBytes -= overlay[path]?.count ?? 0
                overlay[path] = onDisk ? nil : contents
                if !onDisk { overlayBytes += contents.count }
            }

            mutating func remove(_ path: String) {
                entries[path] = nil
                overlayBytes -= overlay.removeValue(forKey: path)?.count ?? 0
                unlink(directory.path + "/" + path)
            }

            mutating func refreshFolders(force: Bool) {
                guard force else { return }
                folders = Set(entries.keys.flatMap(Self.parents))
            }

            /// Writes the held bytes over the disk copy, each file replaced in one rename; a file that cannot be
            /// written stays held.
            mutating func flush() {
                let root = directory.path + "/"
                let written = overlay.map { ($0.key, $0.value) }.concurrentMap { path, contents -> String? in
                    let temporary = root + path + ".gongshi-tmp"
                    do {
                        try Publisher.writeNew(contents, toPath: temporary)
                    } catch {
                        return nil
                    }
                    guard rename(temporary, root + path) == 0 else {
                        unlink(temporary)
                        return nil
                    }
                    return path
                }
                for path in written.compactMap({ $0 }) { overlayBytes -= overlay.removeValue(forKey: path)?.count ?? 0 }
            }

            static func parents(of path: String) -> [String] {
                var result: [String] = []
                var parts = path.split(separator: "/").dropLast()
                while !parts.isEmpty {
                    result.append(parts.joined(separator: "/"))
                    parts = parts.dropLast()
                }
                return result
            }
        }
    }
}

/// The first error of concurrent work.
private final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var first: (any Error)?

    var isSet: Bool { lock.withLock { first != nil } }
    var error: (any Error)? { lock.withLock { first } }
    func record(_ error: any Error) { lock.withLock { if first == nil { first = error } } }
}
