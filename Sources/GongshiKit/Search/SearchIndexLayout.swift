/// The files of the search index and which shard holds a token: the one place their paths are computed.
/// `templates/assets/search.js` computes the same paths and hash; change both together.
///
/// - `search/meta.json`: format version, document, shard and per-file document counts, kinds, branches (`[id, name]`),
///   years.
/// - `search/shards/<n>.json`: `{token: postings}` for the tokens whose FNV-1a hash modulo the shard count is `n`.
/// - `search/facets.json`: `{"facets": …}`, each document's kind, branch and year as one fixed-width number.
/// - `search/docs/<f>.json`: what a result shows for documents `f × documentsPerFile` up to the next file's first, as
///   an array in document order: title, URL, kind, branch, date and text of each.
public enum SearchIndexLayout {
    /// Bumped whenever a file's format changes, so an old script refuses a new index instead of misreading it.
    public static let formatVersion = 2

    public static let metaPath = "search/meta.json"
    public static let facetsPath = "search/facets.json"

    /// The shard file with the postings of tokens whose hash modulo the shard count is `shard`.
    public static func shardPath(_ shard: Int) -> String { "search/shards/\(shard).json" }

    /// The folders of the index files.
    static let folders = ["search", "search/shards", "search/docs"]

    /// The document file numbered `file`, holding documents `file × documentsPerFile` onwards.
    public static func documentPath(file: Int) -> String { "search/docs/\(file).json" }

    /// The file holding document number `document`, and its place in that file's array.
    public static func documentFile(of document: Int) -> (file: Int, index: Int) {
        (document / documentsPerFile, document % documentsPerFile)
    }

    /// Documents per document file. A result page of 20 scattered hits reads up to 20 files, so this multiplies the
    /// worst case of that part of a query's download (about 57 KB at 1000 organisations with one document a file,
    /// 114 KB with two) while dividing the file count (17,839 document files at 1000 organisations, then 8,920).
    /// Three no longer keeps one- and two-character queries within the 300 KB budget (see `SearchSizeTests`).
    /// Consecutive numbers share a file, and the newest hits of a common word are often neighbours, so those pages
    /// read fewer files than hits.
    public static let documentsPerFile = 2

    /// The shard that holds `token`'s postings.
    public static func shard(of token: String, shardCount: Int) -> Int { Int(fnv1a(token) % UInt32(shardCount)) }

    /// 32-bit FNV-1a over the UTF-8 bytes of `text`.
    public static func fnv1a(_ text: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    /// Average shard size aimed at: one two-character query downloads one shard, a four-character query or two
    /// two-character terms at most three or two. Halved from 24 KB when names joined the index, so that queries of
    /// several terms stay within the 300 KB budget (see `SearchSizeTests`).
    static let targetShardBytes = 12 * 1024
    static let maximumShards = 4096

    /// The shard count for postings of `bytes` in total: the power of two that brings the average shard to at most
    /// `targetShardBytes`, so the count grows with the corpus and stays fixed for a given corpus.
    static func shardCount(forPostingBytes bytes: Int) -> Int {
        var count = 1
        while count < maximumShards, count * targetShardBytes < bytes { count *= 2 }
        return count
    }

    /// Unicode scalars (characters) of body text kept in a document file, for snippets and highlighting.
    static let documentTextLimit = 1500
}
