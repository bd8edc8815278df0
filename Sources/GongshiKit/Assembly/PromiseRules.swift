/// Consistency rules of a promise letter that the schema alone cannot express.
enum PromiseRules {
    static func check(_ letter: PromiseLetter) -> [Diagnostic] {
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
        }
        if let review = letter.review, review.date < letter.published {
            diagnostics.append(.error(letter.source, "review.date", "述职评议日期 \(review.date) 早于承诺公示日期 \(letter.published)"))
        }
        return diagnostics
    }
}
