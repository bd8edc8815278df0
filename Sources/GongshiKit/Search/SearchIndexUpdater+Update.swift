import Foundation

extension SearchIndexUpdater {
    /// The changes from the cached index to the current documents, worked out before any file is emitted.
    struct Update {
        let ordered: [SearchDocument]
        let digests: [String]
        let cache: SearchIndexCache
        /// The cached document of each current document number (-1: added).
        let source: [Int]
        /// Whether the document at each current number is the cached one, unchanged.
        let unchanged: [Bool]
        /// The text of each document tokenised now, by current number.
        let texts: [Int: String]
        /// Each shard's JSON and highest document + 1: nil for a cached shard that stays as it is.
        let shards: [(json: [UInt8], end: Int)?]

        /// Nil when the update cannot be made from this cache (the shard count changes, ids repeat, or a cached shard
        /// is not what this program writes): the caller builds the index whole.
        init?(
            ordered: [SearchDocument], digests: [String], cache: SearchIndexCache, shardCount: Int?,
            statistics: inout SearchIndexStore.Statistics
        ) {
            guard let matching = Matching(ordered: ordered, digests: digests, cache: cache) else { return nil }
            let (edits, texts) = Self.edits(ordered, cache: cache, matching: matching, statistics: &statistics)
            guard let shards = Self.shards(cache, edits: edits, matching: matching, shardCount: shardCount) else { return nil }
            self.ordered = ordered
            self.digests = digests
            self.cache = cache
            source = matching.source
            unchanged = matching.unchanged
            self.texts = texts
            self.shards = shards
        }

        /// Which cached document each current one is, and where the cached ones went.
        struct Matching {
            /// The cached number of each current document (-1: added).
            var source: [Int]
            /// Whether the current document is its cached one, unchanged.
            var unchanged: [Bool]
            /// Every document in both kept its number: a changed one only edits the lists of the tokens that differ.
            var stable = true
            /// The current number of each cached document whose postings stay (-1 when it is gone or changed,
            /// unless `stable`).
            var moved: [Int32]
            /// The first cached number whose document is now elsewhere: lists wholly below it keep their bytes.
            var firstMoved = Int.max

            /// Nil when ids repeat (in the cache or now).
            init?(ordered: [SearchDocument], digests: [String], cache: SearchIndexCache) {
                var oldNumber: [String: Int] = [:]
                oldNumber.reserveCapacity(cache.documents.count)
                for (number, document) in cache.documents.enumerated() {
                    guard oldNumber.updateValue(number, forKey: document.id) == nil else { return nil }
                }
                source = [Int](repeating: -1, count: ordered.count)
                unchanged = [Bool](repeating: false, count: ordered.count)
                moved = [Int32](repeating: -1, count: cache.documents.count)
                var seen = Set<String>()
                for (number, document) in ordered.enumerated() {
                    guard seen.insert(document.id).inserted else { return nil }
                    guard let old = oldNumber[document.id] else { continue }
                    source[number] = old
                    unchanged[number] = cache.documents[old].digest == digests[number]
                    if old != number { stable = false }
                }
                for number in ordered.indices where source[number] >= 0 && (unchanged[number] || stable) {
                    moved[source[number]] = Int32(number)
                    if source[number] != number { firstMoved = min(firstMoved, source[number]) }
                }
            }
        }

        /// The edits of every token list, from the changed, added and removed documents, and the texts tokenised.
        static func edits(
            _ ordered: [SearchDocument], cache: SearchIndexCache, matching: Matching, statistics: inout SearchIndexStore.Statistics
        ) -> (edits: [UInt64: Edit], texts: [Int: String]) {
            var edits: [UInt64: Edit] = [:]
            var texts: [Int: String] = [:]
            var matched = [Bool](repeating: false, count: cache.documents.count)
            for (number, document) in ordered.enumerated() {
                let old = matching.source[number]
                if old >= 0 { matched[old] = true }
                if old >= 0 && matching.unchanged[number] { continue }
                let text = document.text
                texts[number] = text
                let new = tokens(title: document.title, text: text)
                statistics.documentsTokenised += 1
                if old >= 0 && matching.stable {
                    // Same number: only the tokens whose fields differ change their lists.
                    let before = tokens(title: cache.string(cache.documents[old].title), text: cache.string(cache.documents[old].text))
                    statistics.documentsTokenised += 1
                    for (key, fields) in before where new[key] != fields { edits[key, default: Edit()].drops.append(Int32(old)) }
                    for (key, fields) in new where before[key] != fields { edits[key, default: Edit()].adds.append(UInt32(number) << 2 | UInt32(fields)) }
                    continue
                }
                if old >= 0 { drop(old, from: cache, into: &edits, statistics: &statistics) }
                for (key, fields) in new { edits[key, default: Edit()].adds.append(UInt32(number) << 2 | UInt32(fields)) }
            }
            for (old, isMatched) in matched.enumerated() where !isMatched { drop(old, from: cache, into: &edits, statistics: &statistics) }
            return (edits, texts)
        }

