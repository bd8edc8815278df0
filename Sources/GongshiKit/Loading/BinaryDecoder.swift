import Foundation

/// Reads what `BinaryEncoder` wrote (the format is described there). Every read is checked against the buffer's
/// bounds and every count against the bytes left, so a truncated or damaged buffer throws `DecodingError` — it
/// never reads outside the buffer, and never loops longer than the buffer is long.
struct BinaryDecoder {
    func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try data.withUnsafeBytes { buffer in
            let reader = BinaryReader(buffer)
            let end = try reader.end(ofValueAt: 0, limit: buffer.count)
            guard end == buffer.count else { throw reader.damaged(at: end, []) }
            return try T(from: BinaryDecoding(reader: reader, position: 0, codingPath: []))
        }
    }
}

/// Bounds-checked reads from the buffer being decoded; valid only while the buffer is (inside `decode`).
struct BinaryReader {
    let bytes: UnsafeRawBufferPointer

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    func damaged(at position: Int, _ path: [any CodingKey]) -> DecodingError {
        .dataCorrupted(.init(codingPath: path, debugDescription: "damaged or truncated binary value at byte \(position)"))
    }

    func byte(at position: Int, limit: Int) throws -> UInt8 {
        guard position >= 0, position < limit else { throw damaged(at: position, []) }
        return bytes[position]
    }

    /// The varint at `position` and where it ends.
    func varint(at position: Int, limit: Int) throws -> (value: UInt64, end: Int) {
        var value: UInt64 = 0
        var index = position
        for shift in stride(from: 0, to: 64, by: 7) {
            let next = try byte(at: index, limit: limit)
            index += 1
            value |= UInt64(next & 0x7F) << UInt64(shift)
            if next < 0x80 { return (value, index) }
        }
        throw damaged(at: position, [])
    }

    /// A byte count or element count at `position`, no larger than the bytes left before `limit`.
    func count(at position: Int, limit: Int) throws -> (value: Int, end: Int) {
        let (value, end) = try varint(at: position, limit: limit)
        guard value <= UInt64(limit - end) else { throw damaged(at: position, []) }
        return (Int(value), end)
    }

    /// A container's byte count (4 bytes little-endian at `position`) and where its content ends.
    func containerEnd(at position: Int, limit: Int) throws -> Int {
        guard position >= 0, position + 4 <= limit else { throw damaged(at: position, []) }
        var length = 0
        for index in 0..<4 { length |= Int(bytes[position + index]) << (8 * index) }
        guard length <= limit - position - 4 else { throw damaged(at: position, []) }
        return position + 4 + length
    }

    /// Where the value starting at `position` ends.
    func end(ofValueAt position: Int, limit: Int) throws -> Int {
        switch BinaryEncoder.Tag(rawValue: try byte(at: position, limit: limit)) {
        case .null, .false, .true: return position + 1
        case .int, .uint: return try varint(at: position + 1, limit: limit).end
        case .double:
            guard position + 9 <= limit else { throw damaged(at: position, []) }
            return position + 9
        case .string:
            let (length, start) = try count(at: position + 1, limit: limit)
            return start + length
        case .array, .keyed: return try containerEnd(at: position + 1, limit: limit)
        case nil: throw damaged(at: position, [])
        }
    }

    func string(at position: Int, limit: Int) throws -> (value: String, end: Int) {
        let (length, start) = try count(at: position, limit: limit)
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)]), as: UTF8.self)
        return (text, start + length)
    }

    func tag(at position: Int, limit: Int) throws -> BinaryEncoder.Tag {
        guard let tag = BinaryEncoder.Tag(rawValue: try byte(at: position, limit: limit)) else { throw damaged(at: position, []) }
        return tag
    }
}

/// The `Decoder` of one value at `position`, inside the value that contains it (`limit` is where that ends).
final class BinaryDecoding: Decoder {
    let reader: BinaryReader
    let position: Int
    let limit: Int
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(reader: BinaryReader, position: Int, limit: Int? = nil, codingPath: [any CodingKey]) {
        (self.reader, self.position, self.limit, self.codingPath) = (reader, position, limit ?? reader.bytes.count, codingPath)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try KeyedContainer<Key>(reader: reader, position: position, limit: limit, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try UnkeyedContainer(reader: reader, position: position, limit: limit, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleContainer(reader: reader, position: position, limit: limit, codingPath: codingPath)
    }
}

extension BinaryDecoding {
    /// Scalar reads shared by the three kinds of container. The coding path is built only for an error or a nested
    /// decoder, not for every field.
    static func mismatch(_ type: Any.Type, _ path: [any CodingKey]) -> DecodingError {
        .typeMismatch(type, .init(codingPath: path, debugDescription: "the binary value is not a \(type)"))
    }

    static func bool(_ reader: BinaryReader, _ position: Int, _ limit: Int, _ path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        switch try reader.tag(at: position, limit: limit) {
        case .true: return true
        case .false: return false
        default: throw mismatch(Bool.self, path())
        }
    }

    static func string(_ reader: BinaryReader, _ position: Int, _ limit: Int, _ path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard try reader.tag(at: position, limit: limit) == .string else { throw mismatch(String.self, path()) }
        return try reader.string(at: position + 1, limit: limit).value
    }

    static func double(_ reader: BinaryReader, _ position: Int, _ limit: Int, _ path: @autoclosure () -> [any CodingKey]) throws -> Double {
        guard try reader.tag(at: position, limit: limit) == .double else { throw mismatch(Double.self, path()) }
        guard position + 9 <= limit else { throw reader.damaged(at: position, path()) }
        var pattern: UInt64 = 0
        for index in 0..<8 { pattern |= UInt64(reader.bytes[position + 1 + index]) << UInt64(8 * index) }
        return Double(bitPattern: pattern)
    }

    static func integer<T: FixedWidthInteger>(_ type: T.Type, _ reader: BinaryReader, _ position: Int, _ limit: Int, _ path: @autoclosure () -> [any CodingKey])
        throws -> T
    {
        let tag = try reader.tag(at: position, limit: limit)
        guard tag == .int || tag == .uint else { throw mismatch(T.self, path()) }
        let raw = try reader.varint(at: position + 1, limit: limit).value
        let value: T?
        if tag == .uint {
            value = T(exactly: raw)
        } else {
            let signed = Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
            value = T(exactly: signed)
        }
        guard let value else {
            throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "the number does not fit in \(T.self)"))
        }
        return value
    }

    static func value<T: Decodable>(_ type: T.Type, _ reader: BinaryReader, _ position: Int, _ limit: Int, _ path: @autoclosure () -> [any CodingKey]) throws
        -> T
    {
        if T.self == String.self { return try string(reader, position, limit, path()) as! T }
        if T.self == Int.self { return try integer(Int.self, reader, position, limit, path()) as! T }
        if T.self == Bool.self { return try bool(reader, position, limit, path()) as! T }
        return try T(from: BinaryDecoding(reader: reader, position: position, limit: limit, codingPath: path()))
    }
}
