import Foundation
import Testing

@testable import GongshiKit

/// Every photo that cannot be published is a content error at the line of its key, with the exact message, from
/// `check` and the build alike; nothing is published.
@Suite("Photos: refusals")
struct PhotoRefusalTests {
    static let file = "content/examples/e1.md"

    /// (file name, its bytes, the message after 「照片「照片/<name>」」).
    static func cases() throws -> [(String, Data, String)] {
        let jpeg = try PhotoFixtures.image(400, 300)
        let png = try PhotoFixtures.image(40, 30, ext: "png")
        return [
            ("截断.jpg", jpeg.prefix(jpeg.count / 2), "无法解码：文件不完整（可能没有传完或下载完）；请重新从手机或电脑复制一份原始照片"),
            ("截断.png", png.prefix(png.count - 40), "无法解码：文件不完整（可能没有传完或下载完）"),
            (
                "损坏.jpg", Self.damagedHuffmanTable(jpeg),
                "无法解码：文件已损坏，不是一张完整的图片；请用手机或电脑打开看看，重新导出或复制一份原始照片"
            ),
            ("炸弹.png", PhotoFixtures.bombPNG(), "有 10000 × 10000 像素（约 100 百万像素），超过每张照片 50 百万像素的上限，gongshi 没有解码它"),
            ("宽.png", PhotoFixtures.bombPNG(100_000, 600), "有 100000 × 600 像素（约 60 百万像素），超过每张照片 50 百万像素的上限"),
            (
                "矢量.jpg", Data("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".utf8),
                "的内容不是 JPEG 图片（文件其实是 SVG 矢量图（其中可以含有脚本））：gongshi 按文件内容而不是文件名检查照片，扩展名为 .jpg 的照片必须是真正的 JPEG 图片；请放入原始照片（JPEG、PNG、WebP 或 HEIC）"
            ),
            ("网页.jpeg", Data("<!DOCTYPE html><html><body>x</body></html>".utf8), "的内容不是 JPEG 图片（文件其实是 HTML 网页）"),
            ("改名.jpg", png, "的内容不是 JPEG 图片（文件其实是 PNG 图片）：gongshi 按文件内容而不是文件名检查照片，扩展名为 .jpg 的照片必须是真正的 JPEG 图片；请把扩展名改为 .png"),
            ("改名.webp", jpeg, "的内容不是 WebP 图片（文件其实是 JPEG 图片）"),
            ("文字.png", Data("---\nid: x\n---\n".utf8), "的内容不是 PNG 图片（文件开头是文字）"),
            ("空.jpg", Data(), "的内容不是 JPEG 图片（文件是空的）"),
            ("动图.png", try PhotoFixtures.animatedPNG(), "是动图（有多帧）：gongshi 不发布动图；请换成一张静止的照片（JPEG、PNG、WebP 或 HEIC）"),
            ("动图.webp", try PhotoFixtures.animatedWebP(), "是动图（有多帧）：gongshi 不发布动图"),
            ("视频.heic", Data([0, 0, 0, 0x18]) + Data("ftypisom".utf8) + Data(repeating: 0, count: 64), "的内容不是 HEIC 图片（文件其实是 视频（MP4、MOV 等））"),
            ("动画.gif", png, "的类型不能作为照片：只能是 jpg、jpeg、png、webp、heic、heif 文件（按文件内容检查）"),
        ]
    }

