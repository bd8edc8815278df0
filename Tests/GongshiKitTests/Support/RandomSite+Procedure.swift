import Foundation

@testable import GongshiKit

/// The fields of issue 15: 践诺 targets and records, the disclosure procedure (提出, 审批组织, topic, 结果公开,
/// `follows`), 报到党员 and the site's notice rules. The generator writes only content the rules accept; `repairAll`
/// restores that after every edit (a moved as-of date, a deleted or withheld target, a changed rule), so an edit
/// of one record may also adjust the records that depend on it, as a careful editor would.
extension RandomSite {
    static let topics = BuiltinTopic.all
    static let extraTopics = ["社区议事", "物业管理"]

    /// Every topic the site knows: the built-in ones and `site.yaml`'s own.
    var allTopics: [String] { Self.topics + (site["topics"]?.items.compactMap(\.text) ?? []).filter { !Self.topics.contains($0) } }

    /// The notice rule of `topic` as the site sets it over the built-in 发展党员 rule, field by field.
    func rule(for topic: String?) -> (minWorkingDays: Int?, untilRequired: Bool, parentApprover: Bool, retireAfterDays: Int?)? {
        guard let topic else { return nil }
        let own = site["notice_rules"]?[topic]
        let builtin = topic == "发展党员"
        guard own != nil || builtin else { return nil }
        let minimum = own?["min_working_days"]?.text.flatMap { Int($0) } ?? (builtin ? 5 : nil)
        let required = own?["until_required"]?.text.map { $0 == "true" } ?? builtin
        return (minimum, required, own?["approver_level"]?.text == "parent", own?["retire_after_days"]?.text.flatMap { Int($0) })
    }

    /// Working days from `start` to `end`, both included: Monday to Friday (day 0, 1900-01-01, was a Monday) that
    /// are not `holidays`.
    func workingDays(from start: SimpleDate, through end: SimpleDate) -> Int {
        guard start <= end else { return 0 }
        let holidays = Set((site["holidays"]?.items ?? []).compactMap { SimpleDate.parse($0.text)?.ordinal })
        return (start.ordinal...end.ordinal).filter { $0 % 7 < 5 && !holidays.contains($0) }.count
    }

    /// Whether the site's rules take `record` off the public site on the as-of date: `definitely` only when every
    /// reading of 「N days after until」 agrees, `possibly` when one does (the boundary days). Only when the engine
    /// retires items at all (`retires`).
    func retirement(of record: RandomRecord) -> (definitely: Bool, possibly: Bool) {
        guard Self.retires, record.kind == .disclosures, let days = rule(for: record.fields["topic"]?.text)?.retireAfterDays,
            let until = SimpleDate.parse(record.fields["until"]?.text)
        else { return (false, false) }
        return (until.ordinal + days + 1 < asOf.ordinal, until.ordinal + days <= asOf.ordinal)
    }

    /// Whether the build retires items by `retire_after_days` (asked of the engine once, with a one-item site).
    static let retires: Bool = {
        guard
            let site = try? TestSite([
                "site.yaml": Sample.site + "\nnotice_rules: {发展党员: {retire_after_days: 0}}\n",
                "content/branches/a.md": "---\nid: a\nname: 甲支部\ntype: 党支部\nfield: 农村\n---\n",
                "content/disclosures/d.md":
                    "---\nid: d\nbranch: a\ntitle: 发展对象公示\ncategory: 组织建设\ntopic: 发展党员\nscope: 社会公开\npublished: 2026-01-05\nuntil: 2026-01-16\nreviewed: {by: 组织委员 甲, date: 2026-01-02}\napproved: {by: 书记 乙, date: 2026-01-03}\n---\n",
            ]), (try? site.build()) != nil
        else { return false }
        return !FileManager.default.fileExists(atPath: site.output.appendingPathComponent("disclosures/d/index.html").path)
    }()

    // MARK: Values

