/// The inverted index while it is built: for every token, its posting list already in `PostingCodec`'s text form,
/// documents added in ascending order. Tokens get dense ids on first sight (unigrams through a flat table, bigrams
/// through an open-addressing table of their own) so that each occurrence costs at most one cheap hash probe.
///
/// Kept encoded because most postings take one character: the index of 1000 organisations has about 18 million
/// postings, which as 4-byte numbers in growing arrays held a third of the build's peak memory.
struct PostingTable {
    /// Token keys (see `SearchTokenizer.forEachKey`) by id.
    private(set) var keys: [UInt64] = []
    /// The encoded posting list by token id.
    private(set) var encoded: [[UInt8]] = []
    /// The last document added to each token, where its posting starts in `encoded` (its first character holds
    /// the field flags) and the flags it holds so far.
    private var last: [Last] = []
    private var unigramIDs = [Int32](repeating: -1, count: 0x3_1350)
    private var bigramIDs = KeyTable()

    private struct Last {
        var document: Int32
        var start: Int32
        var fields: UInt8
    }

    /// Records that document `document` (not lower than any added before) holds `key` in `field`.
    mutating func add(_ key: UInt64, document: Int, field: UInt8) {
        let id = self.id(of: key)
        let previous = last[id]
        if previous.document == Int32(document) {
            // A repeat in the same document, in a field already recorded, changes nothing.
            let fields = previous.fields | field
            guard fields != previous.fields else { return }
            // Another field: the flags are the low bits of the posting's first character.
            last[id].fields = fields
            let start = Int(previous.start)
            let digit = PostingCodec.digits[Int(encoded[id][start])]
            encoded[id][start] = PostingCodec.alphabet[Int(digit) | Int(field)]
            return
        }
        last[id] = Last(document: Int32(document), start: Int32(encoded[id].count), fields: field)
        PostingCodec.append(gap: document - Int(previous.document) - 1, fields: field, to: &encoded[id])
    }

    /// The highest document holding token `id`.
    func lastDocument(_ id: Int32) -> Int { Int(last[Int(id)].document) }

    /// The encoded postings of token `id`, leaving none in the table (so they are freed once written).
    mutating func takeEncoded(_ id: Int) -> [UInt8] {
        defer { encoded[id] = [] }
        return encoded[id]
    }

    @inline(__always)
    private mutating func id(of key: UInt64) -> Int {
        let isUnigram = key < UInt64(unigramIDs.count)
        let known = isUnigram ? unigramIDs[Int(key)] : bigramIDs.id(of: key)
        if known >= 0 { return Int(known) }
        let id = keys.count
        if isUnigram { unigramIDs[Int(key)] = Int32(id) } else { bigramIDs.insert(key, id: Int32(id)) }
        keys.append(key)
        encoded.append([])
        last.append(Last(document: -1, start: 0, fields: 0))
        return id
    }
}

/// Bigram key → token id, open addressing with linear probing and a multiplicative hash: the standard
/// `Dictionary` hashes every lookup with SipHash, and a build looks up tens of millions of bigrams. Keys are never
/// 0 (bigram keys carry `SearchTokenizer.bigramFlag`), so 0 marks an empty slot.
private struct KeyTable {
    private var slots = [UInt64](repeating: 0, count: 1 << 12)
    private var ids = [Int32](repeating: -1, count: 1 << 12)
    private var count = 0
    private var shift: UInt64 = 64 - 12

    /// The id of `key`, or -1.
    @inline(__always)
    func id(of key: UInt64) -> Int32 {
        let mask = slots.count - 1
        var index = slot(key)
        while true {
            let held = slots[index]
            if held == key { return ids[index] }
            if held == 0 { return -1 }
            index = (index + 1) & mask
        }
    }

    /// Adds `key` (not yet held) with `id`.
    mutating func insert(_ key: UInt64, id: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        place(key, id: id)
        count += 1
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    private mutating func place(_ key: UInt64, id: Int32) {
        let mask = slots.count - 1
        var index = slot(key)
        while slots[index] != 0 { index = (index + 1) & mask }
        slots[index] = key
        ids[index] = id
    }

    private mutating func grow() {
        let (oldSlots, oldIDs) = (slots, ids)
        slots = [UInt64](repeating: 0, count: oldSlots.count * 2)
        ids = [Int32](repeating: -1, count: oldSlots.count * 2)
        shift -= 1
        for (key, id) in zip(oldSlots, oldIDs) where key != 0 { place(key, id: id) }
    }
}
