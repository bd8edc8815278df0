import Foundation
import GongshiKit

/// Reads a submitted form back into front matter, field by field as the schema says, on top of the file as it was:
/// keys the form does not show (unknown keys, the workflow's records) and the file's key order are kept, and a
/// list row keeps what it had that the form did not show (`__from` names the row it was). An empty input removes
/// its key; a row left blank, or ticked 删除这一项, is dropped.
struct FormReader {
    let form: FormData
    /// For every list of rows in the result, the index each row had in the old value (nil: a new row), by field
    /// name in the result: lets a re-shown form (增加一项, errors) keep merging with the file on disk.
    private(set) var origins: [String: [Int?]] = [:]

    init(form: FormData) {
        self.form = form
    }

    /// The new front matter: `rules` read from the form over `old`; `skipped` keys are left as they are.
    mutating func read(_ rules: [FieldRule], over old: FrontMap, skipping skipped: Set<String>) -> FrontMap {
        readMapping(rules.filter { !skipped.contains($0.key) }, name: "", old: old) ?? FrontMap()
    }

    private mutating func readMapping(_ rules: [FieldRule], name: String, old: FrontMap?) -> FrontMap? {
        var map = old ?? FrontMap()
        for rule in rules {
            let child = FieldName.child(name, rule.key)
            let value = read(rule.value, name: child, old: old?[rule.key])
            FormReader.set(rule.key, value, in: &map, order: rules.map(\.key))
        }
        if map.entries.isEmpty && old == nil { return nil }
        return map.entries.isEmpty && !name.isEmpty ? nil : map
    }

    private mutating func read(_ rule: ValueRule, name: String, old: FrontValue?) -> FrontValue? {
        switch rule {
        case .mapping(let rules):
            guard case .map(let oldMap)? = old else { return readMapping(rules, name: name, old: nil).map(FrontValue.map) }
            return readMapping(rules, name: name, old: oldMap).map(FrontValue.map)
        case .keyedBy(let keys, .boolean):
            guard form.has(FieldName.present(name)) else { return old }
            var map = old.flatMap(\.mapValue) ?? FrontMap()
            for key in keys {
                let checked = form[FieldName.child(name, key)] == "true"
                if checked {
                    map[key] = .text("true")
                } else if map[key] != nil {
                    map[key] = .text("false")
                }
            }
            return map.entries.isEmpty ? (old == nil ? nil : .map(map)) : .map(map)
        case .keyedBy(let keys, let valueRule):
            var map = old.flatMap(\.mapValue) ?? FrontMap()
            for key in keys {
                FormReader.set(key, read(valueRule, name: FieldName.child(name, key), old: map[key]), in: &map, order: keys)
            }
            return map.entries.isEmpty ? nil : .map(map)
        case .list(let element, _):
            if case .mapping(let rowRules) = element { return readRows(rowRules, name: name, old: old) }
            guard let text = form[name] else { return old }
            let lines = FormReader.normalised(text).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            if lines.isEmpty { return old == .list([]) ? old : nil }
            return .list(lines.map(FrontValue.text))
        default:
            guard let text = form[name] else { return old }
            let value = FormReader.normalised(text).trimmingCharacters(in: .whitespacesAndNewlines)
            return value.isEmpty ? nil : .text(value)
        }
    }

    private mutating func readRows(_ rules: [FieldRule], name: String, old: FrontValue?) -> FrontValue? {
        guard let count = form[FieldName.rows(name)].flatMap(Int.init), count >= 0 else { return old }
        let oldRows = old.flatMap(\.listValue) ?? []
        var rows: [FrontValue] = []
        var rowOrigins: [Int?] = []
        for index in 0..<min(count, 500) {
            let row = FieldName.child(name, String(index))
            if form[FieldName.remove(row)] == "1" { continue }
            let from = form[FieldName.origin(row)].flatMap(Int.init).flatMap { oldRows.indices.contains($0) ? $0 : nil }
            let oldRow = from.flatMap { oldRows[$0].mapValue }
            // The row's nested lists are named by its new position.
            let newName = FieldName.child(name, String(rows.count))
            var reader = FormReader(form: form)
            guard let value = reader.readRow(rules, formName: row, newName: newName, old: oldRow) else { continue }
            origins.merge(reader.origins) { $1 }
            rows.append(.map(value))
            rowOrigins.append(from)
        }
        origins[name] = rowOrigins
        if rows.isEmpty { return old == .list([]) ? old : nil }
        return .list(rows)
    }

    /// One row: its fields are named `formName.…` in the form, its nested lists recorded under `newName.…`.
    private mutating func readRow(_ rules: [FieldRule], formName: String, newName: String, old: FrontMap?) -> FrontMap? {
        let map = readMapping(rules, name: formName, old: old)
        origins = Dictionary(
            uniqueKeysWithValues: origins.map { key, value in
                (key.hasPrefix(formName + ".") ? newName + key.dropFirst(formName.count) : key, value)
            })
        // A row whose fields are all empty is a blank row nobody filled in.
        guard let map, !map.entries.isEmpty else { return nil }
        return map
    }

    /// Sets `key` (nil removes it) keeping the map's order; a new key goes after the nearest key before it in `order`.
    static func set(_ key: String, _ value: FrontValue?, in map: inout FrontMap, order: [String]) {
        guard let value, map[key] == nil else {
            map[key] = value
            return
        }
        guard let position = order.firstIndex(of: key) else {
            map[key] = value
            return
        }
        let before = Set(order[..<position])
        let index = map.entries.lastIndex { before.contains($0.key) }.map { $0 + 1 } ?? 0
        map.entries.insert(.init(key: key, value: value), at: index)
    }

    /// Browsers send textarea line breaks as CRLF; a field's text ends without trailing blanks.
    static func normalised(_ text: String) -> String {
        var value = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        while let last = value.last, last.isWhitespace { value.removeLast() }
        return value
    }
}

extension FrontValue {
    var mapValue: FrontMap? {
        if case .map(let map) = self { return map }
        return nil
    }

    var listValue: [FrontValue]? {
        if case .list(let list) = self { return list }
        return nil
    }
}
