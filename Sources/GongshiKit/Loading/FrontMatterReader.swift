import Yams

/// Reads a checked, masked front matter straight from Yams' node tree into a record, without the `Decodable`
/// machinery of `YAMLDecoder` (its containers, coding paths, key probes and tag resolution were a quarter of
/// `check`).
///
/// It gives exactly what `YAMLDecoder` gives for the record's synthesized `Decodable` or nothing: scalars are made by
/// Yams' own constructors (`Int.construct`, `Double.construct`, `Bool.construct`), a key is looked up as
/// `Node.Mapping`'s subscript does (the last pair whose key equals it), an optional field is absent when its value is
/// YAML's null, as `decodeIfPresent` has it. Whatever it is not sure to read the same way (a value of the wrong shape,
/// an explicit tag on a key, a key that is not a scalar) throws `Unreadable`, and the loader then asks `YAMLDecoder`,
/// whose value or error message stands. A test compares the two on thousands of random front matters.
struct FrontMatterReader {
    /// Not read here; `YAMLDecoder` decides.
    struct Unreadable: Error {}

    private let pairs: [(key: Node, value: Node)]
    /// Each pair's key text, or nil for a key resolved to `bool` (never a field name); compared without copying nodes.
    private let keys: [String?]

    /// The fields of a mapping node; throws for any other node, or a mapping with a key this reader does not look up
    /// the way `Node.Mapping` would (not a scalar, or tagged other than as text: `!!merge`, `!!value`…).
    init(_ node: Node) throws {
        guard case .mapping(let mapping) = node else { throw Unreadable() }
        var pairs: [(key: Node, value: Node)] = []
        var keys: [String?] = []
        pairs.reserveCapacity(mapping.count)
        keys.reserveCapacity(mapping.count)
        for pair in mapping {
            guard case .scalar(let key) = pair.key, Self.isTextTag(key.tag) else { throw Unreadable() }
            pairs.append(pair)
            keys.append(key.tag.rawValue == Tag.Name.bool.rawValue ? nil : key.string)
        }
        (self.pairs, self.keys) = (pairs, keys)
    }

    /// The tag of a key that resolves, for the field names looked up, exactly as the probe `Node.Mapping`'s subscript
    /// makes: implicit, non-specific (`!`), or already resolved to text. Field names are never YAML booleans (a test
    /// checks), so a key resolved to `bool` cannot be one of them and is left alone.
    private static func isTextTag(_ tag: Tag) -> Bool {
        let name = tag.rawValue
        return name.isEmpty || name == "!" || name == Tag.Name.str.rawValue || name == Tag.Name.bool.rawValue
    }

    /// The value of `key`: the last pair whose key is that text (a key resolved to `bool` is never a field name).
    func value(_ key: String) -> Node? {
        guard let index = keys.lastIndex(where: { $0 == key }) else { return nil }
        return pairs[index].value
    }

    /// A required field (`decode(_:forKey:)`).
    func required<T>(_ key: String, _ read: (Node) throws -> T) throws -> T {
        guard let node = value(key) else { throw Unreadable() }
        return try read(node)
    }

    /// An optional field (`decodeIfPresent(_:forKey:)`): nil when absent or YAML's null.
    func optional<T>(_ key: String, _ read: (Node) throws -> T) throws -> T? {
        guard let node = value(key), !Self.isNull(node) else { return nil }
        return try read(node)
    }

    /// What `decodeNil` says: a plain scalar `~`, `null`, `Null`, `NULL` or nothing.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return NSNullConstruct.isNull(scalar)
    }

    // MARK: Values, each as `YAMLDecoder` makes it

    static func scalar(_ node: Node) throws -> Node.Scalar {
        guard case .scalar(let scalar) = node else { throw Unreadable() }
        return scalar
    }

    static func string(_ node: Node) throws -> String {
        guard let value = String.construct(from: try scalar(node)) else { throw Unreadable() }
        return value
    }

    static func int(_ node: Node) throws -> Int {
        guard let value = Int.construct(from: try scalar(node)) else { throw Unreadable() }
        return value
    }

    static func double(_ node: Node) throws -> Double {
        guard let value = Double.construct(from: try scalar(node)) else { throw Unreadable() }
        return value
    }

    static func bool(_ node: Node) throws -> Bool {
        guard let value = Bool.construct(from: try scalar(node)) else { throw Unreadable() }
        return value
    }

    /// `Day`'s own decoding: a text in `YYYY-MM-DD`.
    static func day(_ node: Node) throws -> Day {
        guard let value = Day(try string(node)) else { throw Unreadable() }
        return value
    }

    /// A `Vocabulary` value: its raw text.
    static func word<T: Vocabulary>(_ node: Node) throws -> T {
        guard let value = T(rawValue: try string(node)) else { throw Unreadable() }
        return value
    }

    /// A list; its elements are never null-checked (`[T]`'s decoding).
    static func list<T>(_ node: Node, _ element: (Node) throws -> T) throws -> [T] {
        guard case .sequence(let sequence) = node else { throw Unreadable() }
        return try sequence.map(element)
    }

    /// A `[String: T]` keyed by the mapping's keys.
    static func dictionary<T>(_ node: Node, _ value: (Node) throws -> T) throws -> [String: T] {
        let reader = try FrontMatterReader(node)
        var result: [String: T] = [:]
        for (key, pair) in zip(reader.keys, reader.pairs) {
            // `Dictionary` looks each key up again by its text, whose probe resolves a word like `yes` to `bool`: such
            // a key is found or not depending on its own tag, so it is left to the decoder (the schema refuses it).
            guard let key, !booleanWords.contains(key) else { throw Unreadable() }
            result[key] = try value(pair.value)
        }
        return result
    }
}

/// The words `ContentLoader.yamlResolver` resolves to `bool` (Yams' `Resolver.Rule.bool`).
private let booleanWords: Set<String> = [
    "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
]

/// Yams' `NSNull.construct(from:)`, without Foundation's `NSNull` allocation.
private enum NSNullConstruct {
    static func isNull(_ scalar: Node.Scalar) -> Bool {
        guard case .plain = scalar.style else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}
