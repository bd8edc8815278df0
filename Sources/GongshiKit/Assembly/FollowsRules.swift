/// `follows`: a later item links to the one it implements (决议公开 → 实施结果公开). The target exists, is not the
/// item itself, forms no cycle, and is published whenever the item is: a public item never points at one that is not.
/// A target that was published and has since retired (`retire_after_days`) is only a warning: the date, not an edit,
/// took it off the site, and a nightly build must not start failing for it; the pages link only to published items,
/// so the follower's page then simply has no link.
enum FollowsRules {
    /// `withheld`: id → why that item stays off the site, for the items `PublicationPolicy` withholds; `retired`: the
    /// ids among them withheld only by their topic's `retire_after_days`.
    static func check(_ items: [Disclosure], withheld: [String: String], retired: Set<String> = []) -> [Diagnostic] {
        let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var diagnostics: [Diagnostic] = []
        for item in items {
            guard let target = item.follows else { continue }
            if target == item.id {
                diagnostics.append(.error(item.source, "follows", "follows 不能是本事项自己（\(target)）：应填本事项所落实的另一项党务公开事项的 id"))
                continue
            }
            guard byID[target] != nil else {
                var message = "字段 follows 引用的党务公开事项「\(target)」不存在：content/disclosures/ 中没有 id 为 \(target) 的事项"
                if let guess = byID.keys.filter({ $0 != item.id }).sorted().nearest(to: target) { message += "；是否应为 \(guess)？" }
                diagnostics.append(.error(item.source, "follows", message))
                continue
            }
            if withheld[item.id] == nil, retired.contains(target), let reason = withheld[target] {
                diagnostics.append(
                    .warning(
                        item.source, "follows",
                        "follows 引用的事项 \(target) 已不再公开：\(reason)。本事项照常发布，页面上不再链接它", kind: .unpublished))
            } else if withheld[item.id] == nil, let reason = withheld[target] {
                diagnostics.append(
                    .error(
                        item.source, "follows",
                        "本事项会发布到网站，而 follows 引用的事项 \(target) 不会发布：\(reason)。公开的事项不能链接到不公开的事项："
                            + "请去掉 follows，或先让 \(target) 能够发布"))
            }
        }
        return diagnostics + cycles(byID)
    }

    /// Every item on a `follows` cycle of two or more gets one error naming the whole cycle.
    static func cycles(_ byID: [String: Disclosure]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for id in byID.keys.sorted() {
            guard let item = byID[id] else { continue }
            var chain = [id]
            var current = item
            while let next = current.follows, next != id, let target = byID[next], !chain.contains(next) {
                chain.append(next)
                current = target
            }
            if current.follows == id, chain.count > 1 {
                let cycle = (chain + [id]).joined(separator: " → ")
                diagnostics.append(.error(item.source, "follows", "follows 形成循环：\(cycle)；后一项落实前一项，不能兜回来"))
            }
        }
        return diagnostics
    }
}
