import Foundation

/// A YAML value as the random site writes it.
indirect enum YAMLValue {
    /// Dates, numbers, booleans, enum values: written as they are.
    case plain(String)
    /// Free text: written in double quotes.
    case quoted(String)
    case list([YAMLValue])
    case map([YAMLField])

    var text: String? {
        switch self {
        case .plain(let s), .quoted(let s): return s
        default: return nil
        }
    }

    var items: [YAMLValue] {
        if case .list(let items) = self { return items }
        return []
    }

    subscript(key: String) -> YAMLValue? {
        if case .map(let fields) = self { return fields.first { $0.key == key }?.value }
        return nil
    }

    /// The value in YAML's flow style (for values nested in a list item).
    var flow: String {
        switch self {
        case .plain(let s): return s
        case .quoted(let s): return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .list(let items): return "[" + items.map(\.flow).joined(separator: ", ") + "]"
        case .map(let fields): return "{" + fields.map { "\($0.key): \($0.value.flow)" }.joined(separator: ", ") + "}"
        }
    }

    /// `key: value` lines at `indent` spaces, in block style.
    func lines(key: String, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch self {
        case .plain, .quoted: return ["\(pad)\(key): \(flow)"]
        case .list(let items) where items.isEmpty: return ["\(pad)\(key): []"]
        case .map(let fields) where fields.isEmpty: return ["\(pad)\(key): {}"]
        case .list(let items):
            var lines = ["\(pad)\(key):"]
            for item in items {
                if case .map(let fields) = item, !fields.isEmpty {
                    for (n, field) in fields.enumerated() {
                        lines.append("\(pad)  \(n == 0 ? "- " : "  ")\(field.key): \(field.value.flow)")
                    }
                } else {
                    lines.append("\(pad)  - \(item.flow)")
                }
            }
            return lines
        case .map(let fields):
            return ["\(pad)\(key):"] + fields.flatMap { $0.value.lines(key: $0.key, indent: indent + 2) }
        }
    }
}

struct YAMLField {
    var key: String
    var value: YAMLValue
}

/// An ordered list of front-matter fields.
struct YAMLFields {
    var fields: [YAMLField] = []

    subscript(key: String) -> YAMLValue? {
        get { fields.first { $0.key == key }?.value }
        set {
            if let index = fields.firstIndex(where: { $0.key == key }) {
                if let newValue { fields[index].value = newValue } else { fields.remove(at: index) }
            } else if let newValue {
                fields.append(YAMLField(key: key, value: newValue))
            }
        }
    }

    var yaml: String { fields.flatMap { $0.value.lines(key: $0.key, indent: 0) }.joined(separator: "\n") }
}
