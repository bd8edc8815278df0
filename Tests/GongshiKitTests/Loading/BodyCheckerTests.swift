import Foundation
import Testing

@testable import GongshiKit

@Suite("Body checks: Word bullets and placeholder lines")
struct BodyCheckerTests {
    static func warnings(_ body: String) -> [Diagnostic] {
        BodyChecker.diagnostics(body, path: "content/pages/p.md", firstLine: 5).filter { $0.kind == .wordBullet }
    }

    @Test(
        "a Word bullet or numbering at a line start is a warning at its file line, naming the mark",
        arguments: [
            ("•\t参加志愿服务", "•"), ("• 参加志愿服务", "•"), ("•参加志愿服务", "•"), ("●\t参加", "●"), ("·\t参加", "·"), ("· 参加", "·"),
            ("▪ 参加", "▪"), ("■ 参加", "■"), ("◆ 参加", "◆"), ("○ 参加", "○"), ("➢ 参加", "➢"), ("\u{F0B7}\t参加", "\u{F0B7}"),
            ("Ø\t参加", "Ø"), ("1）报名", "1）"), ("12）报名", "12）"), ("（1）报名", "（1）"), ("(1)报名", "(1)"), ("(2) 报名", "(2)"),
            ("（一）指导思想", "（一）"), ("(三)工作要求", "(三)"), ("①报名", "①"), ("1)报名", "1)"), ("1.报名", "1."),
            ("  •\t缩进两格", "•"), ("> • 引用中", "•"),
        ])
    func bullet(line: String, mark: String) {
        let found = Self.warnings("正文第一行。\n\n\(line)\n")
        #expect(found.count == 1, "\(line)")
        #expect(found.first?.line == 7)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("「\(mark)」") == true, "\(found.first?.message ?? "")")
    }

    @Test(
        "Markdown lists, numbers and text are not bullets",
        arguments: [
            "- 参加", "* 参加", "+ 参加", "1. 报名", "1) 报名", "1)\t报名", "1.5 万元用于慰问", "2026.11.21 召开会议", "10:00 开会",
            "## 一、基本情况", "约翰·史密斯", "普通的一段话 • 中间的圆点", "（一）", "1）", "一、", "第一条 总则", "一二三四五、超过三个字", "○○社区党委",
        ])
    func notABullet(line: String) {
        #expect(Self.warnings("\(line)\n").isEmpty, "\(line)")
    }

    @Test(
        "full-width numbering, one-character numbers, check marks, stars, arrows and letters are bullets too",
        arguments: [
            ("１）报名", "１）"), ("（１）报名", "（１）"), ("(１)报名", "(１)"), ("1．报名", "1．"), ("１．报名", "１．"), ("１. 报名", "１."),
            ("１２）报名", "１２）"), ("⑴报名", "⑴"), ("⑿ 报名", "⑿"), ("⒈报名", "⒈"), ("⒛ 报名", "⒛"), ("❶ 报名", "❶"), ("㈠指导思想", "㈠"),
            ("Ⅱ、工作要求", "Ⅱ、"), ("✓ 已完成", "✓"), ("✔已完成", "✔"), ("√ 已完成", "√"), ("★ 重点", "★"), ("☆ 一般", "☆"),
            ("→ 下一步", "→"), ("※ 注意事项", "※"), ("A. 组织建设", "A."), ("B.组织建设", "B."), ("a) 报名", "a)"), ("b）报名", "b）"),
            ("Ａ．报名", "Ａ．"), ("ｂ）报名", "ｂ）"), ("（A）报名", "（A）"), ("(c)报名", "(c)"), ("C、报名", "C、"),
        ])
    func moreBullets(line: String, mark: String) {
        let found = Self.warnings("正文第一行。\n\n\(line)\n下一行\n")
        #expect(found.count == 1, "\(line)")
        #expect(found.first?.line == 7)
        #expect(found.first?.message.contains("「\(mark)」") == true, "\(found.first?.message ?? "")")
    }

    @Test(
        "prose that merely starts with a letter, a number or a symbol is not a bullet",
        arguments: [
            "A股市场", "A、B两栋楼", "A.I. 技术", "e.g. 例如", "P.S. 附言", "B超检查", "ABC. 三个字母", "Ⅱ级应急响应", "１．５万元",
            "２０２６年工作要点", "★★★☆☆ 满意度", "→", "iPhone 报修", "a.m. 九点", "A-1 号楼", "A", "１２３４５",
        ])
    func proseIsNotABullet(line: String) {
        #expect(Self.warnings("\(line)\n下一行\n").isEmpty, "\(line)")
    }

    @Test func outlineNumberingWithCommaIsOnlyWarnedInsideAParagraphOfSeveralLines() {
        // Paragraphs of their own, as official documents write them, render well.
        #expect(Self.warnings("一、当好监督员。\n\n二、盯住工程质量。\n\n1、第三段。\n").isEmpty)
        // Pasted as consecutive lines they run together into one paragraph.
        let pasted = Self.warnings("一、当好监督员。\n二、盯住工程质量。\n3、第三项\n")
        #expect(pasted.map(\.line) == [5, 6, 7])
    }

    @Test func codeBlocksAreNotChecked() {
        let body = """
            ```
            • 代码里的圆点
            1）代码里的编号
            ```
            ~~~~
            （一）波浪线围栏
            ```
            ● 不是结束
            ~~~~

                • 缩进的代码块
                1）缩进的代码块
            • 代码块之后
            """
        #expect(Self.warnings(body).map(\.line) == [5 + 12])
    }

    @Test func theBuildReportsBulletsWithTheFileLine() throws {
        let site = try TestSite([
            "site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a"),
            "content/pages/p.md": "---\nid: p\ntitle: 说明\n---\n第一段。\n\n•\t第一项\n•\t第二项\n",
        ])
        defer { try? FileManager.default.removeItem(at: site.root) }
        let found = site.check().filter { $0.kind == .wordBullet }
        #expect(found.map(\.path) == ["content/pages/p.md", "content/pages/p.md"])
        #expect(found.map(\.line) == [7, 8])
        #expect(found.allSatisfy { $0.message.contains("「- 」") })
    }

    @Test func aPlaceholderLineInTheBodyIsAnError() {
        let body = "\n\(ScaffoldPlaceholder.pageBody.text)\n\n```\n\(ScaffoldPlaceholder.pageBody.text)\n```\n"
        let found = BodyChecker.diagnostics(body, path: "content/pages/p.md", firstLine: 5)
        #expect(found.map(\.line) == [6])
        #expect(found.first?.severity == .error && found.first?.kind == .placeholder)
        // A field placeholder in a body is ordinary text.
        #expect(BodyChecker.diagnostics("请填写标题\n", path: "p", firstLine: 1).isEmpty)
    }
}
