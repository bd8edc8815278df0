import Foundation
import Testing

@testable import GongshiKit

@Suite("Diagnostic listing: errors first, then warnings counted by kind")
struct DiagnosticListingTests {
    static let mixed: [Diagnostic] = [
        Diagnostic(.warning, "content/a.md", line: 1, "未发布 1", kind: .unpublished),
        Diagnostic(.warning, "content/b.md", line: 2, "手机号", kind: .mobileMasked),
        Diagnostic(.warning, "content/c.md", line: 3, "未发布 2", kind: .unpublished),
        Diagnostic(.error, "content/z.md", line: 9, "最后一个文件的错误"),
        Diagnostic(.warning, "content/d.md", line: 4, "未知字段", kind: .unknownField),
        Diagnostic(.error, "content/m.md", line: 5, "中间的错误"),
        Diagnostic(.warning, "content/e.md", line: 5, "未发布 3", kind: .unpublished),
    ]

    @Test func errorsComeFirstThenTheCountLineThenTheWarningsThenTheSummary() {
        let lines = DiagnosticListing(Self.mixed).lines
        #expect(
            lines == [
                "content/m.md:5: error: 中间的错误",
                "content/z.md:9: error: 最后一个文件的错误",
                "警告：未发布 3 条，手机号打码 1 条，未知字段 1 条",
                "content/a.md:1: warning: 未发布 1",
                "content/b.md:2: warning: 手机号",
                "content/c.md:3: warning: 未发布 2",
                "content/d.md:4: warning: 未知字段",
                "content/e.md:5: warning: 未发布 3",
                "检查完成：2 个错误，5 个警告",
            ])
    }

    @Test func withoutWarningsThereIsNoCountLine() {
        let lines = DiagnosticListing([Diagnostic(.error, "site.yaml", line: 1, "x")]).lines
        #expect(lines == ["site.yaml:1: error: x", "检查完成：1 个错误，0 个警告"])
        #expect(DiagnosticListing([]).lines == ["检查完成：0 个错误，0 个警告"])
    }

    @Test func kindsAreCountedByTheirCategoryNotTheirText() {
        // Same text, different kinds; and a kind whose text says nothing about it.
        let listing = DiagnosticListing([
            Diagnostic(.warning, "a", line: 1, "x", kind: .emailMasked),
            Diagnostic(.warning, "b", line: 1, "x", kind: .wordBullet),
            Diagnostic(.warning, "c", line: 1, "x", kind: .wordBullet),
            Diagnostic(.warning, "d", line: 1, "x"),
        ])
        #expect(listing.warningCountLine == "警告：Word 项目符号 2 条，邮箱打码 1 条，其他 1 条")
    }

    /// The build's own warnings carry their kind: a withheld disclosure, a masked mobile number, an unknown field.
    @Test func theBuildLabelsItsWarnings() throws {
        let site = try TestSite([
            "site.yaml": Sample.site,
            "content/branches/a.md": Sample.branch("a", extra: "nmae: 甲\nsecretary: 王芳 13812345678"),
            "content/disclosures/d.md": Sample.disclosure("d", approved: false),
        ])
        defer { try? FileManager.default.removeItem(at: site.root) }
        let kinds = Set(site.check().filter { $0.severity == .warning }.map(\.kind))
        #expect(kinds == [.unknownField, .mobileMasked, .unpublished])
    }
}
