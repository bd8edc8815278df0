/// Consistency rules of a promise letter that the schema alone cannot express.
enum PromiseRules {
    static func check(_ letter: PromiseLetter, config: SiteConfig, asOf: Day) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, item) in letter.items.enumerated() {
            let key = "items.\(index)"
            let label = "第 \(index + 1) 项承诺"
            switch (item.status, item.done) {
            case (.fulfilled, nil):
                diagnostics.append(.error(letter.source, "\(key).status", "\(label)状态为已兑现，必须填写兑现日期 done"))
            case (let status, .some) where status != .fulfilled:
                diagnostics.append(.error(letter.source, "\(key).done", "\(label)状态为\(status.rawValue)，不能填写兑现日期 done（只有已兑现才填写）"))
            default:
                break
            }
            if item.status == .unfulfilled || item.status == .postponed, (item.note ?? "").isEmpty {
                diagnostics.append(.error(letter.source, "\(key).status", "\(label)状态为\(item.status.rawValue)，必须在 note 中说明原因"))
            }
            if let done = item.done, done < letter.published {
                diagnostics.append(.warning(letter.source, "\(key).done", "\(label)的兑现日期 \(done) 早于承诺公示日期 \(letter.published)，请核对", kind: .dateOrder))
            }
            diagnostics += progress(item, key: key, label: label, letter: letter, asOf: asOf)
            if item.isStale(asOf: asOf, published: letter.published, staleDays: config.staleDays) {
                diagnostics.append(stale(item, key: key, label: label, letter: letter, config: config, asOf: asOf))
            }
        }
        if let review = letter.review, review.date < letter.published {
            diagnostics.append(.error(letter.source, "review.date", "述职评议日期 \(review.date) 早于承诺公示日期 \(letter.published)"))
        }
        return diagnostics
    }

    /// 践诺记录: each entry between the letter's publication and the as-of date; `count` only towards a `target`.
    static func progress(_ item: PromiseItem, key: String, label: String, letter: PromiseLetter, asOf: Day) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (number, entry) in (item.progress ?? []).enumerated() {
            let entryKey = "\(key).progress.\(number)"
            let entryLabel = "\(label)的第 \(number + 1) 条践诺记录"
            if entry.date < letter.published {
                diagnostics.append(
                    .error(
                        letter.source, "\(entryKey).date",
                        "\(entryLabel)日期 \(entry.date) 早于承诺公示日期 published（\(letter.published)）：践诺记录的是公示承诺之后做的事，请核对日期"))
            } else if asOf < entry.date {
                diagnostics.append(
                    .error(
                        letter.source, "\(entryKey).date",
                        "\(entryLabel)日期 \(entry.date) 晚于数据截至日期 \(asOf)：只记录已经做了的事，请核对日期"))
            }
            if entry.count != nil, item.target == nil {
                diagnostics.append(
                    .error(
                        letter.source, "\(entryKey).count",
                        "\(entryLabel)填写了 count，但\(label)没有量化目标 target：count 是计入目标的完成数量，"
                            + "请给这一项写上 target（如 target: {count: 40, unit: 人次}），或删去 count"))
            }
        }
        return diagnostics
    }

    /// 久未更新: an item 进行中 without a 践诺 entry for more than `stale_days` days.
    static func stale(_ item: PromiseItem, key: String, label: String, letter: PromiseLetter, config: SiteConfig, asOf: Day) -> Diagnostic {
        let since: String
        if let latest = item.latestProgress {
            since = "最近一条践诺记录是 \(latest)（\(asOf.ordinal - latest.ordinal) 天前）"
        } else {
            since = "自承诺公示（\(letter.published)）以来还没有践诺记录（已 \(asOf.ordinal - letter.published.ordinal) 天）"
        }
        return .warning(
            letter.source, "\(key).status",
            "\(label)进行中，\(since)，超过 \(config.staleDays) 天没有更新：请在 progress 中补记践诺情况，网站上现在显示“久未更新”",
            kind: .stale)
    }
}