    /// A fresh value for one of the new keys (nil: leave the optional field out).
    mutating func procedureValue(for key: String, of record: RandomRecord, _ g: inout SeededGenerator) -> YAMLValue? {
        let published = SimpleDate.parse(record.fields["published"]?.text) ?? asOf
        switch (record.kind, key) {
        case (.branches, "registered"): return g.chance(0.7) ? nil : .plain(String(g.int(0...150)))
        case (.promises, "items.target"), (.promises, "items.progress"):
            var items = record.fields["items"]?.items ?? []
            guard !items.isEmpty else { return .list([Self.promiseItem(published: published, &g)]) }
            let n = g.int(0...items.count - 1)
            items[n] = key == "items.target" ? Self.retarget(items[n], &g) : editProgress(items[n], published: published, &g)
            return .list(items)
        case (.disclosures, "proposed"):
            guard g.chance(0.6) else { return nil }
            return .map([
                YAMLField(key: "by", value: .quoted("宣传委员 \(Self.name(&g))")),
                YAMLField(key: "date", value: .plain((published + -g.int(5...15)).description)),
            ])
        case (.disclosures, "approved.org"):
            guard case .map(var approved)? = record.fields["approved"] else { return record.fields["approved"] }
            approved.removeAll { $0.key == "org" }
            let ancestry = ancestry(of: record.fields["branch"]?.text)
            if g.chance(0.7), !ancestry.isEmpty { approved.append(YAMLField(key: "org", value: .plain(g.pick(ancestry)))) }
            return .map(approved)
        case (.disclosures, "topic"): return g.chance(0.3) ? nil : .plain(g.pick(allTopics))
        case (.disclosures, "outcome"):
            guard g.chance(0.6) else { return nil }
            let start = SimpleDate.parse(record.fields["until"]?.text) ?? published
            guard start <= asOf else { return nil }
            var fields = [
                YAMLField(key: "date", value: .plain(Self.date(&g, from: start, to: min(asOf, start + 30)).description)),
                YAMLField(key: "text", value: .quoted(g.pick(["公示期内未收到反映，按程序办理。", "收到意见已逐条答复，结果见附件。", "项目已按决议实施完毕。"]))),
            ]
            if g.chance(0.8) { fields.append(YAMLField(key: "received", value: .plain(String(g.int(0...6))))) }
            return .map(fields)
        case (.disclosures, "follows"):
            guard g.chance(0.6) else { return nil }
            let targets = records.filter { followable($0, by: record) }.map(\.id)
            return targets.isEmpty ? nil : .plain(g.pick(targets))
        default: preconditionFailure("no generator for \(record.kind).\(key)")
        }
    }

    /// A new target for an item, or none; the records' counts go with it (a count only with a target).
    static func retarget(_ item: YAMLValue, _ g: inout SeededGenerator) -> YAMLValue {
        let target: YAMLValue? =
            g.chance(0.3)
            ? nil
            : .map([
                YAMLField(key: "count", value: .plain(String(g.int(1...60)))),
                YAMLField(key: "unit", value: .plain(g.pick(["人次", "户", "次", "场"]))),
            ])
        var result = item.setting("target", target)
        if target == nil { result = result.setting("progress", (item["progress"]?.items).map { .list($0.map { $0.setting("count", nil) }) }) }
        return result
    }

    /// Adds a 践诺 record to an item, removes one, or rewrites one's text or count.
    func editProgress(_ item: YAMLValue, published: SimpleDate, _ g: inout SeededGenerator) -> YAMLValue {
        var entries = item["progress"]?.items ?? []
        let roll = g.int(0...99)
        if roll < 25, !entries.isEmpty {
            entries.remove(at: g.int(0...entries.count - 1))
        } else if roll < 40, !entries.isEmpty {
            let n = g.int(0...entries.count - 1)
            entries[n] = entries[n].setting("text", .quoted("\(Self.sentence(&g))（第\(g.int(1...9))次）"))
            if item["target"] != nil { entries[n] = entries[n].setting("count", .plain(String(g.int(0...15)))) }
        } else if published <= asOf {
            entries.append(Self.progressEntry(from: published, to: asOf, quantified: item["target"] != nil, &g))
        }
        return item.setting("progress", entries.isEmpty && g.chance(0.5) ? nil : .list(entries))
    }

    static func progressEntry(from: SimpleDate, to: SimpleDate, quantified: Bool, _ g: inout SeededGenerator) -> YAMLValue {
        var fields = [
            YAMLField(key: "date", value: .plain(date(&g, from: from, to: to).description)),
            YAMLField(key: "text", value: .quoted(sentence(&g))),
        ]
        if quantified, g.chance(0.85) { fields.append(YAMLField(key: "count", value: .plain(String(g.int(0...15))))) }
        return .map(fields)
    }

