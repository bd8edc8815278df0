import GongshiKit
import Yams

/// `check`'s messages about one file, placed on the form's fields: a diagnostic's line in the file the form would
/// write is mapped back to the key path that starts on that line (`items.1.due`), which is also the input's name.
/// Messages no field takes are shown at the top; every message is in the summary above the form.
struct FieldMessages {
    struct Message: Equatable {
        var field: String?
        var text: String
        var isError: Bool
    }

    fileprivate(set) var all: [Message] = []
    fileprivate var unplaced: [String: [String]] = [:]

    init() {}

    /// The diagnostics of `path` among `diagnostics`, placed by the lines of `encoded` (the bytes the form would write).
    init(_ diagnostics: [Diagnostic], path: String, encoded: [UInt8]) {
        let (keys, items) = Self.keyPaths(encoded)
        for diagnostic in diagnostics where diagnostic.path == path {
            // A missing key is reported on the line of the mapping it is missing from: a list row's dash line,
            // which is also the line of the row's first key.
            // A top-level key is missing from the whole front matter (reported on line 1): its name ends the message.
            let missing = diagnostic.message.hasPrefix(Self.missingPrefix)
            let topLevel = missing ? String(diagnostic.message.dropFirst(Self.missingPrefix.count)) : ""
            let field =
                missing
                ? (topLevel.allSatisfy { $0.isASCII && !$0.isWhitespace } ? topLevel : items[diagnostic.line] ?? keys[diagnostic.line])
                : keys[diagnostic.line] ?? items[diagnostic.line]
            all.append(Message(field: field, text: diagnostic.message, isError: diagnostic.severity == .error))
            unplaced[field ?? "", default: []].append((diagnostic.severity == .error ? "" : "提醒：") + diagnostic.message)
        }
    }

    static let missingPrefix = "缺少必填字段 "

    var hasErrors: Bool { all.contains(where: \.isError) }

    func has(_ name: String) -> Bool { unplaced[name] != nil }

    /// Whether a message is about `name` or a field under it.
    func has(prefix name: String) -> Bool { unplaced.keys.contains { $0 == name || $0.hasPrefix(name + ".") } }

    /// The messages of exactly `name`, taken so they are not shown twice.
    mutating func take(exactly name: String) -> [String] {
        unplaced.removeValue(forKey: name) ?? []
    }

    /// The messages of `name` and of everything under it (a list of names shown as one text area).
    mutating func take(under name: String) -> [String] {
        let keys = unplaced.keys.filter { $0 == name || $0.hasPrefix(name + ".") }.sorted()
        return keys.flatMap { unplaced.removeValue(forKey: $0) ?? [] }
    }

    /// What no field took (shown at the top of the form).
    mutating func takeRest() -> [String] {
        let keys = unplaced.keys.sorted()
        return keys.flatMap { unplaced.removeValue(forKey: $0) ?? [] }
    }

    /// File line (1-based, the opening `---` is line 1) → key path of the key starting on it, and of the list item.
    static func keyPaths(_ encoded: [UInt8]) -> (keys: [Int: String], items: [Int: String]) {
        guard let (yaml, _) = try? ContentCodec.split(encoded, path: ""), let root = try? ContentCodec.compose(yaml) else { return ([:], [:]) }
        var keys: [Int: String] = [:]
        var items: [Int: String] = [:]
        func walk(_ node: Node, _ path: String) {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    let child = FieldName.child(path, key.string ?? "")
                    if let line = key.mark?.line, keys[line + 1] == nil { keys[line + 1] = child }
                    walk(value, child)
                }
            case .sequence(let sequence):
                for (index, item) in sequence.enumerated() {
                    let child = FieldName.child(path, String(index))
                    if let line = item.mark?.line, items[line + 1] == nil { items[line + 1] = child }
                    walk(item, child)
                }
            default: break
            }
        }
        walk(root, "")
        return (keys, items)
    }
}

extension FieldMessages {
    /// One message of the studio's own on one field (a new file's 编号 that cannot be a file name).
    init(placing field: String, _ message: String) {
        self.init()
        all = [Message(field: field, text: message, isError: true)]
        unplaced = [field: [message]]
    }

    /// The messages with fields under `prefix` renamed to the rest of their name (the 记一笔践诺 form names its
    /// fields `date`, `text`).
    func renaming(prefix: String) -> FieldMessages {
        var renamed = FieldMessages()
        func rename(_ field: String?) -> String? {
            guard let field, field.hasPrefix(prefix) else { return field }
            return String(field.dropFirst(prefix.count))
        }
        renamed.all = all.map { Message(field: rename($0.field), text: $0.text, isError: $0.isError) }
        for (field, texts) in unplaced { renamed.unplaced[rename(field) ?? field, default: []] += texts }
        return renamed
    }
}
