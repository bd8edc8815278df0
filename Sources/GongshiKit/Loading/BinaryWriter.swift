import Foundation

/// Writes the parse cache's records field by field (`BinaryReader` reads them back in the same order): no tags, no
/// keys, nothing a reader has to look up. Integers are varints (signed ones zigzag), a `Double` its 8 bytes
/// little-endian, a string its UTF-8 byte count and bytes, an optional a 0/1 byte and then the value, a list its
/// count and then the elements. What is written is fixed by each type's `write(to:)`; the format's number
/// (`ParseCache.format`) changes whenever one of them does.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    var data: Data { Data(bytes) }

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func int(_ value: Int) {
        let number = Int64(value)
        unsigned(UInt64(bitPattern: (number << 1) ^ (number >> 63)))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// A closed-list value, by its Chinese text (so reordering a vocabulary cannot misread an old cache).
    mutating func word<T: Vocabulary>(_ value: T) { string(value.rawValue) }

    mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        guard let value else { return bool(false) }
        bool(true)
        write(&self, value)
    }

    mutating func list<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
        unsigned(UInt64(values.count))
        for value in values { write(&self, value) }
    }

    /// Keys sorted, so the same value always gives the same bytes.
    mutating func dictionary<T>(_ values: [String: T], _ write: (inout BinaryWriter, T) -> Void) {
        unsigned(UInt64(values.count))
        for key in values.keys.sorted() {
            string(key)
            write(&self, values[key]!)
        }
    }

    mutating func day(_ value: Day) {
        int(value.year)
        int(value.month)
        int(value.day)
    }
}
