import GongshiKit
import Yams

/// Reads a content file into an `EditableDocument` and writes one back in the studio's one format:
///
/// - keys in the document's order (a file keeps its order; new documents and added keys follow the schema,
///   `ContentCodec.ordered`);
/// - scalars plain when GongshiKit reads them back as the same text, else double-quoted (`YAMLScalarWriter`);
///   several lines as a `|` block;
/// - a mapping of at most three short scalars in flow style (`{by: 马丽, date: 2026-10-09}`), other mappings and
///   lists of mappings in block style; a list of short scalars in flow style (`[黄立新, 吴光荣]`);
/// - `---`, the front matter, `---`, one blank line, the Markdown body.
public enum ContentCodec {
    public struct DecodeError: Error, Equatable, Sendable {
        public let message: String
    }

    /// The resolver GongshiKit reads front matter with: plain booleans, every other scalar a string.
    static let resolver = Resolver.basic.appending(.bool)

    public static func decode(_ bytes: [UInt8], kind: ContentKind, path: String = "") throws -> EditableDocument {
        let (yaml, body) = try split(bytes, path: path)
        let root = try compose(yaml)
        guard case .map(let fields) = try value(root ?? Node.mapping(.init([]))) else {
            throw DecodeError(message: "front matter 不是键值映射")
        }
        return EditableDocument(kind: kind, fields: fields, body: body)
    }

    public static func encode(_ document: EditableDocument) -> [UInt8] {
        let rules = document.kind.rules()
        var out = "---\n"
        out += block(document.fields, rules: rules, indent: 0)
        out += "---\n"
        if !document.body.isEmpty { out += "\n" + document.body }
        return Array(out.utf8)
    }

    /// The document with its top-level keys in schema order, unknown keys after in their order: for new files.
    public static func ordered(_ fields: FrontMap, kind: ContentKind) -> FrontMap {
        let order = kind.rules().map(\.key)
        let known = order.compactMap { key in fields[key].map { FrontMap.Entry(key: key, value: $0) } }
        return FrontMap(known + fields.entries.filter { !order.contains($0.key) })
    }

    /// Sets `key` keeping the file's order; a new key goes right after the nearest schema key before it.
    public static func set(_ key: String, _ value: FrontValue?, in fields: inout FrontMap, kind: ContentKind) {
        FormReader.set(key, value, in: &fields, order: kind.rules().map(\.key))
    }

    // MARK: Reading

    static func split(_ bytes: [UInt8], path: String) throws -> (yaml: String, body: String) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch FrontMatterSplitter.split(text, path: path) {
        case .failure(let diagnostic): throw DecodeError(message: diagnostic.message)
        case .success(let split):
            var body = Substring(split.body)
            while body.first == "\n" { body.removeFirst() }
            return (split.yaml, String(body))
        }
    }

    static func compose(_ yaml: String) throws -> Node? {
        do {
            return try Yams.compose(yaml: yaml, resolver, .default, .utf8)
        } catch {
            throw DecodeError(message: "front matter 的 YAML 无法解析")
        }
    }

    static func value(_ node: Node) throws -> FrontValue {
        switch node {
        case .scalar(let scalar): return .text(scalar.string)
        case .sequence(let sequence): return .list(try sequence.map(value))
        case .mapping(let mapping):
            return .map(
                FrontMap(
                    try mapping.map { pair in
                        guard case .scalar(let key) = pair.key else { throw DecodeError(message: "键不是文本") }
                        return FrontMap.Entry(key: key.string, value: try value(pair.value))
                    }))
        case .alias: throw DecodeError(message: "含有 YAML 别名（*名称）")
        }
    }

    // MARK: Writing

    static func fieldRule(_ key: String, in rules: [FieldRule]?) -> ValueRule? {
        rules?.first { $0.key == key }?.value
    }

    static func block(_ map: FrontMap, rules: [FieldRule]?, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = ""
        for entry in map.entries {
            let rule = fieldRule(entry.key, in: rules)
            out += pad + key(entry.key) + ":" + valueAfterKey(entry.value, rule: rule, indent: indent) + "\n"
        }
        return out
    }

    /// The text after `key:` — ` value` on the line, or a newline and a nested block.
    static func valueAfterKey(_ value: FrontValue, rule: ValueRule?, indent: Int) -> String {
        switch value {
        case .text(let text):
            if let literal = YAMLScalarWriter.literalBlock(text, indent: indent + 2) { return " " + literal }
            return " " + YAMLScalarWriter.inline(text, rule: rule)
        case .map(let map):
            if map.entries.isEmpty { return " {}" }
            if let flow = flowMap(map, rule: rule) { return " " + flow }
            return "\n" + block(map, rules: mappingRules(rule, keys: map.keys), indent: indent + 2).dropLastNewline
        case .list(let items):
            if items.isEmpty { return " []" }
            let element = elementRule(rule)
            if let flow = flowList(items, rule: element) { return " " + flow }
            return "\n" + list(items, rule: element, indent: indent + 2).dropLastNewline
        }
    }

    static func list(_ items: [FrontValue], rule: ValueRule?, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = ""
        for item in items {
            switch item {
            case .text(let text):
                if let literal = YAMLScalarWriter.literalBlock(text, indent: indent + 2) {
                    out += pad + "- " + literal + "\n"
                } else {
                    out += pad + "- " + YAMLScalarWriter.inline(text, rule: rule) + "\n"
                }
            case .map(let map) where !map.entries.isEmpty:
                // The first key on the dash line, the others under it.
                let nested = block(map, rules: mappingRules(rule, keys: map.keys), indent: indent + 2)
                out += pad + "- " + nested.dropFirst(indent + 2)
            case .map, .list:
                out += pad + "-" + valueAfterKey(item, rule: rule, indent: indent) + "\n"
            }
        }
        return out
    }

    static func flowMap(_ map: FrontMap, rule: ValueRule?) -> String? {
        if case .keyedBy = rule { return nil }
        guard map.entries.count <= 3 else { return nil }
        let rules = mappingRules(rule, keys: map.keys)
        var parts: [String] = []
        for entry in map.entries {
            guard case .text(let text) = entry.value, text.count <= 24, !text.contains("\n") else { return nil }
            let written = YAMLScalarWriter.inline(text, rule: fieldRule(entry.key, in: rules), flow: true)
            parts.append(key(entry.key) + ": " + written)
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    static func flowList(_ items: [FrontValue], rule: ValueRule?) -> String? {
        var parts: [String] = []
        for item in items {
            guard case .text(let text) = item, text.count <= 10, !text.contains("\n") else { return nil }
            parts.append(YAMLScalarWriter.inline(text, rule: rule, flow: true))
        }
        let joined = "[" + parts.joined(separator: ", ") + "]"
        return joined.count <= 60 ? joined : nil
    }

    static func key(_ key: String) -> String {
        YAMLScalarWriter.isPlainSafe(key, flow: true) && !YAMLScalarWriter.looksTyped(key) ? key : YAMLScalarWriter.quoted(key)
    }

    static func mappingRules(_ rule: ValueRule?, keys: [String]) -> [FieldRule]? {
        switch rule {
        case .mapping(let rules): return rules
        case .keyedBy(_, let value): return keys.map { FieldRule.optional($0, value) }
        default: return nil
        }
    }

    static func elementRule(_ rule: ValueRule?) -> ValueRule? {
        if case .list(let element, _) = rule { return element }
        return nil
    }
}

extension String {
    fileprivate var dropLastNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
