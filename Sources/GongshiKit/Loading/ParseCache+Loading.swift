import Foundation

extension ContentLoader {
    /// Loads every listed file as `load(_:reading:config:)` does, taking from `cache` the piece of every file that
    /// has not changed. `cache` is left holding exactly the files loaded now (a deleted or renamed file drops out),
    /// with the counts in `statistics`. `start` is a file-system time taken before any file was examined
    /// (`FileTime.now(in:)`), which decides whether a file's status can be trusted by the next load; nil trusts none.
    /// A file in `overlay` (path → text) is parsed from that text instead of the disk, and kept out of the cache.
    static func load(
        _ entries: [SourceEntry], scanner: ContentScanner, config: SiteConfig, cache: inout ParseCache, start: FileTime?,
        overlay: [String: String] = [:]
    ) -> LoadedContent {
        let settings = LoaderSettings(config: config)
        let previous = cache.matching(settings)
        let root = scanner.sourceDirectory.path + "/"
        let results = entries.concurrentMap { entry in
            if let text = overlay[entry.path] {
                let file = SourceFile(path: entry.path, kind: entry.kind, text: text)
                return (content: loadFile(.success(file), settings: settings), entry: ParseCache.Entry?.none, use: ParseCache.Use.parsed)
            }
            return previous.load(entry, status: FileStatus(path: root + entry.path), start: start, settings: settings, read: scanner.read)
        }
        var next = ParseCache(settingsDigest: previous.settings)
        next.note = previous.note
        var statistics = ParseStatistics()
        for (entry, result) in zip(entries, results) {
            if let cached = result.entry { next.entries[entry.path] = cached }
            switch result.use {
            case .parsed: statistics.parsed += 1
            case .reused: statistics.reused += 1
            case .rehashed: (statistics.reused, statistics.rehashed) = (statistics.reused + 1, statistics.rehashed + 1)
            }
        }
        next.statistics = statistics
        next.modified = previous.modified || statistics.parsed > 0 || statistics.rehashed > 0 || next.entries.count != previous.entries.count
        cache = next
        return merged(results.map(\.content))
    }
}

extension ParseCache {
    /// How one file's piece was obtained.
    enum Use { case parsed, reused, rehashed }

    /// One file's piece, and its entry for the next load (nil when the file could not be read as a regular file:
    /// its diagnostic is made again each time).
    func load(
        _ file: SourceEntry, status: FileStatus?, start: FileTime?, settings: LoaderSettings,
        read: (SourceEntry) -> Result<SourceFile, Diagnostic>
    ) -> (content: LoadedContent, entry: Entry?, use: Use) {
        let old = entries[file.path]
        if let status, var old, old.settled, old.status == status, let content = old.decoded() {
            old.content = content
            return (content, old, .reused)
        }
        let source = read(file)
        guard let status, case .success(let text) = source else { return (ContentLoader.loadFile(source, settings: settings), nil, .parsed) }
        let sha256 = SHA256.hex(text.text)
        let settled = status.isSettled(before: start)
        if let old, old.sha256 == sha256, let content = old.decoded() {
            return (content, Entry(status: status, settled: settled, sha256: sha256, content: content, stored: old.stored), .rehashed)
        }
        let content = ContentLoader.loadFile(source, settings: settings)
        return (content, Entry(status: status, settled: settled, sha256: sha256, content: content), .parsed)
    }
}

extension ParseCache.Entry {
    /// The piece, decoding the stored bytes when it has not been yet; nil when they do not decode (the file is then
    /// parsed again).
    func decoded() -> LoadedContent? {
        if let content { return content }
        guard let stored else { return nil }
        return try? LoadedContent(binary: stored)
    }
}
