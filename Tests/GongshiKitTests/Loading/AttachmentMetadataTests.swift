import Foundation
import Testing

@testable import GongshiKit

/// Attachments are published byte for byte, so a JPEG or PNG attachment carrying metadata (a phone's GPS position in
/// EXIF, XMP, IPTC, PNG text chunks) is refused at its line; the same picture without metadata is copied unchanged.
/// The files are made with `vips` and `exiftool`, each with one kind of block.
@Suite("Metadata in image attachments")
struct AttachmentMetadataTests {
    /// A JPEG or PNG made by libvips, with every metadata block removed by exiftool, then given `tags` (none: left
    /// clean; libvips itself writes a small EXIF block into a JPEG).
    static func picture(_ ext: String, tags: [String]) throws -> Data {
        let file = PhotoFixtures.temporary("tagged.\(ext)")
        try PhotoFixtures.image(64, 48, ext: ext).write(to: file)
        try PhotoFixtures.run("exiftool", ["-q", "-overwrite_original", "-all="] + tags + [file.path])
        return try Data(contentsOf: file)
    }

    static func site(_ name: String, _ bytes: Data) throws -> TestSite {
        let site = try TestSite([
            "site.yaml": Sample.site,
            "content/branches/a.md": Sample.branch("a"),
            "content/examples/e1.md": TestContent.document([
                "id: e1", "title: 敲门行动", "branch: a", "date: 2026-03-10", "attachments:", "  - file: 附件/\(name)",
            ]),
        ])
        try site.write("content/examples/附件/\(name)", bytes)
        return site
    }

    static let gps = ["-GPSLatitude=31.2304", "-GPSLatitudeRef=N", "-GPSLongitude=121.4737", "-GPSLongitudeRef=E"]

    @Test(arguments: [
        ("jpg", gps, "EXIF"), ("jpeg", ["-Make=PhoneMaker", "-Model=X1"], "EXIF"), ("jpg", ["-XMP-dc:Creator=张三"], "XMP"),
        ("jpg", ["-IPTC:By-line=张三"], "IPTC"), ("png", gps, "EXIF"), ("png", ["-PNG:Comment=张三家门口"], "文字信息"),
        ("png", ["-XMP-dc:Creator=张三"], "iTXt"),
    ])
    func anImageAttachmentWithMetadataIsRefusedAtItsLine(ext: String, tags: [String], block: String) throws {
        let bytes = try Self.picture(ext, tags: tags)
        let site = try Self.site("现场.\(ext)", bytes)
        let outcome = try site.build()
        let error = try #require(outcome.diagnostics.first { $0.severity == .error }, "\(tags) passed")
        #expect(error.path == "content/examples/e1.md" && error.line == 7, "\(error)")
        #expect(error.message.hasPrefix("附件「附件/现场.\(ext)」带有 ") && error.message.contains("照片请列在 images 中"), "\(error.message)")
        #expect(error.message.contains(block))
        #expect(!site.outputFiles().contains { $0.hasSuffix(".\(ext)") })
    }

    @Test(arguments: ["jpg", "png"])
    func theSamePictureWithoutMetadataIsCopiedUnchanged(ext: String) throws {
        let bytes = try Self.picture(ext, tags: [])
        #expect(AttachmentMetadata.blocks(in: [UInt8](bytes)).isEmpty)
        let site = try Self.site("现场.\(ext)", bytes)
        let outcome = try site.build()
        #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
        #expect(try Data(contentsOf: site.output.appendingPathComponent("examples/e1/attachments/1.\(ext)")) == bytes)
    }

    @Test func aPhoneJPEGNamesEveryBlockItCarries() throws {
        let blocks = AttachmentMetadata.blocks(in: [UInt8](try PhotoFixtures.phoneJPEG(64, 48)))
        #expect(Set(blocks).isSuperset(of: ["EXIF", "XMP", "IPTC"]), "\(blocks)")
    }
}