        /// Each shard remade with its edits (and renumbered when it holds a document at or after `firstMoved`), nil
        /// for one that stays; nil in all when a shard cannot be read or the shard count would change.
        static func shards(
            _ cache: SearchIndexCache, edits: [UInt64: Edit], matching: Matching, shardCount: Int?
        ) -> [(json: [UInt8], end: Int)?]? {
            let count = cache.shards.count
            var byShard: [Int: [(token: [UInt8], edit: Edit)]] = [:]
            for (key, edit) in edits {
                let token = SearchTokenizer.token(forKey: key)
                byShard[SearchIndexLayout.shard(of: token, shardCount: count), default: []].append((Array(token.utf8), edit))
            }
            var shards: [(json: [UInt8], end: Int)?] = []
            var totalBytes = 0
            for (index, shard) in cache.shards.enumerated() {
                let renumbers = shard.end > matching.firstMoved
                guard renumbers || byShard[index] != nil else {
                    shards.append(nil)
                    totalBytes += shard.json.count > 2 ? shard.json.count - 1 : 0
                    continue
                }
                guard let made = remake(shard, of: cache, edits: byShard[index] ?? [], moved: matching.moved, renumbers: renumbers) else { return nil }
                shards.append(made)
                totalBytes += made.json.count > 2 ? made.json.count - 1 : 0
            }
            guard (shardCount ?? SearchIndexLayout.shardCount(forPostingBytes: totalBytes)) == count else { return nil }
            return shards
        }

        /// What one token's list loses and gains: cached document numbers taken out, current postings put in.
        struct Edit {
            var drops: [Int32] = []
            var adds: [UInt32] = []
        }

        /// Each token of a document with its fields (`PostingCodec.title`, `.body`), as `SearchIndexBuilder.invert`
        /// records them.
        static func tokens(title: String, text: String) -> [UInt64: UInt8] {
            var fields: [UInt64: UInt8] = [:]
            SearchTokenizer.forEachKey(in: title) { fields[$0, default: 0] |= PostingCodec.title }
            SearchTokenizer.forEachKey(in: text) { fields[$0, default: 0] |= PostingCodec.body }
            return fields
        }

        /// Marks every token of cached document `old` as losing it.
        static func drop(_ old: Int, from cache: SearchIndexCache, into edits: inout [UInt64: Edit], statistics: inout SearchIndexStore.Statistics) {
            let document = cache.documents[old]
            statistics.documentsTokenised += 1
            for key in tokens(title: cache.string(document.title), text: cache.string(document.text)).keys {
                edits[key, default: Edit()].drops.append(Int32(old))
            }
        }

