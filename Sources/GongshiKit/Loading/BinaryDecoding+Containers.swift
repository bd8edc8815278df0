import Foundation

extension BinaryDecoding {
    /// A keyed value: its entries are located once, when the container is made, and then found by key.
    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        struct Entry {
            var keyStart: Int
            var keyLength: Int
            var value: Int
        }

        let reader: BinaryReader
        let end: Int
        let entries: [Entry]
        let codingPath: [any CodingKey]

        init(reader: BinaryReader, position: Int, limit: Int, codingPath: [any CodingKey]) throws {
            guard try reader.tag(at: position, limit: limit) == .keyed else {
                throw BinaryDecoding.mismatch([String: Any].self, codingPath)
            }
            let end = try reader.containerEnd(at: position + 1, limit: limit)
            var (count, cursor) = try reader.count(at: position + 5, limit: end)
            var entries: [Entry] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let (keyLength, keyStart) = try reader.count(at: cursor, limit: end)
                let value = keyStart + keyLength
                cursor = try reader.end(ofValueAt: value, limit: end)
                entries.append(Entry(keyStart: keyStart, keyLength: keyLength, value: value))
            }
            guard cursor == end else { throw reader.damaged(at: cursor, codingPath) }
            (self.reader, self.end, self.entries, self.codingPath) = (reader, end, entries, codingPath)
        }

        /// Where the value of `key` starts, if it is there.
        private func find(_ key: Key) -> Int? {
            var name = key.stringValue
            return name.withUTF8 { utf8 -> Int? in
                for entry in entries where entry.keyLength == utf8.count {
                    if utf8.isEmpty || memcmp(utf8.baseAddress!, reader.bytes.baseAddress! + entry.keyStart, utf8.count) == 0 {
                        return entry.value
                    }
                }
                return nil
            }
        }

        private func position(_ key: Key) throws -> Int {
            guard let position = find(key) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no value for \(key.stringValue)"))
            }
            return position
        }

        var allKeys: [Key] {
            entries.compactMap { entry in
                let name = String(decoding: UnsafeRawBufferPointer(rebasing: reader.bytes[entry.keyStart..<(entry.keyStart + entry.keyLength)]), as: UTF8.self)
                return Key(stringValue: name)
            }
        }

        func contains(_ key: Key) -> Bool { find(key) != nil }

        func decodeNil(forKey key: Key) throws -> Bool { try reader.tag(at: try position(key), limit: end) == .null }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try BinaryDecoding.bool(reader, try position(key), end, codingPath + [key]) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String {
            try BinaryDecoding.string(reader, try position(key), end, codingPath + [key])
        }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
            try BinaryDecoding.double(reader, try position(key), end, codingPath + [key])
        }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
            Float(try BinaryDecoding.double(reader, try position(key), end, codingPath + [key]))
        }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(type, key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(type, key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(type, key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(type, key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(type, key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(type, key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(type, key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(type, key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(type, key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(type, key) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try BinaryDecoding.value(type, reader, try position(key), end, codingPath + [key])
        }

        // One look-up for an optional field instead of the three of the default (`contains`, `decodeNil`, `decode`).
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
            guard let position = try present(key) else { return nil }
            return try BinaryDecoding.string(reader, position, end, codingPath + [key])
        }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
            guard let position = try present(key) else { return nil }
            return try BinaryDecoding.integer(type, reader, position, end, codingPath + [key])
        }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
            guard let position = try present(key) else { return nil }
            return try BinaryDecoding.bool(reader, position, end, codingPath + [key])
        }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard let position = try present(key) else { return nil }
            return try BinaryDecoding.value(type, reader, position, end, codingPath + [key])
        }

        /// Where the value of `key` starts, unless it is absent or nil.
        private func present(_ key: Key) throws -> Int? {
            guard let position = find(key), try reader.tag(at: position, limit: end) != .null else { return nil }
            return position
        }

        private func integer<T: FixedWidthInteger>(_ type: T.Type, _ key: Key) throws -> T {
            try BinaryDecoding.integer(type, reader, try position(key), end, codingPath + [key])
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            KeyedDecodingContainer(try KeyedContainer<NestedKey>(reader: reader, position: try position(key), limit: end, codingPath: codingPath + [key]))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try UnkeyedContainer(reader: reader, position: try position(key), limit: end, codingPath: codingPath + [key])
        }

        func superDecoder() throws -> any Decoder { try superDecoder(name: "super") }
        func superDecoder(forKey key: Key) throws -> any Decoder { try superDecoder(name: key.stringValue) }

        private func superDecoder(name: String) throws -> any Decoder {
            guard let key = Key(stringValue: name), let position = find(key) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "no value for \(name)"))
            }
            return BinaryDecoding(reader: reader, position: position, limit: end, codingPath: codingPath + [key])
        }
    }

    /// An array value, read front to back.
    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let reader: BinaryReader
        let end: Int
        let codingPath: [any CodingKey]
        let count: Int?
        private(set) var currentIndex = 0
        private var cursor: Int
        var isAtEnd: Bool { currentIndex >= count! }

        init(reader: BinaryReader, position: Int, limit: Int, codingPath: [any CodingKey]) throws {
            guard try reader.tag(at: position, limit: limit) == .array else { throw BinaryDecoding.mismatch([Any].self, codingPath) }
            let end = try reader.containerEnd(at: position + 1, limit: limit)
            let (count, cursor) = try reader.count(at: position + 5, limit: end)
            (self.reader, self.end, self.codingPath, self.count, self.cursor) = (reader, end, codingPath, count, cursor)
        }

        private func path(_ index: Int) -> [any CodingKey] { codingPath + [BinaryIndexKey(index)] }

        /// Where the next element starts; moves past it.
        private mutating func next() throws -> Int {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, .init(codingPath: path(currentIndex), debugDescription: "the array has no more elements"))
            }
            let start = cursor
            cursor = try reader.end(ofValueAt: start, limit: end)
            currentIndex += 1
            return start
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, try reader.tag(at: cursor, limit: end) == .null else { return false }
            _ = try next()
            return true
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool {
            let index = currentIndex
            return try BinaryDecoding.bool(reader, try next(), end, path(index))
        }
        mutating func decode(_ type: String.Type) throws -> String {
            let index = currentIndex
            return try BinaryDecoding.string(reader, try next(), end, path(index))
        }
        mutating func decode(_ type: Double.Type) throws -> Double {
            let index = currentIndex
            return try BinaryDecoding.double(reader, try next(), end, path(index))
        }
        mutating func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
        mutating func decode(_ type: Int.Type) throws -> Int { try integer(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let index = currentIndex
            return try BinaryDecoding.value(type, reader, try next(), end, path(index))
        }

        private mutating func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
            let index = currentIndex
            return try BinaryDecoding.integer(type, reader, try next(), end, path(index))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            let index = currentIndex
            return KeyedDecodingContainer(try KeyedContainer<NestedKey>(reader: reader, position: try next(), limit: end, codingPath: path(index)))
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let index = currentIndex
            return try UnkeyedContainer(reader: reader, position: try next(), limit: end, codingPath: path(index))
        }

        mutating func superDecoder() throws -> any Decoder {
            let index = currentIndex
            return BinaryDecoding(reader: reader, position: try next(), limit: end, codingPath: path(index))
        }
    }

    /// A value decoded whole.
    struct SingleContainer: SingleValueDecodingContainer {
        let reader: BinaryReader
        let position: Int
        let limit: Int
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool { (try? reader.tag(at: position, limit: limit)) == .null }
        func decode(_ type: Bool.Type) throws -> Bool { try BinaryDecoding.bool(reader, position, limit, codingPath) }
        func decode(_ type: String.Type) throws -> String { try BinaryDecoding.string(reader, position, limit, codingPath) }
        func decode(_ type: Double.Type) throws -> Double { try BinaryDecoding.double(reader, position, limit, codingPath) }
        func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
        func decode(_ type: Int.Type) throws -> Int { try BinaryDecoding.integer(type, reader, position, limit, codingPath) }
        func decode(_ type: Int8.Type) throws -> Int8 { try BinaryDecoding.integer(type, reader, position, limit, codingPath) }
        func decode(_ type: Int16.Type) throws -> Int16 { try BinaryDecoding.integer(type, reader, position, limit, codingPath) }
        func decode(_ type: Int32.Type) throws -> Int32 { try BinaryDecoding.integer(type, reader, position, limit, codingPath) }
        func decode(_ type: Int64.Type) throws -> Int64 { try BinaryDecoding.integer(type, reader, position, limit, codingPath) }
        func decode(_ type: UInt.Type) throws -> UInt { try BinaryDecoding.integer(type, reader, position, limit, codingPath) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try BinaryDecoding.integer(type, reader, position, limit, codingPath) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try BinaryDecoding.integer(type, reader, position, limit, codingPath) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try BinaryDecoding.integer(type, reader, position, limit, codingPath) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try BinaryDecoding.integer(type, reader, position, limit, codingPath) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try BinaryDecoding.value(type, reader, position, limit, codingPath) }
    }
}
