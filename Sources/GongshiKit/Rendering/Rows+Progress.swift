/// What residents see of an item's 践诺: the target with how much is done, the latest record, 久未更新, and the
/// records themselves, newest first.
extension Rows {
    /// 已完成 n / target of a quantified item.
    struct Target: Encodable, Sendable {
        /// 「已完成 23 / 40 人次（58%）」
        let text: String
        /// 「已完成 23/40 人次（58%）」, for lists and posters.
        let short: String
        /// The bar's filled part, 0–100 (an over-fulfilled item fills it).
        let barWidth: Int
    }

    /// One 践诺 record.
    struct Entry: Encodable, Sendable {
        let date, text: String
        /// 「12 人次」: the amount done in this record, with the target's unit.
        let count: String?
        /// The record's anchor on the letter's page (also its feed entry's id), `ProgressAnchors`.
        let anchor: String
        /// The record's photos as thumbnails (small version, caption as alt text, linked to the large version).
        let images: [Photo]
    }

    /// The target row of `item`, nil when it has none.
    static func target(of item: PromiseItem) -> Target? {
        guard let target = item.target, let done = item.doneCount else { return nil }
        let percent = target.count > 0 ? (done * 200 + target.count) / (target.count * 2) : nil
        let share = percent.map { "（\($0)%）" } ?? ""
        return Target(
            text: "已完成 \(done) / \(target.count) \(target.unit)\(share)", short: "已完成 \(done)/\(target.count) \(target.unit)\(share)",
            barWidth: min(100, max(0, percent ?? 0)))
    }

    /// The records of `item`, newest first, with the anchors `ProgressAnchors` gives them.
    func entries(of item: PromiseItem, anchors: [String]) -> [Entry] {
        zip(item.entriesNewestFirst, anchors).map { entry, anchor in
            let unit = item.target.map { " \($0.unit)" } ?? ""
            return Entry(
                date: entry.date.description, text: entry.text, count: entry.count.map { "\($0)\(unit)" }, anchor: anchor,
                images: entry.imageFiles.map { photo($0, use: .thumb) })
        }
    }
}
