import Foundation
import Testing

@testable import GongshiKit

/// The sample site's photos (drawn by `scripts/make-sample-images.py`) show the feature: one is a phone-style photo
/// with an orientation tag and a made-up GPS position, and what the site publishes of them is upright and stripped,
/// never the original.
@Suite("The sample site's photos")
struct SamplePhotosTests {
    /// The photo drawn as a phone stores a portrait: on its side, with EXIF orientation 6 and GPS.
    static let phonePhoto = "content/promises/照片/红色驿站内景.jpg"

    /// Every photo file of the sample site: the `照片/` folders of the content kinds (the logo is in `pages/照片/`).
    static func sourcePhotos() -> [String] {
        var found: [String] = []
        for kind in ContentKind.allCases {
            let folder = "content/\(kind.rawValue)/照片"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: TestSite.repoRoot.appendingPathComponent(folder).path)) ?? []
            found += names.filter { !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
        }
        return found
    }

    /// exiftool's tags of a file as `group:name` → value (`-G0 -n`), without exiftool's own and the file system's.
    static func tags(_ path: String) throws -> [String: String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/exiftool")
        process.arguments = ["-j", "-a", "-G0", "-n", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let list = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let tags = try #require(list.first)
        return tags.filter { !$0.key.hasPrefix("ExifTool:") && !$0.key.hasPrefix("System:") && $0.key != "SourceFile" }
            .mapValues { "\($0)" }
    }

    /// Tags that describe the photo or where and how it was taken: everything but the file's own facts, the pixels'
    /// encoding and a colour profile.
    static func metadata(_ tags: [String: String]) -> [String] {
        let png: Set<String> = [
            "ImageWidth", "ImageHeight", "BitDepth", "ColorType", "Compression", "Filter", "Interlace", "PixelsPerUnitX",
            "PixelsPerUnitY", "PixelUnits", "SRGBRendering", "Gamma",
        ]
        return tags.keys.filter { key in
            let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
            switch parts[0] {
            case "File": return parts[1] == "Comment"
            case "Composite": return !["ImageSize", "Megapixels"].contains(parts[1])
            case "PNG": return !png.contains(parts[1])
            case "JFIF", "ICC_Profile": return false
            default: return true
            }
        }.sorted()
    }

    @Test func thePhonePhotoIsStoredOnItsSideWithAMadeUpPosition() throws {
        let tags = try Self.tags(TestSite.repoRoot.appendingPathComponent(Self.phonePhoto).path)
        #expect(tags["EXIF:Orientation"] == "6")
        #expect(tags["EXIF:GPSLatitude"] != nil && tags["EXIF:GPSLongitude"] != nil)
        #expect(tags["Composite:ImageSize"] == "1600 1200")
        #expect(Self.metadata(tags).contains { $0.hasPrefix("XMP:") } && Self.metadata(tags).contains("File:Comment"))
        for path in Self.sourcePhotos() where path != Self.phonePhoto {
            #expect(Self.metadata(try Self.tags(TestSite.repoRoot.appendingPathComponent(path).path)) == [], "\(path)")
        }
    }

    @Test func everySamplePhotoIsPublishedUprightStrippedAndNeverAsTheOriginal() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-photos-\(UUID().uuidString)")
        var options = BuildOptions(sourceDirectory: TestSite.repoRoot, outputDirectory: output, asOf: TestSite.asOf)
        options.cacheDirectory = output.deletingLastPathComponent().appendingPathComponent("\(output.lastPathComponent)-cache")
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: options.cacheDirectory!)
        }
        let outcome = try SiteBuilder.build(options)
        #expect(outcome.diagnostics.errorCount == 0, "\(outcome.diagnostics)")
        // The same options again, now that the cache holds every version: the model says what was made.
        let (checked, _, diagnostics) = SiteBuilder.check(options)
        #expect(diagnostics.errorCount == 0, "\(diagnostics)")
        let model = try #require(checked)

        let entries = model.promises.flatMap { letter in letter.items.flatMap { item in (item.progress ?? []).flatMap(\.imageFiles) } }
        var files = model.branches.flatMap(\.imageFiles) + model.disclosures.flatMap(\.imageFiles) + model.examples.flatMap(\.imageFiles)
        files += entries
        #expect(model.branches.filter { !$0.imageFiles.isEmpty }.count >= 2)
        #expect(model.disclosures.filter { !$0.imageFiles.isEmpty }.count >= 2)
        #expect(model.examples.filter { !$0.imageFiles.isEmpty }.count >= 2)
        #expect(entries.count >= 3)
        let logo = try #require(model.config.logoFile)
        files.append(logo)
        #expect(model.config.favicon != nil)
        #expect(Set(files.map(\.sourceHash)).count == Self.sourcePhotos().count, "every drawn photo is used")

        // The phone photo, turned upright: a portrait no wider than it was tall, the small version 480 wide.
        let letter = try #require(model.promises.first { $0.id == "jinqiao-shequ-2026" })
        let phone = try #require(letter.items.first?.progress?.flatMap(\.imageFiles).first)
        #expect((phone.large.width, phone.large.height) == (1200, 1600))
        #expect((phone.small.width, phone.small.height) == (PhotoSettings.smallWidth, 640))

        for variant in Set(files.flatMap(\.variants)) {
            let tags = try Self.tags(variant.cachedFile)
            #expect(Self.metadata(tags) == [], "\(variant.name)")
            #expect(tags["Composite:ImageSize"] == "\(variant.width) \(variant.height)", "\(variant.name)")
        }

        // No published file is an original, by bytes or by name.
        let originals = try Self.sourcePhotos().map { try Data(contentsOf: TestSite.repoRoot.appendingPathComponent($0)) }
        let names = Set(Self.sourcePhotos().map { ($0 as NSString).lastPathComponent })
        let enumerator = FileManager.default.enumerator(atPath: output.path)
        while let path = enumerator?.nextObject() as? String {
            #expect(!names.contains((path as NSString).lastPathComponent), "\(path)")
            guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) else { continue }
            #expect(!originals.contains(data), "\(path) is an original photo")
        }
    }
}
