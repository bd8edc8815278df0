import Foundation
import Testing

@testable import GongshiKit

/// Test photos made on the spot with Debian's `vips` (libvips-tools) and `exiftool`, never downloaded; and the few
/// malformed files no tool writes (a decompression bomb's header, an APNG, an animated WebP), assembled by hand.
enum PhotoFixtures {
    struct ToolFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a tool; its standard output.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailure(description: "\(tool) \(arguments): \(String(decoding: problem, as: UTF8.self))")
        }
        return data
    }

    static func temporary(_ name: String) -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-photo-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name)
    }

    /// A noisy image of `width` × `height` in the format of `ext` (jpg, png, webp), with `seed` making its pixels
    /// unique.
    static func image(_ width: Int, _ height: Int, ext: String = "jpg", seed: Int = 0) throws -> Data {
        let noise = temporary("noise.v")
        try run("vips", ["gaussnoise", noise.path, "\(width)", "\(height)", "--mean", "\(100 + seed % 100)", "--seed", "\(seed)"])
        let file = temporary("image.\(ext)")
        try run("vips", ["copy", noise.path, file.path])
        return try Data(contentsOf: file)
    }

    /// A phone's JPEG: every kind of metadata a phone or an editor writes (EXIF with orientation, GPS position, make,
    /// model and serial number, XMP, IPTC, a comment, an ICC profile), and the EXIF orientation given.
    static func phoneJPEG(_ width: Int, _ height: Int, orientation: Int = 1, seed: Int = 0) throws -> Data {
        let noise = temporary("noise.v")
        let colour = temporary("colour.v")
        let profiled = temporary("profiled.v")
        let file = temporary("phone.jpg")
        try run("vips", ["gaussnoise", noise.path, "\(width)", "\(height)", "--seed", "\(seed)"])
        try run("vips", ["colourspace", noise.path, colour.path, "srgb"])
        // An embedded ICC profile, as a phone writes (Display P3 there; libvips' sRGB here).
        try run("vips", ["icc_transform", colour.path, profiled.path, "srgb", "--embedded"])
        try run("vips", ["copy", profiled.path, file.path])
        try run(
            "exiftool",
            [
                "-q", "-overwrite_original", "-n", "-Orientation=\(orientation)", "-GPSLatitude=31.2304", "-GPSLatitudeRef=N",
                "-GPSLongitude=121.4737", "-GPSLongitudeRef=E", "-Make=PhoneMaker", "-Model=SECRET-MODEL", "-Artist=张三",
                "-SerialNumber=SN-SECRET-42", "-XMP-dc:Creator=XMP-SECRET", "-IPTC:By-line=IPTC-SECRET", "-Comment=COMMENT-SECRET",
                "-DateTimeOriginal=2026:05:01 10:00:00", file.path,
            ])
        return try Data(contentsOf: file)
    }

    /// Every tag exiftool finds in `file`, as `Group:Name` (the specific group: `GPS`, `XMP-dc`, `IPTC`…) → value.
    static func tags(_ file: String) throws -> [String: Any] {
        let data = try run("exiftool", ["-j", "-G1", "-a", "-u", "-b", file])
        let list = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        return try #require(list.first)
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        var crc = CRC32()
        crc.update(typeBytes + data)
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(crc.value)
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }

    /// A PNG whose header claims `width` × `height` but whose data holds almost nothing: a decompression bomb.
    static func bombPNG(_ width: UInt32 = 10_000, _ height: UInt32 = 10_000) -> Data {
        let header = bigEndian(width) + bigEndian(height) + [8, 2, 0, 0, 0]
        // A stored (uncompressed) zlib stream of one empty row.
        let row: [UInt8] = [0x78, 0x01, 0x01, 0x01, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x01, 0x00, 0x01]
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", row) + chunk("IEND", []))
    }

    /// A real PNG with an `acTL` chunk (an APNG of two frames) before its image data.
    static func animatedPNG() throws -> Data {
        let png = [UInt8](try image(8, 8, ext: "png"))
        // The signature and IHDR (8 + 25 bytes), then acTL, then the rest.
        let actl = chunk("acTL", bigEndian(2) + bigEndian(0))
        return Data(png[0..<33] + actl + png[33...])
    }

    /// An animated WebP of two frames, assembled from a still WebP's VP8 bitstream (VP8X with the animation flag,
    /// ANIM, two ANMF frames).
    static func animatedWebP() throws -> Data {
        let still = [UInt8](try image(16, 16, ext: "webp"))
        // RIFF size WEBP, then chunks; find the VP8 (lossy) or VP8L chunk.
        var offset = 12
        var frame: [UInt8] = []
        while offset + 8 <= still.count {
            let type = String(decoding: still[offset..<offset + 4], as: UTF8.self)
            let size = Int(still[offset + 4]) | Int(still[offset + 5]) << 8 | Int(still[offset + 6]) << 16 | Int(still[offset + 7]) << 24
            let padded = size + size % 2
            if type == "VP8 " || type == "VP8L" { frame = Array(still[offset..<offset + 8 + padded]) }
            offset += 8 + padded
        }
        func little24(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF)] }
        func little32(_ value: Int) -> [UInt8] { little24(value) + [UInt8(value >> 24 & 0xFF)] }
        func riffChunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            Array(type.utf8) + little32(data.count) + data + (data.count % 2 == 1 ? [0] : [])
        }
        let vp8x = riffChunk("VP8X", [0x02, 0, 0, 0] + little24(15) + little24(15))
        let anim = riffChunk("ANIM", [255, 255, 255, 255, 0, 0])
        let anmf = riffChunk("ANMF", little24(0) + little24(0) + little24(15) + little24(15) + little24(100) + [0] + frame)
        let body = Array("WEBP".utf8) + vp8x + anim + anmf + anmf
        return Data(Array("RIFF".utf8) + little32(body.count) + body)
    }
}

/// CRC-32 (PNG's), for hand-made chunks.
struct CRC32 {
    private(set) var value: UInt32 = 0

    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    mutating func update(_ bytes: [UInt8]) {
        var c = ~value
        for byte in bytes { c = Self.table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        value = ~c
    }
}
