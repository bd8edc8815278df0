import Foundation

/// The parse cache's encoding of `Codable` values (`BinaryDecoder` reads it back): compact and cheap to decode,
/// for the cache file only — front matter is still decoded by Yams. Every value starts with a one-byte tag:
///
///     0 nil   1 false   2 true
///     3 signed integer, zigzag varint       4 unsigned integer, varint
///     5 Double, 8 bytes little-endian       6 string: varint byte count, UTF-8
///     7 array: 4-byte little-endian byte count of what follows, varint element count, the elements
///     8 keyed: 4-byte little-endian byte count of what follows, varint entry count, per entry its key
///       (varint byte count, UTF-8) and its value
///
/// The byte counts let a reader step over a value without reading it, so keyed values are found by key (in any
/// order, with `contains` and `allKeys` as Codable needs) and a damaged buffer is found out by its bounds.
struct BinaryEncoder {
    func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = BinaryEncoding(codingPath: [])
        try value.encode(to: encoder)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1024)
        Self.write(encoder.value ?? .keyed(BinaryEncoding.KeyedBox()), into: &bytes)
        return Data(bytes)
    }

    /// An encoded value, before its containers' byte counts are known.
    enum Value {
        case null, bool(Bool), int(Int64), uint(UInt64), double(Double), string(String)
        case array(BinaryEncoding.ArrayBox), keyed(BinaryEncoding.KeyedBox), deferred(BinaryEncoding)
    }

    enum Tag: UInt8 { case null = 0, `false`, `true`, int, uint, double, string, array, keyed }

    static func write(_ value: Value, into bytes: inout [UInt8]) {
        switch value {
        case .null: bytes.append(Tag.null.rawValue)
        case .bool(let flag): bytes.append(flag ? Tag.true.rawValue : Tag.false.rawValue)
        case .int(let number):
            bytes.append(Tag.int.rawValue)
            writeVarint(UInt64(bitPattern: (number << 1) ^ (number >> 63)), into: &bytes)
        case .uint(let number):
            bytes.append(Tag.uint.rawValue)
            writeVarint(number, into: &bytes)
        case .double(let number):
            bytes.append(Tag.double.rawValue)
            withUnsafeBytes(of: number.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        case .string(let text):
            bytes.append(Tag.string.rawValue)
            writeString(text, into: &bytes)
        case .array(let box):
            let start = open(.array, count: box.values.count, into: &bytes)
            for element in box.values { write(element, into: &bytes) }
            close(start, in: &bytes)
        case .keyed(let box):
            let start = open(.keyed, count: box.values.count, into: &bytes)
            for (key, element) in zip(box.keys, box.values) {
                writeString(key, into: &bytes)
                write(element, into: &bytes)
            }
            close(start, in: &bytes)
        case .deferred(let encoder):
            write(encoder.value ?? .keyed(BinaryEncoding.KeyedBox()), into: &bytes)
        }
    }

    /// Writes a container's tag, a placeholder for its byte count and its element count; returns where the
    /// placeholder lies.
    private static func open(_ tag: Tag, count: Int, into bytes: inout [UInt8]) -> Int {
        bytes.append(tag.rawValue)
        let start = bytes.count
        bytes.append(contentsOf: [0, 0, 0, 0])
        writeVarint(UInt64(count), into: &bytes)
        return start
    }

    private static func close(_ start: Int, in bytes: inout [UInt8]) {
        let length = UInt32(truncatingIfNeeded: bytes.count - start - 4)
        for index in 0..<4 { bytes[start + index] = UInt8(truncatingIfNeeded: length >> (8 * index)) }
    }

    static func writeVarint(_ value: UInt64, into bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    static func writeString(_ text: String, into bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            writeVarint(UInt64(utf8.count), into: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }
}

/// The `Encoder` of one value for `BinaryEncoder`: it records what the value encodes as a `BinaryEncoder.Value`.
final class BinaryEncoding: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var value: BinaryEncoder.Value?

    init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

    final class ArrayBox { var values: [BinaryEncoder.Value] = [] }
    final class KeyedBox {
        var keys: [String] = []
        var values: [BinaryEncoder.Value] = []
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: KeyedBox
        if case .keyed(let existing) = value {
            box = existing
        } else {
            box = KeyedBox()
            value = .keyed(box)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: ArrayBox
        if case .array(let existing) = value {
            box = existing
        } else {
            box = ArrayBox()
            value = .array(box)
        }
        return UnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(encoder: self) }

    /// `value` as encoded by its own `encode(to:)`, under `path`.
    static func encoded<T: Encodable>(_ value: T, at path: [any CodingKey]) throws -> BinaryEncoder.Value {
        switch value {
        case let text as String: return .string(text)
        case let number as Int: return .int(Int64(number))
        case let flag as Bool: return .bool(flag)
        case let number as Double: return .double(number)
        default:
            let encoder = BinaryEncoding(codingPath: path)
            try value.encode(to: encoder)
            return encoder.value ?? .keyed(KeyedBox())
        }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: KeyedBox
        let codingPath: [any CodingKey]

        private func put(_ value: BinaryEncoder.Value, _ key: Key) {
            box.keys.append(key.stringValue)
            box.values.append(value)
        }

        mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
        mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { put(.double(value), key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { put(.double(Double(value)), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { put(.int(Int64(value)), key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { put(.int(Int64(value)), key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { put(.int(Int64(value)), key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { put(.int(Int64(value)), key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { put(.int(value), key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { put(.uint(UInt64(value)), key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { put(.uint(UInt64(value)), key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { put(.uint(UInt64(value)), key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { put(.uint(UInt64(value)), key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { put(.uint(value), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            put(try BinaryEncoding.encoded(value, at: codingPath + [key]), key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            let nested = KeyedBox()
            put(.keyed(nested), key)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = ArrayBox()
            put(.array(nested), key)
            return UnkeyedContainer(box: nested, codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder { superEncoder(key: "super") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(key: key.stringValue) }

        private func superEncoder(key: String) -> any Encoder {
            let encoder = BinaryEncoding(codingPath: codingPath)
            box.keys.append(key)
            box.values.append(.deferred(encoder))
            return encoder
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let box: ArrayBox
        let codingPath: [any CodingKey]
        var count: Int { box.values.count }

        private func put(_ value: BinaryEncoder.Value) { box.values.append(value) }

        mutating func encodeNil() throws { put(.null) }
        mutating func encode(_ value: Bool) throws { put(.bool(value)) }
        mutating func encode(_ value: String) throws { put(.string(value)) }
        mutating func encode(_ value: Double) throws { put(.double(value)) }
        mutating func encode(_ value: Float) throws { put(.double(Double(value))) }
        mutating func encode(_ value: Int) throws { put(.int(Int64(value))) }
        mutating func encode(_ value: Int8) throws { put(.int(Int64(value))) }
        mutating func encode(_ value: Int16) throws { put(.int(Int64(value))) }
        mutating func encode(_ value: Int32) throws { put(.int(Int64(value))) }
        mutating func encode(_ value: Int64) throws { put(.int(value)) }
        mutating func encode(_ value: UInt) throws { put(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt8) throws { put(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt16) throws { put(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt32) throws { put(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt64) throws { put(.uint(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            put(try BinaryEncoding.encoded(value, at: codingPath + [BinaryIndexKey(count)]))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = KeyedBox()
            let path = codingPath + [BinaryIndexKey(count)]
            put(.keyed(nested))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, codingPath: path))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = ArrayBox()
            let path = codingPath + [BinaryIndexKey(count)]
            put(.array(nested))
            return UnkeyedContainer(box: nested, codingPath: path)
        }

        mutating func superEncoder() -> any Encoder {
            let encoder = BinaryEncoding(codingPath: codingPath + [BinaryIndexKey(count)])
            put(.deferred(encoder))
            return encoder
        }
    }

    struct SingleContainer: SingleValueEncodingContainer {
        let encoder: BinaryEncoding
        var codingPath: [any CodingKey] { encoder.codingPath }

        private func put(_ value: BinaryEncoder.Value) { encoder.value = value }

        mutating func encodeNil() throws { put(.null) }
        mutating func encode(_ value: Bool) throws { put(.bool(value)) }
        mutating func encode(_ value: String) throws { put(.string(value)) }
        mutating func encode(_ value: Double) throws { put(.double(value)) }
        mutating func encode(_ value: Float) throws { put(.double(Double(value))) }
        mutating func encode(_ value: Int) throws { put(.int(Int64(value))) }
        mutating func encode(_ value: Int8) throws { put(.int(Int64(value))) }
        mutating func encode(_ value: Int16) throws { put(.int(Int64(value))) }
        mutating func encode(_ value: Int32) throws { put(.int(Int64(value))) }
        mutating func encode(_ value: Int64) throws { put(.int(value)) }
        mutating func encode(_ value: UInt) throws { put(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt8) throws { put(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt16) throws { put(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt32) throws { put(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt64) throws { put(.uint(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { put(try BinaryEncoding.encoded(value, at: codingPath)) }
    }
}

/// The coding key of an array element, for coding paths.
struct BinaryIndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
