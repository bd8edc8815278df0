import Foundation

/// Builds the static search index from the publishable documents: deterministic bytes for the same documents,
/// whatever their order. See `SearchIndexLayout` for the files and `PostingCodec` for the postings.
///
/// Documents are numbered oldest first (same date: title descending, then id descending), so the client ranks equal
/// hits by descending number alone (newer first, then title ascending), and the number of an existing document
/// stays the same when a newer one is added.
public enum SearchIndexBuilder {
    /// The index files, all under `search/`; `shardCount` overrides the count chosen from the corpus size.
    public static func build(_ documents: [SearchDocument], shardCount: Int? = nil) -> [RenderedPage] {
        var pages: [RenderedPage] = []
        build(documents, shardCount: shardCount) { pages.append($0) }
        return pages
    }

    /// The same files, each handed to `emit` as soon as it is made, so the caller can write it and let it go:
    /// the index of 1000 organisations is 74 MB, most of it document files.
    public static func build<E: Error>(
        _ documents: [SearchDocument], shardCount: Int? = nil, emit: (RenderedPage) throws(E) -> Void
    ) throws(E) {
        try build(ordered: documents.sorted(by: precedes), shardCount: shardCount, emit: emit)
    }

    /// The same files for documents already in number order; with `cache`, each document (with its digest from
    /// `digests`, in the same order) and each shard also go into the search cache as they are made.
    static func build<E: Error>(
        ordered: [SearchDocument], digests: [String] = [], shardCount: Int? = nil, cache: SearchIndexCache.Writer? = nil,
        emit: (RenderedPage) throws(E) -> Void
    ) throws(E) {
        var table = invert(ordered) { number, document, text in
            cache?.addDocument(id: document.id, digest: digests[number], title: document.title.utf8, text: text.utf8)
        }
        let tokens = table.keys.map(SearchTokenizer.token(forKey:))
        var totalBytes = 0
        for (id, token) in tokens.enumerated() { totalBytes += token.utf8.count + table.encoded[id].count + 6 }
        let shards = max(1, shardCount ?? SearchIndexLayout.shardCount(forPostingBytes: totalBytes))
        let facets = SearchFacets(ordered)
        try emit(RenderedPage(path: SearchIndexLayout.metaPath, contents: SearchRecords.meta(facets, documents: ordered.count, shards: shards)))
        try emit(RenderedPage(path: SearchIndexLayout.facetsPath, contents: SearchRecords.facets(facets, ordered)))
        var byShard = [[Int32]](repeating: [], count: shards)
        for (id, token) in tokens.enumerated() { byShard[SearchIndexLayout.shard(of: token, shardCount: shards)].append(Int32(id)) }
        for shard in 0..<shards {
            let ids = byShard[shard].sorted { tokens[Int($0)].utf8.lexicographicallyPrecedes(tokens[Int($1)].utf8) }
            byShard[shard] = []
            let end = ids.reduce(0) { max($0, table.lastDocument($1) + 1) }
            let json = shardJSON(ids, tokens: tokens, table: &table)
            cache?.addShard(json: json, end: end)
            try emit(RenderedPage(path: SearchIndexLayout.shardPath(shard), contents: json))
        }
        table = PostingTable()
        for (file, first) in stride(from: 0, to: ordered.count, by: SearchIndexLayout.documentsPerFile).enumerated() {
            let records = SearchRecords.documents(ordered[first..<min(ordered.count, first + SearchIndexLayout.documentsPerFile)])
            try emit(RenderedPage(path: SearchIndexLayout.documentPath(file: file), contents: records))
        }
    }

    /// Document order: oldest first; on the same date, title and then id descending; the rest only to make it total.
    static func precedes(_ a: SearchDocument, _ b: SearchDocument) -> Bool {
        if a.date != b.date { return a.date < b.date }
        if a.title != b.title { return a.title > b.title }
        if a.id != b.id { return a.id > b.id }
        return (a.kind, a.url, a.branchID, a.branchName, a.year, a.text) < (b.kind, b.url, b.branchID, b.branchName, b.year, b.text)
    }

    /// The postings of every token, ascending by document number.
    /// `indexed` sees each document with the text that was indexed.
    static func invert(_ documents: [SearchDocument], indexed: (Int, SearchDocument, String) -> Void = { _, _, _ in }) -> PostingTable {
        var table = PostingTable()
        var keys: [UInt64] = []
        for (number, document) in documents.enumerated() {
            // Collected first, so the closure does not capture the table: measurably faster.
            SearchTokenizer.forEachKey(in: document.title) { keys.append($0) }
            for key in keys { table.add(key, document: number, field: PostingCodec.title) }
            keys.removeAll(keepingCapacity: true)
            let text = document.text
            indexed(number, document, text)
            SearchTokenizer.forEachKey(in: text) { keys.append($0) }
            for key in keys { table.add(key, document: number, field: PostingCodec.body) }
            keys.removeAll(keepingCapacity: true)
        }
        return table
    }

    /// One shard's `{token: postings}` object, tokens in UTF-8 byte order (`ids` sorted so); each token's postings
    /// are let go once copied. Tokens hold only letters, digits and ideographs and postings only base-64 digits,
    /// so nothing needs escaping.
    static func shardJSON(_ ids: [Int32], tokens: [String], table: inout PostingTable) -> Data {
        var json: [UInt8] = [UInt8(ascii: "{")]
        for (index, id) in ids.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "\""))
            json += tokens[Int(id)].utf8
            json += "\":\"".utf8
            json += table.takeEncoded(Int(id))
            json.append(UInt8(ascii: "\""))
        }
        json.append(UInt8(ascii: "}"))
        return Data(json)
    }
}
