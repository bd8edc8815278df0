import Foundation
import Testing

@testable import GongshiKit

/// The parse cache's binary encoding of `Codable` values: what goes in comes out, every piece kind of the golden
/// site included, and a short or damaged buffer is an error, never a crash or a hang.
@Suite("Binary coder")
struct BinaryCoderTests {
    enum Shape: Codable, Equatable {
        case empty
        case circle(radius: Double)
        case named(String, tags: [String])
    }

    struct Inner: Codable, Equatable {
        var text: String
        var number: Int?
    }

    struct Sample: Codable, Equatable {
        var empty = ""
        var chinese = "党务公开 · 第一党支部「公示」🇨🇳"
        var flag = true
        var off = false
        var smallest = Int.min
        var largest = Int.max
        var negative: Int8 = -128
        var unsigned = UInt64.max
        var short: UInt16 = 65535
        var fraction = -0.1
        var single: Float = 3.5
        var infinite = Double.infinity
        var missing: String? = nil
        var present: String? = ""
        var missingNumber: Int? = nil
        var nested: [[String]] = [[], ["a", ""], ["三", "四", "五"]]
        var innerList: [Inner] = [Inner(text: "", number: nil), Inner(text: "二", number: -7)]
        var optionals: [String?] = [nil, "x", nil]
        var byName: [String: [Inner]] = ["": [], "甲": [Inner(text: "乙", number: 0)]]
        var byNumber: [Int: String] = [3: "c", -1: "minus"]
        var shapes: [Shape] = [.empty, .circle(radius: 2), .named("", tags: ["t", "党"])]
        var day = Day("2026-11-21")!
        var set: Set<String> = ["b", "a"]
    }

    static func roundTrip<T: Codable>(_ value: T) throws -> T {
        try BinaryDecoder().decode(T.self, from: try BinaryEncoder().encode(value))
    }

    @Test func everyKindOfValueComesBackEqual() throws {
        let sample = Sample()
        #expect(try Self.roundTrip(sample) == sample)
        var other = Sample()
        (other.missing, other.present, other.missingNumber) = ("有", nil, 42)
        other.nested = []
        other.byName = [:]
        #expect(try Self.roundTrip(other) == other)
        #expect(try Self.roundTrip(other) != sample)
        // NaN is not equal to itself: compare its bits.
        #expect(try Self.roundTrip([Double.nan])[0].bitPattern == Double.nan.bitPattern)
        // Top-level scalars and collections.
        #expect(try Self.roundTrip("") == "")
        #expect(try Self.roundTrip("公示") == "公示")
        #expect(try Self.roundTrip(-1) == -1)
        #expect(try Self.roundTrip([Int]()) == [])
        #expect(try Self.roundTrip(Optional<Int>.none) == nil)
    }

    @Test func keyedValuesAreFoundByKeyInAnyOrder() throws {
        struct Forward: Codable { var a = "1", b = 2, c: [String] = ["3"] }
        struct Backward: Codable, Equatable {
            var c: [String], b: Int, a: String
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                c = try container.decode([String].self, forKey: .c)
                b = try container.decode(Int.self, forKey: .b)
                a = try container.decode(String.self, forKey: .a)
            }
        }
        struct Missing: Codable { var d: String }
        let data = try BinaryEncoder().encode(Forward())
        let backward = try BinaryDecoder().decode(Backward.self, from: data)
        #expect((backward.a, backward.b, backward.c) == ("1", 2, ["3"]))
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Missing.self, from: data) }
        // A value of another type is an error, not a wrong value.
        struct Retyped: Codable { var b: String }
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Retyped.self, from: data) }
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Int8.self, from: try BinaryEncoder().encode(300)) }
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(UInt.self, from: try BinaryEncoder().encode(-1)) }
    }

    /// Every file of the golden site, encoded and decoded, equals its fresh load field by field; between them the
    /// files give every part of a piece.
    @Test func everyPieceOfTheGoldenSiteComesBackEqual() throws {
        let site = try TestSite(fixture: "golden")
        try site.write("content/pages/odd.md", "---\nid: odd\ntitle: 关于\nnmae: x\n---\n电话 13812345678，[链接](../x/) ![图](a.png)\n")
        try site.write("content/branches/broken.md", "---\nid: broken\nname: [未闭合\n---\n")
        let scanner = ContentScanner(sourceDirectory: site.root)
        let config = try #require(ContentLoader.loadSiteConfig(try scanner.readSiteConfig().get()).0)
        let settings = LoaderSettings(config: config)
        var seen = Set<String>()
        for entry in scanner.list().entries {
            let fresh = ContentLoader.loadFile(scanner.read(entry), settings: settings)
            let decoded = try Self.roundTrip(fresh)
            #expect(CanonicalDump.of(decoded) == CanonicalDump.of(fresh), "\(entry.path)")
            let parts: [(String, Bool)] = [
                ("branches", fresh.branches.isEmpty), ("promises", fresh.promises.isEmpty), ("disclosures", fresh.disclosures.isEmpty),
                ("examples", fresh.examples.isEmpty), ("pages", fresh.pages.isEmpty), ("diagnostics", fresh.diagnostics.isEmpty),
                ("privacyFindings", fresh.privacyFindings.isEmpty), ("unloadedBranches", fresh.unloadedBranches.isEmpty),
                ("bodyLinks", fresh.bodyLinks.isEmpty),
            ]
            for (name, isEmpty) in parts where !isEmpty { seen.insert(name) }
        }
        #expect(seen.count == 9, "parts never seen: \(seen)")
    }

    /// Every cut-short prefix of an encoded value, and the value with extra bytes after it, throws.
    @Test func aTruncatedBufferThrows() throws {
        let data = try BinaryEncoder().encode(Sample())
        #expect(data.count > 100)
        for length in 0..<data.count {
            #expect(throws: DecodingError.self, "\(length) bytes") { try BinaryDecoder().decode(Sample.self, from: data.prefix(length)) }
        }
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Sample.self, from: data + Data([0])) }
    }

    /// Damaged bytes either still decode or throw; huge counts and lengths are rejected before anything is allocated
    /// or looped over.
    @Test func damagedBuffersThrowOrDecodeNeverCrash() throws {
        let data = try BinaryEncoder().encode(Sample())
        for index in 0..<data.count {
            for value: UInt8 in [0x00, 0xFF, 0x80, 0x07, 0x08, UInt8(truncatingIfNeeded: index &* 37), data[index] ^ 0x01] {
                var damaged = data
                damaged[index] = value
                _ = try? BinaryDecoder().decode(Sample.self, from: damaged)
            }
        }
        // An array claiming 2^62 elements and a string claiming 2^62 bytes, in a few bytes.
        let hugeArray = Data([7, 10, 0, 0, 0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40, 0])
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode([Int].self, from: hugeArray) }
        let hugeString = Data([6, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40])
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(String.self, from: hugeString) }
        let endlessVarint = Data([3] + [UInt8](repeating: 0xFF, count: 20))
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Int.self, from: endlessVarint) }
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Int.self, from: Data([42])) }
    }
}