        /// A cached shard with its edited tokens' lists edited and, when `renumbers`, every list renumbered (`moved`:
        /// the current number of each cached document, -1 when its postings go); nil when its JSON cannot be read.
        static func remake(
            _ shard: SearchIndexCache.Shard, of cache: SearchIndexCache, edits: [(token: [UInt8], edit: Edit)], moved: [Int32], renumbers: Bool
        ) -> (json: [UInt8], end: Int)? {
            guard var entries = ShardJSON.entries(cache.bytes[shard.json]) else { return nil }
            var pending = Dictionary(edits.map { ($0.token, $0.edit) }, uniquingKeysWith: { $1 })
            var result: [(token: [UInt8], postings: [UInt32]?, encoded: ArraySlice<UInt8>)] = []
            result.reserveCapacity(entries.count + pending.count)
            for entry in entries {
                let token = Array(cache.bytes[entry.token])
                let encoded = cache.bytes[entry.postings]
                let edit = pending.removeValue(forKey: token)
                guard edit != nil || renumbers else {
                    result.append((token, nil, encoded))
                    continue
                }
                guard let postings = PostingCodec.decode(bytes: encoded) else { return nil }
                let kept = postings.compactMap { posting -> UInt32? in
                    let old = Int(posting >> 2)
                    guard old < moved.count, moved[old] >= 0, edit?.drops.contains(Int32(old)) != true else { return nil }
                    return UInt32(moved[old]) << 2 | posting & 3
                }
                let merged = merge(kept, (edit?.adds ?? []).sorted())
                if !merged.isEmpty { result.append((token, merged, [])) }
            }
            for (token, edit) in pending where !edit.adds.isEmpty { result.append((token, edit.adds.sorted(), [])) }
            entries = []
            result.sort { $0.token.lexicographicallyPrecedes($1.token) }
            var json: [UInt8] = [UInt8(ascii: "{")]
            var end = 0
            for (index, entry) in result.enumerated() {
                if index > 0 { json.append(UInt8(ascii: ",")) }
                json.append(UInt8(ascii: "\""))
                json += entry.token
                json += "\":\"".utf8
                if let postings = entry.postings {
                    PostingCodec.encode(postings, into: &json)
                    end = max(end, Int(postings.last! >> 2) + 1)
                } else {
                    json += entry.encoded
                    guard let last = PostingCodec.decode(bytes: entry.encoded)?.last else { return nil }
                    end = max(end, Int(last >> 2) + 1)
                }
                json.append(UInt8(ascii: "\""))
            }
            json.append(UInt8(ascii: "}"))
            return (json, end)
        }

        /// Two ascending posting lists with no document in both, as one.
        static func merge(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
            guard !b.isEmpty else { return a }
            guard !a.isEmpty else { return b }
            var merged: [UInt32] = []
            merged.reserveCapacity(a.count + b.count)
            var (i, j) = (0, 0)
            while i < a.count || j < b.count {
                if j == b.count || (i < a.count && a[i] < b[j]) {
                    merged.append(a[i])
                    i += 1
                } else {
                    merged.append(b[j])
                    j += 1
                }
            }
            return merged
        }

        /// Emits meta, facets, shards and document files in `SearchIndexBuilder`'s order, writing the new cache.
        func emit(
            to output: inout Output, previous: [String: String], writer: SearchIndexCache.Writer?, statistics: inout SearchIndexStore.Statistics
        ) throws {
            let facets = SearchFacets(ordered)
            try output.file(SearchIndexLayout.metaPath, SearchRecords.meta(facets, documents: ordered.count, shards: shards.count))
            try output.file(SearchIndexLayout.facetsPath, SearchRecords.facets(facets, ordered))
            if let writer {
                for (number, document) in ordered.enumerated() {
                    let text = texts[number].map { ArraySlice($0.utf8) } ?? cache.bytes[cache.documents[source[number]].text]
                    writer.addDocument(id: document.id, digest: digests[number], title: document.title.utf8, text: text)
                }
            }
            for (index, made) in shards.enumerated() {
                let path = SearchIndexLayout.shardPath(index)
                if let made {
                    statistics.shardsMade += 1
                    try output.file(path, Data(made.json))
                    writer?.addShard(json: made.json, end: made.end)
                } else {
                    let cached = cache.shards[index]
                    try output.reuse(path) { Data(cache.bytes[cached.json]) }
                    writer?.addShard(json: cache.bytes[cached.json], end: cached.end)
                }
            }
            let perFile = SearchIndexLayout.documentsPerFile
            for (file, first) in stride(from: 0, to: ordered.count, by: perFile).enumerated() {
                let numbers = first..<min(ordered.count, first + perFile)
                let make = { SearchRecords.documents(records: numbers.map(record)) }
                // The same documents at the same numbers as the cached file `file` had: that file, unchanged.
                let same =
                    numbers.allSatisfy { unchanged[$0] && source[$0] == $0 } && min(cache.documents.count, first + perFile) == numbers.upperBound
                if same {
                    try output.reuse(SearchIndexLayout.documentPath(file: file), orMake: make)
                } else {
                    statistics.documentFilesMade += 1
                    try output.file(SearchIndexLayout.documentPath(file: file), make())
                }
            }
        }

        /// What a result shows of the document numbered `number`, its text taken from the cache when unchanged.
        func record(_ number: Int) -> SearchRecords.Document {
            let text = texts[number] ?? cache.string(cache.documents[source[number]].text)
            return SearchRecords.record(ordered[number], text: text)
        }
    }
}
