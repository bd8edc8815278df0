import Foundation

/// Reads what `BinaryWriter` wrote, in the same order. Every read is bounds-checked and throws `Damaged` past the
/// end or on a value that cannot be (a count larger than the bytes left, a varint longer than 10 bytes, a date that
/// is not one, a word not in its list), so a damaged cache is found out rather than trusted.
struct BinaryReader {
    struct Damaged: Error {}

    private let base: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { base = bytes }

    /// Reads `data` with `read`, which must consume it exactly.
    static func read<T>(_ data: Data, _ read: (inout BinaryReader) throws -> T) throws -> T {
        try data.withUnsafeBytes { raw in
            var reader = BinaryReader(raw)
            let value = try read(&reader)
            guard reader.isAtEnd else { throw Damaged() }
            return value
        }
    }

    var isAtEnd: Bool { offset == base.count }

    private mutating func byte() throws -> UInt8 {
        guard offset < base.count else { throw Damaged() }
        defer { offset += 1 }
        return base[offset]
    }

    mutating func unsigned() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw Damaged() }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws -> Int {
        let raw = try unsigned()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A count of things each at least one byte long.
    mutating func count() throws -> Int {
        let value = try unsigned()
        guard value <= UInt64(base.count - offset) else { throw Damaged() }
        return Int(value)
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Damaged()
        }
    }

    mutating func double() throws -> Double {
        guard base.count - offset >= 8 else { throw Damaged() }
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(base[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func string() throws -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: base[offset..<(offset + length)]), as: UTF8.self)
    }

    mutating func word<T: Vocabulary>() throws -> T {
        guard let value = T(rawValue: try string()) else { throw Damaged() }
        return value
    }

    mutating func optional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func list<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func dictionary<T>(_ read: (inout BinaryReader) throws -> T) throws -> [String: T] {
        let count = try count()
        var values: [String: T] = [:]
        values.reserveCapacity(count)
        for _ in 0..<count {
            let key = try string()
            values[key] = try read(&self)
        }
        return values
    }

    mutating func day() throws -> Day {
        guard let value = Day(year: try int(), month: try int(), day: try int()) else { throw Damaged() }
        return value
    }
}
