/// The inverted index while it is built: for every token, the documents holding it, added in ascending order.
/// Tokens get dense ids on first sight (unigrams through a flat table, bigrams through a dictionary) so that each
/// occurrence costs at most one hash lookup.
struct PostingTable {
    /// Token keys (see `SearchTokenizer.forEachKey`) by id.
    private(set) var keys: [UInt64] = []
    /// `doc << 2 | fields` by token id, ascending.
    private(set) var postings: [[UInt32]] = []
    private var lastDocument: [Int] = []
    private var unigramIDs = [Int](repeating: -1, count: 0x3_1350)
    private var bigramIDs: [UInt64: Int] = [:]

    /// Records that document `document` (not lower than any added before) holds `key` in `field`.
    mutating func add(_ key: UInt64, document: Int, field: UInt8) {
        let id = self.id(of: key)
        if lastDocument[id] == document {
            postings[id][postings[id].count - 1] |= UInt32(field)
        } else {
            lastDocument[id] = document
            postings[id].append(UInt32(document) << 2 | UInt32(field))
        }
    }

    /// The postings of token `id`, leaving none in the table (so they are freed once written).
    mutating func takePostings(_ id: Int) -> [UInt32] {
        defer { postings[id] = [] }
        return postings[id]
    }

    private mutating func id(of key: UInt64) -> Int {
        let known = key < UInt64(unigramIDs.count) ? unigramIDs[Int(key)] : bigramIDs[key] ?? -1
        if known >= 0 { return known }
        let id = keys.count
        if key < UInt64(unigramIDs.count) { unigramIDs[Int(key)] = id } else { bigramIDs[key] = id }
        keys.append(key)
        postings.append([])
        lastDocument.append(-1)
        return id
    }
}
