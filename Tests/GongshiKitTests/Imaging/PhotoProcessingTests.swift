import Foundation
import Testing

@testable import GongshiKit

/// What the image stage makes of a photo: upright, every metadata stripped, in the documented sizes (never enlarged),
/// named from its content, on every kind of record that holds photos, in bodies, and from the logo.
@Suite("Photos: processing")
struct PhotoProcessingTests {
    @Test func outputsCarryNoMetadataAndAreTurnedUpright() throws {
        // 300 × 200 as stored, orientation 6 (the phone was held upright): 200 × 300 as shown.
        let source = try PhotoFixtures.phoneJPEG(300, 200, orientation: 6)
        let before = try PhotoFixtures.tags(
            try {
                let url = PhotoFixtures.temporary("s.jpg"); try source.write(to: url); return url.path
            }())
        #expect(before.keys.contains { $0.hasPrefix("GPS:") } && before.keys.contains { $0.hasPrefix("XMP") } && before.keys.contains { $0.hasPrefix("IPTC:") })
        #expect(before.keys.contains { $0.hasPrefix("ICC") } && before["File:Comment"] as? String == "COMMENT-SECRET")
        let site = try PhotoTestSite.site([("现场.jpg", source, "党员志愿者为居民测量血压")])
        let checked = PhotoTestSite.load(site)
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics)")
        let image = try #require(checked.model?.examples.first { $0.id == "e1" }?.imageFiles.first)
        #expect(image.caption == "党员志愿者为居民测量血压")
        #expect(image.sourceHash == SHA256.hex(source))
        #expect((image.large.width, image.large.height) == (200, 300))
        #expect(image.small == image.large)
        #expect(image.variants.count == 1)
        let tags = try PhotoFixtures.tags(image.large.cachedFile)
        // Only what exiftool says of the file itself: no EXIF, GPS, XMP, IPTC, comment, ICC or maker notes.
        let groups = Set(tags.keys.compactMap { $0.split(separator: ":").first.map(String.init) })
        #expect(groups.isSubset(of: ["SourceFile", "ExifTool", "System", "File", "Composite", "JFIF"]), "\(groups)")
        #expect(tags["File:Comment"] == nil && tags["File:ImageWidth"] as? Int == 200 && tags["File:ImageHeight"] as? Int == 300)
        // And as libvips reads it back: no EXIF, XMP, IPTC or ICC block, no orientation tag.
        let header = String(decoding: try PhotoFixtures.run("vipsheader", ["-a", image.large.cachedFile]), as: UTF8.self)
        #expect(header.contains("width: 200") && header.contains("height: 300"), "\(header)")
        for field in ["exif-data", "xmp-data", "iptc-data", "icc-profile-data", "orientation", "jpeg-comment"] {
            #expect(!header.contains(field), "\(field) in \(header)")
        }
        let sourceFile = PhotoFixtures.temporary("source.jpg")
        try source.write(to: sourceFile)
        let sourceHeader = String(decoding: try PhotoFixtures.run("vipsheader", ["-a", sourceFile.path]), as: UTF8.self)
        #expect(["exif-data", "xmp-data", "iptc-data", "icc-profile-data", "orientation"].allSatisfy(sourceHeader.contains), "\(sourceHeader)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: image.large.cachedFile))
        for secret in ["Exif", "SECRET", "PhoneMaker", "张三", "http://ns.adobe.com/xap"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret)")
        }
    }

    @Test(arguments: [
        // width × height → large, small
        (2000, 1000, 1280, 640, 480, 240),
        (800, 600, 800, 600, 480, 360),
        (1280, 100, 1280, 100, 480, 38),
        (480, 320, 480, 320, 480, 320),
        (300, 200, 300, 200, 300, 200),
    ])
    func sizesAreAsDocumentedAndNeverEnlarged(_ width: Int, _ height: Int, _ largeWidth: Int, _ largeHeight: Int, _ smallWidth: Int, _ smallHeight: Int) throws
    {
        let site = try PhotoTestSite.site([("a.png", try PhotoFixtures.image(width, height, ext: "png"), "街道党群服务站外景")])
        let checked = PhotoTestSite.load(site)
        let image = try #require(checked.model?.examples.first { $0.id == "e1" }?.imageFiles.first, "\(checked.diagnostics)")
        #expect((image.large.width, image.large.height) == (largeWidth, largeHeight))
        #expect((image.small.width, image.small.height) == (smallWidth, smallHeight))
        for variant in image.variants {
            let tags = try PhotoFixtures.tags(variant.cachedFile)
            #expect(tags["File:FileType"] as? String == "JPEG")
            #expect((tags["File:ImageWidth"] as? Int, tags["File:ImageHeight"] as? Int) == (variant.width, variant.height))
            #expect(variant.route.outputPath == "media/\(variant.name)")
        }
        let prefix = String(image.large.name.prefix(20))
        #expect(prefix.count == 20 && prefix.allSatisfy(\.isHexDigit))
        if width > PhotoSettings.smallWidth {
            #expect(image.small.name == "\(prefix)-480.jpg" && image.large.name == "\(prefix)-1280.jpg")
        } else {
            #expect(image.variants == [image.small] && image.small.name == "\(prefix)-1280.jpg")
        }
    }

    @Test func captionsAreMaskedLikeEveryOtherText() throws {
        let site = try PhotoTestSite.site(
            [("a.jpg", try PhotoFixtures.image(40, 30), "联系人张三 13812345678 在现场")], body: "正文。\n\n![联系 13912345678 的王五](照片/a.jpg)\n")
        let checked = PhotoTestSite.load(site)
        let example = try #require(checked.model?.examples.first { $0.id == "e1" })
        #expect(example.imageFiles.map(\.caption) == ["联系人张三 138****5678 在现场"])
        #expect(example.bodyImages.values.map(\.caption) == ["联系 139****5678 的王五"])
        #expect(checked.diagnostics.filter { $0.kind == .mobileMasked }.count == 2)
    }

    @Test func aHEICPhotoIsDecodedAndPublishedAsJPEG() throws {
        // Debian's libvips reads HEIC through libheif and libde265, and writes it too (x265), which makes this one.
        let site = try PhotoTestSite.site([("手机.heic", try PhotoFixtures.image(640, 480, ext: "heic"), "用苹果手机拍的活动现场")])
        let checked = PhotoTestSite.load(site)
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics)")
        let image = try #require(checked.model?.examples.first { $0.id == "e1" }?.imageFiles.first)
        #expect((image.large.width, image.large.height, image.small.width, image.small.height) == (640, 480, 480, 360))
        for variant in image.variants {
            let tags = try PhotoFixtures.tags(variant.cachedFile)
            #expect(tags["File:FileType"] as? String == "JPEG")
        }
    }

    @Test func everyKindOfRecordAndEveryProgressEntryGetsItsPhotos() throws {
        let site = try BuildEndToEndTests.smallSite()
        for (index, (folder, name)) in [("disclosures", "d.jpg"), ("branches", "b.webp"), ("examples", "e.jpg"), ("promises", "p.png")].enumerated() {
            let ext = String(name.split(separator: ".").last!)
            try site.write("content/\(folder)/照片/\(name)", try PhotoFixtures.image(64 + index, 48, ext: ext, seed: index))
        }
        func add(_ file: String, _ lines: String) throws {
            let url = site.root.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            let end = text.range(of: "\n---\n", range: text.index(after: text.startIndex)..<text.endIndex)!
            try site.write(file, String(text[..<end.lowerBound]) + "\n" + lines + String(text[end.lowerBound...]))
        }
        try add("content/disclosures/d1.md", "images:\n  - {file: 照片/d.jpg, caption: 公示栏}")
        try add("content/branches/a.md", "images:\n  - {file: 照片/b.webp, caption: 党群服务站}")
        try add("content/examples/e1.md", "images:\n  - {file: 照片/e.jpg, caption: 志愿者}")
        let promise = try String(contentsOf: site.root.appendingPathComponent("content/promises/p1.md"), encoding: .utf8)
        try site.write(
            "content/promises/p1.md",
            promise.replacingOccurrences(
                of: "    status: 进行中\n",
                with:
                    "    status: 进行中\n    progress:\n      - date: 2026-03-01\n        text: 清理楼道\n        images:\n          - {file: 照片/p.png, caption: 清理后的楼道}\n"
            ))
        let checked = PhotoTestSite.load(site)
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics)")
        let model = try #require(checked.model)
        #expect(model.disclosures.first { $0.id == "d1" }?.imageFiles.map(\.caption) == ["公示栏"])
        #expect(model.branches.first { $0.id == "a" }?.imageFiles.map(\.caption) == ["党群服务站"])
        #expect(model.examples.first { $0.id == "e1" }?.imageFiles.map(\.caption) == ["志愿者"])
        let entries = model.promises.first { $0.id == "p1" }?.items.compactMap(\.progress).flatMap { $0 } ?? []
        #expect(entries.map { $0.imageFiles.map(\.caption) } == [["清理后的楼道"], ["清理后的楼道"]])
        #expect(entries.first?.imageFiles.first?.large.width == 67)
        // The same source is one set of files.
        #expect(Set(entries.flatMap(\.imageFiles).map(\.large.name)).count == 1)
    }

    @Test func aBodyImageInTheSourceDirIsAPhotoKeyedByItsSrc() throws {
        let data = try PhotoFixtures.image(900, 600)
        let body = "第一段。\n\n![党员在现场](<照片/现场 1.jpg>)\n\n![另一张](%E7%85%A7%E7%89%87/%E4%BA%8C.jpg \"标题\")\n"
        let site = try PhotoTestSite.site([], body: body)
        try site.write("content/examples/照片/现场 1.jpg", data)
        try site.write("content/examples/照片/二.jpg", try PhotoFixtures.image(900, 600, seed: 5))
        // `check` and the build agree: no error, the body image is the stage's.
        #expect(site.check().filter { $0.severity == .error } == [])
        let checked = PhotoTestSite.load(site)
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics)")
        let example = try #require(checked.model?.examples.first { $0.id == "e1" })
        #expect(example.bodyImages.count == 2, "\(example.bodyImages.keys)")
        for (src, image) in example.bodyImages {
            #expect(example.bodyHTML.contains("<img src=\"\(src)\""), "\(src) in \(example.bodyHTML)")
            #expect(image.large.width == 900 && image.small.width == 480)
        }
        #expect(Set(example.bodyImages.values.map(\.caption)) == ["党员在现场", "另一张"])
        #expect(example.bodyImages.keys.allSatisfy { $0.allSatisfy(\.isASCII) && !$0.contains(" ") })
        #expect(example.imageFiles.isEmpty)
    }

    @Test func theLogoGivesTheDefaultImageAndASquareFavicon() throws {
        let site = try BuildEndToEndTests.smallSite()
        try site.write("assets/logo.png", try PhotoFixtures.image(400, 300, ext: "png"))
        try site.write("site.yaml", Sample.site + "\ncategories: [乡村振兴]\nlogo: assets/logo.png\n")
        let checked = PhotoTestSite.load(site)
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics)")
        let config = try #require(checked.model?.config)
        let logo = try #require(config.logoFile)
        #expect(logo.caption == "测试街道党务公开网")
        #expect((logo.large.width, logo.large.height) == (400, 300))
        let favicon = try #require(config.favicon)
        #expect((favicon.width, favicon.height) == (192, 192))
        #expect(favicon.name.hasPrefix(String(logo.large.name.prefix(20))) && favicon.name.hasSuffix(".png"))
        let tags = try PhotoFixtures.tags(favicon.cachedFile)
        #expect(tags["File:FileType"] as? String == "PNG")
        #expect((tags["PNG:ImageWidth"] as? Int, tags["PNG:ImageHeight"] as? Int) == (192, 192))
    }

    @Test func aSmallLogoGivesASmallerSquareFavicon() throws {
        let site = try BuildEndToEndTests.smallSite()
        try site.write("logo.jpg", try PhotoFixtures.image(120, 90))
        try site.write("site.yaml", Sample.site + "\ncategories: [乡村振兴]\nlogo: logo.jpg\n")
        let favicon = try #require(PhotoTestSite.load(site).model?.config.favicon)
        #expect((favicon.width, favicon.height) == (90, 90))
    }

    @Test func aTransparentPNGIsFlattenedOntoWhite() throws {
        let folder = PhotoFixtures.temporary("x").deletingLastPathComponent()
        let black = folder.appendingPathComponent("black.v").path
        let alpha = folder.appendingPathComponent("alpha.v").path
        let rgba = folder.appendingPathComponent("rgba.png").path
        try PhotoFixtures.run("vips", ["black", black, "40", "30", "--bands", "3"])
        try PhotoFixtures.run("vips", ["black", alpha, "40", "30"])
        try PhotoFixtures.run("vips", ["bandjoin", "\(black) \(alpha)", rgba])
        let site = try PhotoTestSite.site([("透明.png", try Data(contentsOf: URL(fileURLWithPath: rgba)), "透明底的标志")])
        let image = try #require(PhotoTestSite.load(site).model?.examples.first { $0.id == "e1" }?.imageFiles.first)
        let average = try PhotoFixtures.run("vips", ["avg", image.large.cachedFile])
        #expect(Double(String(decoding: average, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))! > 250)
    }
}
