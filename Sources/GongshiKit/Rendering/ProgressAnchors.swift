/// The anchors of a letter's 践诺 records: `jn-<date>-<digest of the item's and the record's text>`, so a record
/// keeps its anchor (and its feed entry its id) when others are added, removed or reordered; a second record with
/// the same date and text gets `-2`, and so on.
enum ProgressAnchors {
    /// Per item, the anchors of its records newest first (`PromiseItem.entriesNewestFirst`).
    static func make(_ letter: PromiseLetter) -> [[String]] {
        var seen: [String: Int] = [:]
        return letter.items.map { item in
            item.entriesNewestFirst.map { entry in
                let digest = SHA256.hex("\(item.text)\u{0}\(entry.date)\u{0}\(entry.text)").prefix(10)
                let base = "jn-\(entry.date)-\(digest)"
                let n = seen[base, default: 0] + 1
                seen[base] = n
                return n == 1 ? base : "\(base)-\(n)"
            }
        }
    }
}
