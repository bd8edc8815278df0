import GongshiKit

/// A YAML value as the studio edits it: every scalar as its text, lists, and mappings in file order.
public indirect enum FrontValue: Sendable, Equatable {
    case text(String)
    case list([FrontValue])
    case map(FrontMap)
}

/// A mapping that keeps its keys in order, so a file is written back in the order it was read.
public struct FrontMap: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: FrontValue

        public init(key: String, value: FrontValue) {
            self.key = key
            self.value = value
        }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    public var keys: [String] { entries.map(\.key) }

    /// Reading gives the value or nil; setting nil removes the key; setting a new key appends it.
    public subscript(key: String) -> FrontValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append(Entry(key: key, value: newValue))
            }
        }
    }

    /// The text of a scalar key, nil when absent or not a scalar.
    public func text(_ key: String) -> String? {
        if case .text(let value) = self[key] { return value }
        return nil
    }
}

/// One content file as the studio edits it: front matter and Markdown body. The content helper's codec reads and
/// writes it (`Content/`), the workflow sets `workflow`, `proposed`, `reviewed` and `approved` on it.
public struct EditableDocument: Sendable, Equatable {
    public var kind: ContentKind
    public var fields: FrontMap
    public var body: String

    public init(kind: ContentKind, fields: FrontMap, body: String) {
        self.kind = kind
        self.fields = fields
        self.body = body
    }

    /// The organisation the file belongs to: a branch's own `id`, everyone else's `branch`.
    public var org: String? {
        fields.text(kind == .branches ? "id" : "branch")
    }
}
