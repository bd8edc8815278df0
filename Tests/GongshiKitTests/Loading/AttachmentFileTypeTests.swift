import Foundation
import Testing

@testable import GongshiKit

/// Attachments that are not what they claim: a symlink named `internal.pdf` that leads to a withheld item, to
/// `site.yaml` or to a file whose name holds a personal number; a FIFO; a content file hard-linked or copied under a
/// `.pdf` name. Each is refused, nothing is published, and no message names a symlink's target.
@Suite("Attachments that are not what they claim")
struct AttachmentFileTypeTests {
    static let targetMark = SourceFileTypeTests.targetMark

    static func site(attachments: [String]) throws -> TestSite {
        let list = attachments.map { "  - file: \"\($0)\"\n" }.joined()
        return try TestSite([
            "site.yaml": Sample.site,
            "content/branches/a.md": Sample.branch("a"),
            "content/disclosures/d1.md":
                "---\nid: d1\nbranch: a\ntitle: 党费收缴情况\ncategory: 党费管理\nscope: 社会公开\npublished: 2026-03-10\n"
                + "reviewed: {by: 委员, date: 2026-03-01}\napproved: {by: 书记, date: 2026-03-02}\nattachments:\n\(list)---\n正文。\n",
            "content/disclosures/neibu-dangfei-mingxi.md": Sample.disclosure(
                "neibu-dangfei-mingxi", scope: "党内公开", title: "NEIBU-MARK", body: "NEIBU-MARK 党费明细"),
            "content/disclosures/附件/明细表.pdf": "%PDF-1.4 明细",
        ])
    }

