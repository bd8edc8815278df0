import Foundation
import Testing

@testable import GongshiKit

@Suite("Attachments")
struct AttachmentLoaderTests {
    static func site(attachments: String, scope: String = "社会公开") throws -> TestSite {
        let site = try TestSite([
            "site.yaml": Sample.site,
            "content/branches/a.md": Sample.branch("a"),
            "content/disclosures/d1.md":
                "---\nid: d1\nbranch: a\ntitle: 党费收缴情况\ncategory: 党费管理\nscope: \(scope)\npublished: 2026-03-10\n"
                + "reviewed: {by: 委员, date: 2026-03-01}\napproved: {by: 书记, date: 2026-03-02}\nattachments:\n\(attachments)---\n正文。\n",
            "content/disclosures/附件/明细表.pdf": "%PDF-1.4 明细",
            "content/disclosures/附件/程序.exe": "MZ",
            "outside.pdf": "%PDF secret",
        ])
        try site.write("content/disclosures/附件/照片.JPG", AttachmentBytes.jpeg("jpeg bytes"))
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("content/disclosures/附件/目录.pdf"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("content/disclosures/附件/链接.pdf"),
            withDestinationURL: URL(fileURLWithPath: "/etc/hostname"))
        return site
    }

    @Test func allowedFilesAreCopiedUnderTheItemWithSafeNames() throws {
        let site = try Self.site(attachments: "  - {file: 附件/明细表.pdf, title: 2026年一季度党费明细}\n  - file: 附件/照片.JPG\n")
        let outcome = try site.build()
        #expect(!outcome.hasErrors, "\(outcome.diagnostics)")
        #expect(try site.page("disclosures/d1/attachments/1.pdf") == "%PDF-1.4 明细")
        let jpeg = try Data(contentsOf: site.output.appendingPathComponent("disclosures/d1/attachments/2.jpg"))
        #expect(jpeg == AttachmentBytes.jpeg("jpeg bytes"))
        let page = try site.page("disclosures/d1/index.html")
        #expect(page.contains("<a href=\"../../disclosures/d1/attachments/1.pdf\">2026年一季度党费明细</a>"))
        #expect(page.contains(">照片.JPG</a> <span class=\"entry-meta\">（JPG，1 KB）</span>"))
    }

    @Test func unsafePathsAreErrorsAtTheirLine() throws {
        let list = [
            "/etc/passwd.pdf", "../../outside.pdf", "附件/链接.pdf", "附件/目录.pdf", "附件/程序.exe", "附件/不存在.pdf", "C:\\\\文件.pdf",
        ]
        let site = try Self.site(attachments: list.map { "  - file: \"\($0)\"\n" }.joined())
        let outcome = try site.build()
        let errors = outcome.diagnostics.filter { $0.severity == .error }.map(\.description)
        let path = "content/disclosures/d1.md"
        #expect(errors.contains { $0.hasPrefix("\(path):11: error: 附件「/etc/passwd.pdf」不能用绝对路径") })
        #expect(errors.contains { $0.hasPrefix("\(path):12: error: 附件「../../outside.pdf」路径中不能有 ..") })
        #expect(errors.contains { $0.hasPrefix("\(path):13: error: 附件「附件/链接.pdf」是符号链接") })
        #expect(errors.contains { $0.hasPrefix("\(path):14: error: 附件「附件/目录.pdf」不是普通文件") })
        #expect(errors.contains { $0.hasPrefix("\(path):15: error: 附件「附件/程序.exe」的类型不允许发布：只能是 pdf、jpg、jpeg、png、docx、xlsx 文件") })
        #expect(errors.contains { $0.hasPrefix("\(path):16: error: 附件「附件/不存在.pdf」不存在") })
        #expect(errors.contains { $0.hasPrefix("\(path):17: error: 附件「C:\\文件.pdf」不能用绝对路径") })
        #expect(errors.count == 7)
        #expect(outcome.publish == nil)
    }

    @Test func attachmentsOfUnpublishedItemsAreNeverCopied() throws {
        let site = try Self.site(attachments: "  - file: 附件/明细表.pdf\n", scope: "党内公开")
        try site.write("content/disclosures/d2.md", Sample.disclosure("d2"))
        _ = try site.build()
        #expect(!site.outputFiles().contains { $0.contains("attachments") })
    }
}
