/// Turns an `Encodable` page context into the plain values swift-mustache looks up fastest: `[String: Any]`
/// dictionaries (found by hashing, not by `Mirror` reflection, which was half of a build's rendering time),
/// `[Any]` arrays, and `String`/`Int`/`Double`/`Bool` leaves. A `nil` optional leaves its key out, so a
/// template looks it up in the enclosing context, as it would with reflection.
///
/// The same walk feeds `TemplateValue.digest`, the page's cache key, so each context is encoded once.
enum TemplateValueEncoder {
    static func encode(_ value: some Encodable) throws -> Any {
        let root = Node()
        try value.encode(to: TreeEncoder(node: root, codingPath: []))
        return root.materialized
    }
}

/// Feeds a canonical byte form of a template value (dictionary keys sorted) into a hasher.
enum TemplateValue {
    static func digest(_ value: Any, into hasher: inout SHA256) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        append(value, to: &bytes)
        hasher.update(bytes)
    }

    private static func append(_ value: Any, to bytes: inout [UInt8]) {
        switch value {
        case let dictionary as [String: Any]:
            bytes.append(0x7B)
            for key in dictionary.keys.sorted() {
                appendString(key, to: &bytes)
                append(dictionary[key]!, to: &bytes)
            }
            bytes.append(0x7D)
        case let array as [Any]:
            bytes.append(0x5B)
            for element in array { append(element, to: &bytes) }
            bytes.append(0x5D)
        case let string as String:
            appendString(string, to: &bytes)
        case let bool as Bool:
            bytes.append(bool ? 0x54 : 0x46)
        case let int as Int:
            bytes.append(0x49)
            bytes += "\(int);".utf8
        case let double as Double:
            bytes.append(0x44)
            bytes += "\(double.bitPattern);".utf8
        default:
            bytes.append(0x3F)
            bytes += "\(value);".utf8
        }
    }

    /// Length-prefixed, so no string can imitate structure.
    private static func appendString(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(0x53)
        bytes += "\(string.utf8.count):".utf8
        bytes += string.utf8
    }
}

/// One value under construction: a leaf, a keyed container or an unkeyed one.
private final class Node {
    var leaf: Any?
    var keyed: [String: Node]?
    var unkeyed: [Node]?

    var materialized: Any {
        if let keyed { return keyed.mapValues(\.materialized) as [String: Any] }
        if let unkeyed { return unkeyed.map(\.materialized) as [Any] }
        return leaf ?? ([String: Any]() as Any)
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
    switch value {
    case let string as String: node.leaf = string
    case let int as Int: node.leaf = int
    case let bool as Bool: node.leaf = bool
    case let double as Double: node.leaf = double
    default: try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    private func child(_ key: Key) -> Node {
        let child = Node()
        node.keyed![key.stringValue] = child
        return child
    }

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: child(key), codingPath: codingPath)
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
        node.unkeyed!.append(child)
        return child
    }

    mutating func encodeNil() throws { next().leaf = [String: Any]() }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: next(), codingPath: codingPath)
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