    /// A new item's target and records (`promiseItem` adds them).
    static func progressFields(published: SimpleDate, asOf: SimpleDate, _ g: inout SeededGenerator) -> [YAMLField] {
        var fields: [YAMLField] = []
        let quantified = g.chance(0.3)
        if quantified {
            fields.append(
                YAMLField(
                    key: "target",
                    value: .map([YAMLField(key: "count", value: .plain(String(g.int(1...60)))), YAMLField(key: "unit", value: .plain("人次"))])))
        }
        if published <= asOf, g.chance(0.5) {
            fields.append(
                YAMLField(key: "progress", value: .list((0..<g.int(1...4)).map { _ in progressEntry(from: published, to: asOf, quantified: quantified, &g) })))
        }
        return fields
    }

    mutating func procedureSiteValue(for key: String, _ g: inout SeededGenerator) -> YAMLValue? {
        switch key {
        case "topics": return g.chance(0.4) ? nil : .list(Self.extraTopics.filter { _ in g.chance(0.6) }.map { .plain($0) })
        case "procedure": return g.chance(0.5) ? nil : .map([YAMLField(key: "allow_same_reviewer_approver", value: .plain(g.chance(0.5) ? "true" : "false"))])
        case "stale_days": return g.chance(0.4) ? nil : .plain(String(g.int(1...200)))
        case "outcome_due_days": return g.chance(0.4) ? nil : .plain(String(g.int(0...30)))
        case "notice_rules":
            guard g.chance(0.7) else { return nil }
            return .map(
                allTopics.filter { _ in g.chance(0.25) }.map { topic in
                    var rule: [YAMLField] = []
                    if g.chance(0.5) { rule.append(YAMLField(key: "min_working_days", value: .plain(String(g.int(1...10))))) }
                    if g.chance(0.4) { rule.append(YAMLField(key: "until_required", value: .plain(g.chance(0.5) ? "true" : "false"))) }
                    if g.chance(0.3) { rule.append(YAMLField(key: "approver_level", value: .plain(g.pick(["any", "parent"])))) }
                    if g.chance(0.3) { rule.append(YAMLField(key: "retire_after_days", value: .plain(String(g.int(0...60))))) }
                    return YAMLField(key: topic, value: .map(rule))
                })
        default: preconditionFailure("no generator for site.yaml \(key)")
        }
    }

    // MARK: Repairs

    /// `id` and the organisations above it, nearest first (empty when there is no such organisation).
    func ancestry(of id: String?) -> [String] {
        var chain: [String] = []
        var next = id
        let parents = Dictionary(records(.branches).map { ($0.id, $0.fields["parent"]?.text) }, uniquingKeysWith: { first, _ in first })
        while let current = next, parents.keys.contains(current), !chain.contains(current) {
            chain.append(current)
            next = parents[current] ?? nil
        }
        return chain
    }

    /// Whether `record` may name `target` in `follows`: another published disclosure, published no later, that does
    /// not (through its own `follows`) lead back to `record`.
    func followable(_ target: RandomRecord, by record: RandomRecord) -> Bool {
        guard target.kind == .disclosures, target.id != record.id, isPublished(target), !retirement(of: target).possibly,
            let own = SimpleDate.parse(record.fields["published"]?.text), let theirs = SimpleDate.parse(target.fields["published"]?.text),
            theirs <= own
        else { return false }
        var seen: Set<String> = [target.id]
        var next = target.fields["follows"]?.text
        while let id = next, !seen.contains(id) {
            if id == record.id { return false }
            seen.insert(id)
            next = records.first { $0.kind == .disclosures && $0.id == id }?.fields["follows"]?.text
        }
        return true
    }

    /// Restores, on every record, the rules the new fields must keep (run after every mutation).
    mutating func repairAll() {
        if case .map(let rules)? = site["notice_rules"] {
            let known = Set(allTopics)
            site["notice_rules"] = .map(rules.filter { known.contains($0.key) })
        }
        for index in records.indices {
            switch records[index].kind {
            case .promises: repairProgress(index)
            case .disclosures: repairProcedure(index)
            default: break
            }
        }
        // Links last: they depend on what the repairs above left published.
        for index in records.indices where records[index].kind == .disclosures {
            if let target = records[index].fields["follows"]?.text,
                !records.contains(where: { $0.id == target && followable($0, by: records[index]) })
            {
                records[index].fields["follows"] = nil
            }
        }
    }

