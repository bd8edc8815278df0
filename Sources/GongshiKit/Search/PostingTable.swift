/// The inverted index while it is built: for every token, its posting list already in `PostingCodec`'s text form,
/// documents added in ascending order. Tokens get dense ids on first sight (unigrams through a flat table, bigrams
/// through a dictionary) so that each occurrence costs at most one hash lookup.
///
/// Kept encoded because most postings take one character: the index of 1000 organisations has about 18 million
/// postings, which as 4-byte numbers in growing arrays held a third of the build's peak memory.
struct PostingTable {
    /// Token keys (see `SearchTokenizer.forEachKey`) by id.
    private(set) var keys: [UInt64] = []
    /// The encoded posting list by token id.
    private(set) var encoded: [[UInt8]] = []
    /// The last document added to each token, and where its posting starts in `encoded` (its first character holds
    /// the field flags).
    private var lastDocument: [Int32] = []
    private var lastStart: [Int32] = []
    private var unigramIDs = [Int32](repeating: -1, count: 0x3_1350)
    private var bigramIDs: [UInt64: Int32] = [:]

    /// Records that document `document` (not lower than any added before) holds `key` in `field`.
    mutating func add(_ key: UInt64, document: Int, field: UInt8) {
        let id = self.id(of: key)
        let previous = lastDocument[id]
        if previous == Int32(document) {
            // Same document, another field: the flags are the low bits of the posting's first character.
            let start = Int(lastStart[id])
            let digit = PostingCodec.digits[Int(encoded[id][start])]
            encoded[id][start] = PostingCodec.alphabet[Int(digit) | Int(field)]
            return
        }
        lastDocument[id] = Int32(document)
        lastStart[id] = Int32(encoded[id].count)
        PostingCodec.append(gap: document - Int(previous) - 1, fields: field, to: &encoded[id])
    }

    /// The encoded postings of token `id`, leaving none in the table (so they are freed once written).
    mutating func takeEncoded(_ id: Int) -> [UInt8] {
        defer { encoded[id] = [] }
        return encoded[id]
    }

    private mutating func id(of key: UInt64) -> Int {
        let known = key < UInt64(unigramIDs.count) ? unigramIDs[Int(key)] : bigramIDs[key] ?? -1
        if known >= 0 { return Int(known) }
        let id = keys.count
        if key < UInt64(unigramIDs.count) { unigramIDs[Int(key)] = Int32(id) } else { bigramIDs[key] = Int32(id) }
        keys.append(key)
        encoded.append([])
        lastDocument.append(-1)
        lastStart.append(0)
        return id
    }
}
