/// Reads a shard's `{token: postings}` JSON as `SearchIndexBuilder.shardJSON` writes it (nothing escaped).
enum ShardJSON {
    /// The ranges of each token and its postings, in order; nil when `json` is not in that form.
    static func entries(_ json: ArraySlice<UInt8>) -> [(token: Range<Int>, postings: Range<Int>)]? {
        let quote = UInt8(ascii: "\"")
        var index = json.startIndex
        guard json.count >= 2, json[index] == UInt8(ascii: "{"), json[json.endIndex - 1] == UInt8(ascii: "}") else { return nil }
        index += 1
        let end = json.endIndex - 1
        var entries: [(token: Range<Int>, postings: Range<Int>)] = []
        func quoted() -> Range<Int>? {
            guard index < end, json[index] == quote else { return nil }
            let start = index + 1
            guard let close = json[start..<end].firstIndex(of: quote) else { return nil }
            index = close + 1
            return start..<close
        }
        while index < end {
            if !entries.isEmpty {
                guard json[index] == UInt8(ascii: ",") else { return nil }
                index += 1
            }
            guard let token = quoted(), index < end, json[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            guard let postings = quoted() else { return nil }
            entries.append((token, postings))
        }
        return entries
    }
}