    /// 践诺 records within the letter's publication and the as-of date; counts only with a target.
    mutating func repairProgress(_ index: Int) {
        guard let published = SimpleDate.parse(records[index].fields["published"]?.text), case .list(let items)? = records[index].fields["items"] else {
            return
        }
        let repaired: [YAMLValue] = items.map { item in
            guard let entries = item["progress"]?.items else { return item }
            let kept = entries.filter { entry in
                guard let date = SimpleDate.parse(entry["date"]?.text) else { return false }
                return published <= date && date <= asOf
            }
            let quantified = item["target"] != nil
            return item.setting("progress", .list(quantified ? kept : kept.map { $0.setting("count", nil) }))
        }
        records[index].fields["items"] = .list(repaired)
    }

    /// 提出 no later than 审核; the 审批组织 the branch or above it (above it for a topic with `approver_level:
    /// parent`); a known topic; the notice period its topic's rule asks for; 结果公开 after the notice, by the as-of date.
    mutating func repairProcedure(_ index: Int) {
        var r = records[index]
        defer { records[index] = r }
        guard let published = SimpleDate.parse(r.fields["published"]?.text) else { return }
        if let topic = r.fields["topic"]?.text, !allTopics.contains(topic) { r.fields["topic"] = nil }
        let ancestry = ancestry(of: r.fields["branch"]?.text)
        if rule(for: r.fields["topic"]?.text)?.parentApprover == true, ancestry.count < 2 || r.fields["approved"] == nil { r.fields["topic"] = nil }
        let parentApprover = rule(for: r.fields["topic"]?.text)?.parentApprover == true
        if case .map(var approved)? = r.fields["approved"] {
            let allowed = parentApprover ? Array(ancestry.dropFirst()) : ancestry
            let org = approved.first { $0.key == "org" }?.value.text
            approved.removeAll { $0.key == "org" }
            if let org, allowed.contains(org) {
                approved.append(YAMLField(key: "org", value: .plain(org)))
            } else if org != nil || parentApprover, let first = allowed.first {
                approved.append(YAMLField(key: "org", value: .plain(first)))
            }
            r.fields["approved"] = .map(approved)
        }
        // Separated duties: the approver is neither the reviewer nor the proposer, however the names are compared
        // (the whole `by`, or the name after the title).
        let person = { (key: String) in r.fields[key]?["by"]?.text?.split(separator: " ").last.map(String.init) }
        if let approver = person("approved"), [person("reviewed"), person("proposed")].contains(approver),
            let other = Self.names.first(where: { ![person("reviewed"), person("proposed")].contains($0) })
        {
            r.fields["approved"] = r.fields["approved"]?.setting("by", .quoted("书记 \(other)"))
        }
        if case .map(var proposed)? = r.fields["proposed"], let i = proposed.firstIndex(where: { $0.key == "date" }),
            let date = SimpleDate.parse(proposed[i].value.text)
        {
            let latest = [r.fields["reviewed"]?["date"]?.text, r.fields["approved"]?["date"]?.text].compactMap { SimpleDate.parse($0) }.min() ?? published
            if latest < date { proposed[i].value = .plain(latest.description) }
            r.fields["proposed"] = .map(proposed)
        }
        if let notice = rule(for: r.fields["topic"]?.text) {
            var until = SimpleDate.parse(r.fields["until"]?.text)
            if until == nil, notice.untilRequired || notice.minWorkingDays != nil { until = published + 3 }
            if var end = until, let minimum = notice.minWorkingDays {
                while workingDays(from: published, through: end) < minimum { end = end + 1 }
                until = end
            }
            r.fields["until"] = until.map { .plain($0.description) }
        }
        if let outcome = r.fields["outcome"], let date = SimpleDate.parse(outcome["date"]?.text) {
            let start = SimpleDate.parse(r.fields["until"]?.text) ?? published
            if start > asOf {
                r.fields["outcome"] = nil
            } else if date < start || asOf < date {
                r.fields["outcome"] = outcome.setting("date", .plain(start.description))
            }
        }
    }
}

extension YAMLValue {
    /// This map with `key` set to `value` (removed when nil), in place if it was there, else at the end.
    func setting(_ key: String, _ value: YAMLValue?) -> YAMLValue {
        guard case .map(var fields) = self else { return self }
        if let i = fields.firstIndex(where: { $0.key == key }) {
            if let value { fields[i].value = value } else { fields.remove(at: i) }
        } else if let value {
            fields.append(YAMLField(key: key, value: value))
        }
        return .map(fields)
    }
}