    /// A whole JPEG whose first Huffman table is overwritten: damaged, not cut short.
    static func damagedHuffmanTable(_ jpeg: Data) -> Data {
        var bytes = [UInt8](jpeg)
        let start = (0..<bytes.count - 1).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC4 }!
        for index in start + 5..<start + 25 { bytes[index] = 0xFF }
        return Data(bytes)
    }

    @Test func everyBadFileIsRefusedWithItsMessageAtItsLine() throws {
        for (name, data, message) in try Self.cases() {
            let site = try PhotoTestSite.site([(name, data, "居民议事会现场")])
            let line = try PhotoTestSite.line(of: "file: 照片/\(name)", in: Self.file, site)
            for diagnostics in [site.check(), PhotoTestSite.load(site).diagnostics] {
                let errors = diagnostics.filter { $0.severity == .error }
                #expect(errors.count == 1, "\(name): \(errors)")
                let prefix = "\(Self.file):\(line): error: 照片「照片/\(name)」\(message)"
                #expect(errors.first?.description.hasPrefix(prefix) == true, "\(errors.first?.description ?? "") ≠ \(prefix)")
            }
            #expect(PhotoTestSite.cached(site).isEmpty, "\(name)")
            let outcome = try site.build()
            #expect(outcome.hasErrors && outcome.publish == nil, "\(name)")
            #expect(!FileManager.default.fileExists(atPath: site.output.path))
        }
    }

    @Test func aFileOverTheSizeLimitIsNotRead() throws {
        let site = try PhotoTestSite.site([("大.jpg", Data([0xFF, 0xD8, 0xFF]), "巨大的照片")])
        let url = site.root.appendingPathComponent("content/examples/照片/大.jpg")
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(PhotoSettings.maximumBytes + 1))
        try handle.close()
        let line = try PhotoTestSite.line(of: "file: 照片/大.jpg", in: Self.file, site)
        #expect(
            site.check().filter { $0.severity == .error }.map(\.description) == [
                "\(Self.file):\(line): error: 照片「照片/大.jpg」太大（30.0 MB），每张照片不能超过 30 MB：请先在手机或电脑上把照片缩小或另存一份"
            ])
    }

    @Test func pathsFollowTheAttachmentsRules() throws {
        let jpeg = try PhotoFixtures.image(40, 30)
        let site = try PhotoTestSite.site([("真.jpg", jpeg, "真正的照片")])
        try site.write("content/外面.jpg", jpeg)
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("content/examples/照片/链接.jpg").path, withDestinationPath: "真.jpg")
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("content/examples/目录链接").path, withDestinationPath: "照片")
        try FileManager.default.linkItem(
            at: site.root.appendingPathComponent("site.yaml"), to: site.root.appendingPathComponent("content/examples/照片/配置.jpg"))
        let images = [
            ("../外面.jpg", "路径中不能有 ..：照片必须放在源目录之内、content/examples/e1.md 所在目录或其下的目录中"),
            ("/etc/passwd.jpg", "不能用绝对路径：请写相对于 content/examples/e1.md 所在目录的路径，如 照片/活动现场.jpg"),
            ("照片/链接.jpg", "是符号链接：gongshi 不读取符号链接"),
            ("目录链接/真.jpg", "是符号链接：gongshi 不读取符号链接"),
            ("照片/没有.jpg", "不存在（相对于 content/examples/e1.md 所在目录）"),
            ("照片", "的类型不能作为照片"),
            ("照片/配置.jpg", "是本站的配置文件 site.yaml 的硬链接"),
        ]
        var list = "images:\n"
        for (file, _) in images { list += "  - file: \"\(file)\"\n    caption: 一张照片\n" }
        try site.write("content/examples/e1.md", "---\nid: e1\ntitle: 近百家门\nbranch: b\ndate: 2026-06-01\nservice: 服务群众\n\(list)---\n正文。\n")
        // The scanner reports the symlinked folder on its own.
        let errors = site.check().filter { $0.severity == .error && $0.path == Self.file }
        #expect(errors.count == images.count, "\(errors)")
        for (index, (file, message)) in images.enumerated() {
            let line = try PhotoTestSite.line(of: "file: \"\(file)\"", in: Self.file, site)
            #expect(
                errors.contains { $0.line == line && $0.message.hasPrefix("照片「\(file)」\(message)") },
                "\(index) \(file): \(errors.filter { $0.line == line })")
        }
        #expect(errors.allSatisfy { !$0.message.contains("真.jpg」") || $0.message.contains("目录链接") })
    }

    @Test(arguments: ["现场", "现场.jpg", "现场.JPG", "照片/现场.jpg", "  ＩＭＧ_0001  ", "img_0001.jpg"])
    func aCaptionThatOnlyRepeatsTheFileNameIsAnError(_ caption: String) throws {
        let name = caption.contains("0001") ? "IMG_0001.jpg" : "现场.jpg"
        let site = try PhotoTestSite.site([(name, try PhotoFixtures.image(40, 30), "\"\(caption)\"")])
        let line = try PhotoTestSite.line(of: "caption: \"\(caption)\"", in: Self.file, site)
        let errors = site.check().filter { $0.severity == .error }
        #expect(
            errors.map(\.description) == [
                "\(Self.file):\(line): error: 照片「照片/\(name)」的说明（caption）「\(caption)」只是文件名：请写出照片里是什么，如「党员志愿者在小区门口为居民测量血压」"
            ])
    }

    @Test func aCaptionThatSaysSomethingPasses() throws {
        let site = try PhotoTestSite.site([("现场.jpg", try PhotoFixtures.image(40, 30), "现场照片：居民议事会")])
        #expect(site.check().filter { $0.severity == .error } == [])
    }

    @Test func aProgressEntrysPhotoIsReportedAtItsKeyPath() throws {
        let site = try BuildEndToEndTests.smallSite()
        try site.write("content/promises/照片/楼道.jpg", Data("<svg></svg>".utf8))
        try site.write("content/promises/照片/好.jpg", try PhotoFixtures.image(40, 30))
        let promise = try String(contentsOf: site.root.appendingPathComponent("content/promises/p2.md"), encoding: .utf8)
        try site.write(
            "content/promises/p2.md",
            promise.replacingOccurrences(
                of: "    status: 延期\n",
                with: "    status: 延期\n    progress:\n      - date: 2026-03-01\n        text: 清理楼道\n        images:\n"
                    + "          - file: 照片/好.jpg\n            caption: 好.jpg\n          - file: 照片/楼道.jpg\n            caption: 清理后的楼道\n"))
        let errors = site.check().filter { $0.severity == .error }
        let file = "content/promises/p2.md"
        #expect(errors.map(\.path) == [file, file], "\(errors)")
        #expect(errors.first?.line == (try PhotoTestSite.line(of: "caption: 好.jpg", in: file, site)))
        #expect(errors.first?.message.hasPrefix("照片「照片/好.jpg」的说明（caption）「好.jpg」只是文件名") == true)
        #expect(errors.last?.line == (try PhotoTestSite.line(of: "file: 照片/楼道.jpg", in: file, site)))
        #expect(errors.last?.message.hasPrefix("照片「照片/楼道.jpg」的内容不是 JPEG 图片（文件其实是 SVG 矢量图") == true)
    }

    @Test func aBodyImageNeedsACaptionAndAGoodFile() throws {
        let body = "第一段。\n\n![](照片/a.jpg)\n\n![A](照片/a.jpg)\n\n![坏图](照片/坏.png)\n\n![好图](照片/a.jpg)\n"
        let site = try PhotoTestSite.site([], body: body)
        try site.write("content/examples/照片/a.jpg", try PhotoFixtures.image(40, 30))
        try site.write("content/examples/照片/坏.png", Data("<html></html>".utf8))
        let errors = site.check().filter { $0.severity == .error }
        func line(_ text: String) throws -> Int { try PhotoTestSite.line(of: text, in: Self.file, site) }
        #expect(
            errors.map(\.description) == [
                "\(Self.file):\(try line("![](照片/a.jpg)")): error: 正文中的图片「照片/a.jpg」没有说明：请在 ![ ] 的方括号中写出照片里是什么，如「党员志愿者在小区门口为居民测量血压」；说明是照片的替代文字（读屏软件读给看不见照片的居民听），也显示在照片下方",
                "\(Self.file):\(try line("![A](照片/a.jpg)")): error: 正文中的图片「照片/a.jpg」的说明「A」只是文件名：请在 ![ ] 的方括号中写出照片里是什么，如「党员志愿者在小区门口为居民测量血压」",
                "\(Self.file):\(try line("![坏图]")): error: 正文中的图片「照片/坏.png」的内容不是 PNG 图片（文件其实是 HTML 网页）：gongshi 按文件内容而不是文件名检查照片，扩展名为 .png 的照片必须是真正的 PNG 图片；请放入原始照片（JPEG、PNG、WebP 或 HEIC）",
            ])
    }

    @Test func aBadLogoIsAnErrorAtItsLine() throws {
        let site = try BuildEndToEndTests.smallSite()
        try site.write("logo.png", Data("<svg></svg>".utf8))
        try site.write("site.yaml", Sample.site + "\nlogo: logo.png\ncategories: [乡村振兴]\n")
        let line = try PhotoTestSite.line(of: "logo:", in: "site.yaml", site)
        #expect(
            site.check().filter { $0.severity == .error }.map(\.description) == [
                "site.yaml:\(line): error: 站点标志（logo）「logo.png」的内容不是 PNG 图片（文件其实是 SVG 矢量图（其中可以含有脚本））：gongshi 按文件内容而不是文件名检查照片，扩展名为 .png 的照片必须是真正的 PNG 图片；请放入原始照片（JPEG、PNG、WebP 或 HEIC）"
            ])
    }
}
