import Foundation

/// Makes the search index files of one build, doing work in proportion to the documents that changed since the
/// published index when the search cache describes it (`SearchIndexStore`), and building it whole otherwise.
/// Either way the files are exactly what `SearchIndexBuilder.build` makes of the documents: document numbers are a
/// function of the current documents alone (date order), so the update renumbers where a document came or went.
///
/// The update, given the cached documents (id, digest of every field, the title and text they were tokenised from)
/// and shards (JSON, highest document):
/// - matches old and new documents by id: unchanged (same digest), changed, added, removed;
/// - when every document kept its number, tokenises only the changed documents' old and new texts and the added and
///   removed documents, and edits only the posting lists of the tokens whose fields changed;
/// - otherwise also renumbers the lists of every shard holding a document after the first one that moved;
/// - remakes only those shards and the document files whose documents changed or moved; the rest are reused;
/// - builds the index whole when the shard count would change.
enum SearchIndexUpdater {
    /// Where the group's own key is recorded among the page keys (not a file).
    static let groupMarker = "search/\u{0}group"

    /// Hands every file of the index to `emit` (see `GroupJob`): reused ones with the published key and no bytes.
    static func run(
        _ documents: [SearchDocument], previous: [String: String]?, store: SearchIndexStore?, shardCount: Int? = nil,
        emit: (GroupJob.File) throws -> Void
    ) throws {
        let digests = documents.map(digest)
        let order = documents.indices.sorted { SearchIndexBuilder.precedes(documents[$0], documents[$1]) }
        let ordered = order.map { documents[$0] }
        let orderedDigests = order.map { digests[$0] }
        let groupKey = SHA256.hex("\(GongshiVersion.current)\u{0}\(orderedDigests.joined(separator: ","))")
        try emit(GroupJob.File(path: groupMarker, key: groupKey, contents: nil, isFile: false))
        let published = previous.map(publishedFiles)
        if let previous, previous[groupMarker] == groupKey, let published {
            for file in published { try emit(GroupJob.File(path: file.path, key: file.key, contents: nil)) }
            store?.record(.init(mode: .unchanged))
            return
        }
        try withoutActuallyEscaping(emit) { emit in
            try update(ordered, orderedDigests, groupKey: groupKey, previous: previous, published: published, store: store, shardCount: shardCount, emit: emit)
        }
    }

    /// The index made from the cache, or whole.
    private static func update(
        _ ordered: [SearchDocument], _ orderedDigests: [String], groupKey: String, previous: [String: String]?,
        published: [(path: String, key: String)]?, store: SearchIndexStore?, shardCount: Int?, emit: @escaping (GroupJob.File) throws -> Void
    ) throws {
        var output = Output(previous: previous, emit: emit)
        let cache = store?.load(published: published)
        let writer = store?.makeWriter()
        var statistics = SearchIndexStore.Statistics()
        if let cache, let previous,
            let update = Update(ordered: ordered, digests: orderedDigests, cache: cache, shardCount: shardCount, statistics: &statistics)
        {
            statistics.mode = .incremental
            try update.emit(to: &output, previous: previous, writer: writer, statistics: &statistics)
        } else {
            statistics = .init(mode: .full, documentsTokenised: ordered.count)
            try SearchIndexBuilder.build(ordered: ordered, digests: orderedDigests, shardCount: shardCount, cache: writer) { page in
                try output.file(page.path, page.contents)
                if page.path.hasPrefix("search/shards/") { statistics.shardsMade += 1 }
                if page.path.hasPrefix("search/docs/") { statistics.documentFilesMade += 1 }
            }
        }
        writer?.commit(groupKey: groupKey, filesDigest: SearchIndexCache.filesDigest(output.keys))
        store?.record(statistics)
    }

    /// The index files among the published keys (everything under `search/` but the search page and the marker).
    static func publishedFiles(_ previous: [String: String]) -> [(path: String, key: String)] {
        previous.filter { $0.key.hasPrefix("search/") && $0.key != Route.search.outputPath && $0.key != groupMarker }
            .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value) }
    }

    /// The digest of every field of a document: the index is a function of these alone. The body is hashed as the
    /// parts its text is made from (the text is a function of them), so it does not turn every body into text.
    static func digest(_ document: SearchDocument) -> String {
        let body =
            switch document.body {
            case .plain(let text): ["plain", text]
            case .html(let prefix, let html, let suffix): ["html", prefix, html, suffix]
            }
        let fields = [document.id, document.kind, document.title] + body + [document.url, document.branchID, document.branchName]
        return SHA256.hex((fields + [document.date.description, String(document.year)]).joined(separator: "\u{1F}"))
    }

    /// Emits the files and keeps their keys, for the cache.
    struct Output {
        let previous: [String: String]?
        let emit: (GroupJob.File) throws -> Void
        var keys: [(path: String, key: String)] = []

        /// A file made now, keyed by its bytes (passed on only when they differ from the published file's).
        mutating func file(_ path: String, _ contents: Data) throws {
            let key = PlanBuilder.contentKey(contents)
            keys.append((path, key))
            try emit(GroupJob.File(path: path, key: key, contents: previous?[path] == key ? nil : contents))
        }

        /// The published file, unchanged; `make` makes it when its key is not known after all.
        mutating func reuse(_ path: String, orMake make: () -> Data) throws {
            guard let key = previous?[path] else { return try file(path, make()) }
            keys.append((path, key))
            try emit(GroupJob.File(path: path, key: key, contents: nil))
        }
    }
}
