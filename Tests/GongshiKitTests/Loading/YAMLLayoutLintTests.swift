import Foundation
import Testing

@testable import GongshiKit

/// Raw-line YAML mistakes: Unicode spaces in the indentation, list items joined to the one before, ` #` that
/// starts a comment inside a value; and what is left alone.
@Suite("YAML layout lint")
struct YAMLLayoutLintTests {
    static func lint(_ yaml: String) -> [Diagnostic] { YAMLLayoutLint.diagnostics(yaml, path: "p.md", lineOffset: 1) }

    @Test(
        "a Unicode space in the indentation is an error at its line, naming the space",
        arguments: [
            ("items:\n\u{3000}\u{3000}- text: 甲\n", "U+3000"), ("a: 1\n\u{00A0}b: 2\n", "U+00A0"),
            ("a:\n \u{2003} b: 2\n", "U+2003"), ("a:\n  \u{202F}- b\n", "U+202F"), ("a: 1\n\u{3000}\n", "U+3000"),
        ])
    func unicodeIndentation(yaml: String, code: String) {
        let found = Self.lint(yaml).filter { $0.severity == .error }
        #expect(found.count == 1, "\(found.map(\.description))")
        #expect(found.first?.line == 3 && found.first?.message.contains(code) == true, "\(found.map(\.description))")
    }

    @Test(
        "full-width spaces inside text, comments written as such, quoted # and URL fragments are left alone",
        arguments: [
            "summary: |\n  \u{3000}\u{3000}第一段。\n  第二段。\n", "summary: >\n  \u{3000}\u{3000}第一段。\n", "title: 关于\u{3000}通知\n",
            "summary: 摘要  # 这是注释\n", "title: \"第 #3 期\"\n", "title: '第 #3 期'\n", "link: https://a.cn/#/x\n", "title: 第#3期\n",
            "people:\n  - 杨志华\n  - 张桂兰\n", "items:\n  - text: 甲\n    service: 服务群众\n  - text: 乙\n",
            "people:\n  - 杨志华\n    张桂兰\n", "people:\n  -\n    - 张桂兰\n",
        ])
    func leftAlone(yaml: String) {
        #expect(Self.lint(yaml).isEmpty, "\(Self.lint(yaml).map(\.description))")
    }

    @Test func aHashAfterASpaceInAValueIsAWarningWithBothFixes() {
        let found = Self.lint("id: a\ntitle: 第 #3 期 #通知\n")
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning && found.first?.kind == .yamlComment && found.first?.line == 3)
        #expect(found.first?.message.contains("title: \"第 #3 期 #通知\"") == true)
        #expect(found.first?.message.contains("title: 第 ＃3 期 ＃通知") == true)
        #expect(found.first?.message.contains("网页上只有「第」") == true)
    }

    @Test func aPlainItemIndentedDeeperThanTheOneBeforeIsJoinedToIt() {
        let found = Self.lint("honors:\n  - 甲\n   - 乙\n  - 丙\n")
        #expect(found.map(\.line) == [4])
        #expect(found.first?.message.contains("「甲 - 乙」") == true)
        #expect(found.first?.message.contains("「  - 乙」") == true)
    }
}
