import Foundation

@testable import GongshiKit

/// A Swift mirror of the lookup in `templates/assets/search.js` (`runSearch`), over built index files in memory.
/// It also adds up the bytes of the files a query reads, as the browser would download them.
struct ReferenceSearch {
    struct Meta: Decodable {
        let version: Int
        let docs: Int
        let shards: Int
        let docsPerFile: Int
        let kinds: [String]
        let branches: [[String]]
        let years: [Int]
        let facetWidth: Int
    }

    struct Document: Decodable, Equatable {
        let title: String
        let url: String
        let kind: String
        let branch: String
        let date: String
        let text: String
        let truncated: Bool?
    }

    struct Hit: Equatable {
        let doc: Int
        /// Every term matched by the title alone.
        let title: Bool
        /// Every bigram of the query in the document.
        let phrase: Bool
        /// How many of the query's bigrams the document holds.
        let bigrams: Int
    }

    /// Filter values as the URL carries them; nil is 全部.
    struct Filter {
        var kind: String?
        var branchID: String?
        var year: Int?
    }

    /// One page of results and the bytes of every file read for it.
    struct Page {
        let total: Int
        let hits: [Hit]
        let documents: [Document]
        let bytes: Int
    }

    struct BadIndex: Error {
        let file: String
    }

    let files: [String: Data]
    let meta: Meta

    init(_ pages: [RenderedPage]) throws {
        files = Dictionary(uniqueKeysWithValues: pages.map { ($0.path, $0.contents) })
        meta = try JSONDecoder().decode(Meta.self, from: files[SearchIndexLayout.metaPath]!)
    }

    /// The shards a query needs, ascending.
    func shards(for query: String) -> [Int] {
        Set(SearchTokenizer.queryTokens(query).map { SearchIndexLayout.shard(of: $0, shardCount: meta.shards) }).sorted()
    }

    /// The postings of `token`, or nil when the index has no such token.
    func postings(_ token: String) throws -> [(doc: Int, fields: UInt8)]? {
        let shard = SearchIndexLayout.shard(of: token, shardCount: meta.shards)
        let table = try JSONDecoder().decode([String: String].self, from: files[SearchIndexLayout.shardPath(shard)]!)
        guard let text = table[token] else { return nil }
        guard let postings = PostingCodec.decode(text) else { throw BadIndex(file: SearchIndexLayout.shardPath(shard)) }
        return postings
    }

    /// Every match, ranked: the documents every term matches (`SearchTokenizer.covers`); phrase hits first, then
    /// title hits, then more of the query's bigrams, then by descending document number.
    func hits(_ query: String, filter: Filter = Filter()) throws -> [Hit] {
        let terms = SearchTokenizer.queryTerms(query)
        let bigrams = Set(terms.flatMap(SearchTokenizer.bigrams(of:)))
        // Document → token → field flags.
        var held: [Int: [String: UInt8]] = [:]
        for token in SearchTokenizer.queryTokens(query) {
            for (doc, fields) in try postings(token) ?? [] { held[doc, default: [:]][token] = fields }
        }
        let facets = try facetTable(filter)
        return held.compactMap { doc, tokens -> Hit? in
            guard terms.allSatisfy({ SearchTokenizer.covers($0) { tokens[$0] != nil } }), facets?.contains(doc) ?? true else { return nil }
            let title = terms.allSatisfy { SearchTokenizer.covers($0) { (tokens[$0] ?? 0) & PostingCodec.title != 0 } }
            let count = bigrams.filter { tokens[$0] != nil }.count
            return Hit(doc: doc, title: title, phrase: count == bigrams.count, bigrams: count)
        }
        .sorted(by: Self.ranks)
    }

    /// Documents passing `filter`, or nil without a filter.
    private func facetTable(_ filter: Filter) throws -> Set<Int>? {
        let kind = filter.kind.flatMap { meta.kinds.firstIndex(of: $0) }
        let branch = filter.branchID.flatMap { id in meta.branches.firstIndex { $0[0] == id } }
        let year = filter.year.flatMap { meta.years.firstIndex(of: $0) }
        guard kind != nil || branch != nil || year != nil else { return nil }
        let facets = try JSONDecoder().decode([String: String].self, from: files[SearchIndexLayout.facetsPath]!)["facets"]!
        let digits = Array(facets.utf8)
        var passing = Set<Int>()
        for doc in 0..<meta.docs {
            var value = 0
            for k in 0..<meta.facetWidth { value = value * 64 + Int(PostingCodec.digits[Int(digits[doc * meta.facetWidth + k])]) }
            let (rest, k) = value.quotientAndRemainder(dividingBy: meta.kinds.count)
            let (b, y) = rest.quotientAndRemainder(dividingBy: meta.years.count)
            if (kind ?? k) == k, (branch ?? b) == b, (year ?? y) == y { passing.insert(doc) }
        }
        return passing
    }

    /// The record of document number `doc`, from its document file.
    func document(_ doc: Int) throws -> Document {
        let (file, index) = (doc / meta.docsPerFile, doc % meta.docsPerFile)
        let records = try JSONDecoder().decode([Document].self, from: files[SearchIndexLayout.documentPath(file: file)]!)
        guard index < records.count else { throw BadIndex(file: SearchIndexLayout.documentPath(file: file)) }
        return records[index]
    }

    /// The document files holding `docs`, each once, ascending.
    func documentFiles(_ docs: [Int]) -> [Int] { Set(docs.map { $0 / meta.docsPerFile }).sorted() }

    /// Whether the document holds every query term as it is written (the postings only prove its bigrams); a
    /// document whose text was cut is trusted.
    static func holdsPhrases(_ query: String, _ document: Document) -> Bool {
        if document.truncated == true { return true }
        let haystack = (SearchTokenizer.runs(document.title) + SearchTokenizer.runs(document.text)).joined(separator: " ")
        return SearchTokenizer.queryTerms(query).allSatisfy { haystack.contains($0) }
    }

    /// Page `number` (from 1) of 20 results, ranked again with each phrase hit checked against its text, and the bytes
    /// downloaded for it.
    func page(_ query: String, number: Int = 1, filter: Filter = Filter()) throws -> Page {
        let all = try hits(query, filter: filter)
        let shown = Array(all.dropFirst((number - 1) * 20).prefix(20))
        var bytes = files[SearchIndexLayout.metaPath]!.count
        bytes += shards(for: query).map { files[SearchIndexLayout.shardPath($0)]!.count }.reduce(0, +)
        if filter.kind != nil || filter.branchID != nil || filter.year != nil { bytes += files[SearchIndexLayout.facetsPath]!.count }
        bytes += documentFiles(shown.map(\.doc)).map { files[SearchIndexLayout.documentPath(file: $0)]!.count }.reduce(0, +)
        let pairs = try shown.map { hit in
            let document = try document(hit.doc)
            let phrase = hit.phrase && Self.holdsPhrases(query, document)
            return (Hit(doc: hit.doc, title: hit.title, phrase: phrase, bigrams: hit.bigrams), document)
        }.sorted { Self.ranks($0.0, before: $1.0) }
        return Page(total: all.count, hits: pairs.map(\.0), documents: pairs.map(\.1), bytes: bytes)
    }

    /// Phrase hits first, then title hits, then more of the query's bigrams, then the newer.
    static func ranks(_ a: Hit, before b: Hit) -> Bool {
        if a.phrase != b.phrase { return a.phrase }
        if a.title != b.title { return a.title }
        if a.bigrams != b.bigrams { return a.bigrams > b.bigrams }
        return a.doc > b.doc
    }
}
