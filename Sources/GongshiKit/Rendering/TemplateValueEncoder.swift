/// Turns an `Encodable` page context into a `TemplateValue` tree: objects found by hashing (not by `Mirror`
/// reflection, which was half of a build's rendering time), lists, and `String`/`Int`/`Double`/`Bool` leaves.
/// A `nil` optional leaves its key out, so a template looks it up in the enclosing context, as it would with
/// reflection.
///
/// Only pages that are rendered need the tree: their cache key comes from the versions of what they read
/// (`PageDescriptor`).
enum TemplateValueEncoder {
    static func encode(_ value: some Encodable) throws -> TemplateValue {
        let root = Node()
        try value.encode(to: TreeEncoder(node: root, codingPath: []))
        return root.materialized
    }
}

/// A leaf of a template tree, and its canonical bytes (`RecordDigest`).
enum TemplateLeaf {
    case string(String)
    case int(Int)
    case bool(Bool)
    case double(Double)

    /// nil for any other value, which is encoded through its own `encode(to:)`. A cast, so an optional holding a
    /// leaf (passed to `encode` rather than `encodeIfPresent`) is that leaf.
    init?(_ value: some Encodable) {
        switch value {
        case let string as String: self = .string(string)
        case let int as Int: self = .int(int)
        case let bool as Bool: self = .bool(bool)
        case let double as Double: self = .double(double)
        default: return nil
        }
    }

    var value: TemplateValue {
        switch self {
        case .string(let string): .string(string)
        case .int(let int): .int(int)
        case .bool(let bool): .bool(bool)
        case .double(let double): .double(double)
        }
    }

    /// The canonical bytes: a type tag, then a length-prefixed string, a decimal ended by `;` (a double's bit
    /// pattern, so every double, -0.0 included, is told apart) or nothing for a bool.
    func append(to bytes: inout [UInt8]) {
        switch self {
        case .string(let string): Self.appendString(string, to: &bytes)
        case .bool(let bool): bytes.append(bool ? 0x54 : 0x46)
        case .int(let int):
            bytes.append(0x49)
            if int < 0 { bytes.append(0x2D) }
            Self.appendDecimal(UInt64(int.magnitude), to: &bytes)
            bytes.append(0x3B)
        case .double(let double):
            bytes.append(0x44)
            Self.appendDecimal(double.bitPattern, to: &bytes)
            bytes.append(0x3B)
        }
    }

    /// `S`, the UTF-8 length, `:`, the UTF-8 bytes: length-prefixed, so no string can imitate structure.
    static func appendString(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(0x53)
        appendDecimal(UInt64(string.utf8.count), to: &bytes)
        bytes.append(0x3A)
        bytes += string.utf8
    }

    /// The digits of `"\(value)"`, without making a string (keying writes one for every number and string).
    static func appendDecimal(_ value: UInt64, to bytes: inout [UInt8]) {
        var divisor: UInt64 = 1
        while value / divisor >= 10 { divisor *= 10 }
        repeat {
            bytes.append(0x30 + UInt8(value / divisor % 10))
            divisor /= 10
        } while divisor != 0
    }
}

/// One value under construction: a leaf, a keyed container or an unkeyed one. A leaf inside a container is stored
/// as it is, without a node of its own (most values are leaves).
private final class Node {
    enum Slot {
        case value(TemplateValue)
        case node(Node)

        var materialized: TemplateValue {
            switch self {
            case .value(let value): value
            case .node(let node): node.materialized
            }
        }
    }

    var leaf: TemplateValue?
    var keyed: [String: Slot]?
    var unkeyed: [Slot]?

    var materialized: TemplateValue {
        if let keyed { return .object(keyed.mapValues(\.materialized)) }
        if let unkeyed { return .list(unkeyed.map(\.materialized)) }
        return leaf ?? .object([:])
    }
}

private struct TreeEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.keyed == nil { node.keyed = [:] }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.unkeyed == nil { node.unkeyed = [] }
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(node: node, codingPath: codingPath) }
}

/// Stores leaves directly and sends everything else through its own `encode(to:)`.
private func encodeValue(_ value: some Encodable, into node: Node, codingPath: [any CodingKey]) throws {
    if let leaf = TemplateLeaf(value) {
        node.leaf = leaf.value
    } else {
        try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    private func child(_ key: Key) -> Node {
        let child = Node()
        node.keyed![key.stringValue] = .node(child)
        return child
    }

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if let leaf = TemplateLeaf(value) {
            node.keyed![key.stringValue] = .value(leaf.value)
        } else {
            try value.encode(to: TreeEncoder(node: child(key), codingPath: codingPath))
        }
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(node: child(key), codingPath: codingPath).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(node: child(key), codingPath: codingPath).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(node: node, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(node: child(key), codingPath: codingPath) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int { node.unkeyed!.count }

    private func next() -> Node {
        let child = Node()
        node.unkeyed!.append(.node(child))
        return child
    }

    mutating func encodeNil() throws { node.unkeyed!.append(.value(.object([:]))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let leaf = TemplateLeaf(value) {
            node.unkeyed!.append(.value(leaf.value))
        } else {
            try value.encode(to: TreeEncoder(node: next(), codingPath: codingPath))
        }
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(node: next(), codingPath: codingPath).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        TreeEncoder(node: next(), codingPath: codingPath).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(node: next(), codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {}
    mutating func encode<T: Encodable>(_ value: T) throws { try encodeValue(value, into: node, codingPath: codingPath) }
}