    static func link(_ site: TestSite, _ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(path).path, withDestinationPath: target)
    }

    /// Builds; expects one error per listed attachment at its line, no output, and no target name anywhere.
    static func expectRefused(
        _ site: TestSite, _ expected: [(String, String)], alsoInScan: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        try expectRefused(site.build(), site, expected, alsoInScan: alsoInScan, sourceLocation: sourceLocation)
    }

    static func expectRefused(
        _ outcome: BuildOutcome, _ site: TestSite, _ expected: [(String, String)], alsoInScan: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let errors = outcome.diagnostics.filter { $0.severity == .error && !alsoInScan.contains($0.path) }.map(\.description)
        for (index, (file, message)) in expected.enumerated() {
            let prefix = "content/disclosures/d1.md:\(11 + index): error: 附件「\(file)」\(message)"
            #expect(errors.contains { $0.hasPrefix(prefix) }, "\(prefix) not in \(errors)", sourceLocation: sourceLocation)
        }
        #expect(errors.count == expected.count, "\(errors)", sourceLocation: sourceLocation)
        #expect(!outcome.diagnostics.contains { $0.description.contains(targetMark) }, sourceLocation: sourceLocation)
        #expect(outcome.publish == nil, sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: site.output.path), sourceLocation: sourceLocation)
    }

    @Test func symlinksAreRefusedWhereverTheyLead() throws {
        let files = ["附件/internal.pdf", "附件/config.pdf", "附件/scan.pdf", "附件/dangling.pdf"]
        let site = try Self.site(attachments: files)
        // To a withheld item in the source folder; to ../../../site.yaml; to a real PDF whose name is an ID number.
        try Self.link(site, "content/disclosures/附件/internal.pdf", to: "../neibu-dangfei-mingxi.md")
        try Self.link(site, "content/disclosures/附件/config.pdf", to: "../../../site.yaml")
        try site.write("content/disclosures/附件/\(Self.targetMark).pdf", "%PDF-1.4 张三的扫描件")
        try Self.link(site, "content/disclosures/附件/scan.pdf", to: "\(Self.targetMark).pdf")
        try Self.link(site, "content/disclosures/附件/dangling.pdf", to: "\(Self.targetMark)-gone.pdf")
        try Self.expectRefused(site, files.map { ($0, "是符号链接：gongshi 不读取符号链接") })
    }

    @Test func aSymlinkedFolderOnThePathIsRefused() throws {
        let site = try Self.site(attachments: ["资料/明细表.pdf"])
        // Inside the source folder, so not caught by a check of where the link leads.
        try Self.link(site, "content/disclosures/资料", to: "附件")
        // The scan of content/ reports the symlinked folder itself too.
        try Self.expectRefused(site, [("资料/明细表.pdf", "是符号链接：gongshi 不读取符号链接")], alsoInScan: ["content/disclosures/资料"])
        #expect(try site.build().diagnostics.contains { $0.path == "content/disclosures/资料" && $0.message.hasPrefix("此目录是符号链接") })
    }

    @Test func aFIFOIsRefusedWithoutBeingOpened() throws {
        let site = try Self.site(attachments: ["附件/x.pdf"])
        let fifo = site.root.appendingPathComponent("content/disclosures/附件/x.pdf")
        try makeFIFO(fifo)
        // Expectations are checked here, on the test's own thread, not inside the deadline's.
        let outcome = try withDeadline(unblocking: [fifo]) { try site.build() }
        try Self.expectRefused(outcome, site, [("附件/x.pdf", "不是普通文件，而是命名管道（FIFO）；gongshi 没有打开它")])
    }

    @Test func aContentFileUnderAnotherNameIsRefused() throws {
        let site = try Self.site(attachments: ["附件/internal.pdf", "附件/copy.pdf"])
        let neibu = site.root.appendingPathComponent("content/disclosures/neibu-dangfei-mingxi.md")
        // A hard link is a regular file, not a symlink: the same withheld item under a second name.
        try FileManager.default.linkItem(at: neibu, to: site.root.appendingPathComponent("content/disclosures/附件/internal.pdf"))
        try FileManager.default.copyItem(at: neibu, to: site.root.appendingPathComponent("content/disclosures/附件/copy.pdf"))
        try Self.expectRefused(
            site, [("附件/internal.pdf", "是本站的一个内容文件的硬链接"), ("附件/copy.pdf", "的内容不是 PDF（文件开头是文字，像是本站的 Markdown 内容文件）")])
    }

    @Test func aHardLinkToSiteYAMLIsNamedAsSuch() throws {
        let site = try Self.site(attachments: ["附件/config.pdf"])
        try FileManager.default.linkItem(
            at: site.root.appendingPathComponent("site.yaml"), to: site.root.appendingPathComponent("content/disclosures/附件/config.pdf"))
        try Self.expectRefused(site, [("附件/config.pdf", "是本站的配置文件 site.yaml 的硬链接")])
    }

    /// Text of any kind, an empty file, or another allowed format under the wrong extension: refused on what the
    /// bytes are, at the entry's line, without quoting them.
    @Test func theContentMustBeWhatTheExtensionSays() throws {
        let neibu = "\n  ---\nid: x\nscope: 党内公开\nNEIBU-MARK 党费明细\n"
        let cases: [(String, Data, String)] = [
            ("附件/a.pdf", Data(neibu.utf8), "的内容不是 PDF（文件开头是文字，像是本站的 Markdown 内容文件）"),
            ("附件/b.pdf", Data("title: NEIBU-MARK\nbase_url: https://x.org/\n".utf8), "的内容不是 PDF（文件开头是文字）"),
            ("附件/c.pdf", Data("<html><body>NEIBU-MARK</body></html>".utf8), "的内容不是 PDF（文件开头是文字）"),
            ("附件/d.png", Data("<svg xmlns=\"http://www.w3.org/2000/svg\">NEIBU-MARK</svg>".utf8), "的内容不是 PNG 图片（文件开头是文字）"),
            ("附件/e.pdf", Data(), "的内容不是 PDF（文件是空的）"),
            ("附件/f.pdf", AttachmentBytes.png("NEIBU-MARK"), "的内容不是 PDF（文件其实是 PNG 图片）"),
            ("附件/g.jpg", AttachmentBytes.pdf("NEIBU-MARK"), "的内容不是 JPEG 图片（文件其实是 PDF）"),
            ("附件/h.pdf", Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01]), "的内容不是 PDF（文件是 ZIP 压缩包，但不是 Word 或 Excel 文件）"),
            ("附件/i.docx", AttachmentBytes.xlsx(), "的内容不是 Word 文档（docx）（文件其实是 Excel 表格（xlsx））"),
            ("附件/j.xlsx", Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01]), "的内容不是 Excel 表格（xlsx）（文件是 ZIP 压缩包"),
            ("附件/k.jpeg", Data([0x00, 0x01, 0xFE, 0x80]), "的内容不是 JPEG 图片（文件开头不是任何允许的附件格式）"),
            ("附件/l.PDF", Data(" %PDF-1.4 NEIBU-MARK".utf8), "的内容不是 PDF（文件开头是文字）"),
        ]
        let site = try Self.site(attachments: cases.map(\.0))
        for (file, bytes, _) in cases { try site.write("content/disclosures/\(file)", bytes) }
        let outcome = try site.build()
        try Self.expectRefused(outcome, site, cases.map { ($0.0, $0.2) })
        #expect(!outcome.diagnostics.contains { $0.description.contains("NEIBU-MARK") })
    }

    @Test func eachAllowedTypeWithItsSignatureIsPublished() throws {
        let cases: [(String, Data)] = [
            ("附件/a.pdf", AttachmentBytes.pdf()), ("附件/b.jpg", AttachmentBytes.jpeg()), ("附件/c.JPEG", AttachmentBytes.jpeg()),
            ("附件/d.png", AttachmentBytes.png()), ("附件/e.docx", AttachmentBytes.docx()), ("附件/f.xlsx", AttachmentBytes.xlsx()),
        ]
        let site = try Self.site(attachments: cases.map(\.0))
        for (file, bytes) in cases { try site.write("content/disclosures/\(file)", bytes) }
        let outcome = try site.build()
        #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
        for (index, (_, bytes)) in cases.enumerated() {
            let ext = ["pdf", "jpg", "jpeg", "png", "docx", "xlsx"][index]
            #expect(try Data(contentsOf: site.output.appendingPathComponent("disclosures/d1/attachments/\(index + 1).\(ext)")) == bytes)
        }
    }

    @Test func aRealAttachmentIsStillPublishedUnderItsWrittenName() throws {
        let site = try Self.site(attachments: ["./附件/明细表.pdf"])
        let outcome = try site.build()
        #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
        #expect(try site.page("disclosures/d1/attachments/1.pdf") == "%PDF-1.4 明细")
        #expect(try site.page("disclosures/d1/index.html").contains(">明细表.pdf</a>"))
    }
}
