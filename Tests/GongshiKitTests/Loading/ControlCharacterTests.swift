import Foundation
import Testing

@testable import GongshiKit

/// A YAML escape can put a NUL or another control character into a value (`title: "ab\0cd"`), and a template file can
/// hold a NUL byte: both would be written into the public pages. Both are errors with the file and line.
@Suite("Control characters in values and templates")
struct ControlCharacterTests {
    static let frontMatters: [(yaml: String, line: Int, field: String)] = [
        ("id: about\ntitle: \"ab\\0cd\"\n", 3, "title"),
        ("id: about\ntitle: \"响铃\\x07\"\n", 3, "title"),
        ("id: about\ntitle: 关于\nsummary: \"退格\\b\"\n", 4, "summary"),
        ("id: about\ntitle: 关于\nnote: \"\\e[31m\"\n", 4, "note"),
        ("id: about\ntitle: \"\\u0000\"\n", 3, "title"),
        ("id: about\ntitle: \"删除\\x7F\"\n", 3, "title"),
        ("id: about\ntitle: 关于\n\"ke\\0y\": 1\n", 4, "ke"),
        ("id: about\ntitle: >-\n  第一行\n  \"\\0\"\ntags: [\"a\\0\"]\n", 6, "tags"),
    ]

    @Test(arguments: 0..<frontMatters.count)
    func aControlCharacterFromAnEscapeIsAnErrorOnItsLine(_ index: Int) throws {
        let (yaml, line, field) = Self.frontMatters[index]
        let site = try BuildEndToEndTests.smallSite()
        try site.write("content/pages/about.md", "---\n" + yaml + "---\n本站说明。\n")
        let errors = site.check().filter { $0.severity == .error && $0.path == "content/pages/about.md" }
        #expect(errors.contains { $0.line == line && $0.message.contains(field) && $0.message.contains("字符") }, "\(errors)")
        let outcome = try site.build()
        #expect(outcome.publish == nil)
    }

    @Test func aListItemAndSiteYAMLAreChecked() throws {
        let site = try BuildEndToEndTests.smallSite()
        let branch = try String(contentsOf: site.root.appendingPathComponent("content/branches/a.md"), encoding: .utf8)
        try site.write("content/branches/a.md", branch.replacingOccurrences(of: "\n---\n", with: "\nhonors:\n  - 好\n  - \"坏\\0\"\n---\n"))
        let errors = site.check().filter { $0.severity == .error }
        #expect(errors.contains { $0.path == "content/branches/a.md" && $0.message.contains("空字符") }, "\(errors)")
        // A site.yaml error stops the check before the content is read.
        try site.write("site.yaml", Sample.site + "\ncontact: \"电话\\x00\"\n")
        #expect(site.check().contains { $0.path == "site.yaml" && $0.message.contains("contact") && $0.message.contains("空字符") }, "\(errors)")
    }

    @Test func tabsAndLineBreaksAreText() throws {
        let site = try BuildEndToEndTests.smallSite()
        try site.write("content/pages/about.md", "---\nid: about\ntitle: \"关\\t于\"\nsummary: \"一\\n二\\r三\"\n---\n本站说明。\n")
        #expect(site.check().filter { $0.severity == .error } == [])
        #expect(ControlCharacterCheck.firstControl(in: "a\tb\nc\r") == nil)
        #expect(ControlCharacterCheck.firstControl(in: "a\u{1}") == "\u{1}")
    }

    @Test func aNulByteInATemplateIsATemplateErrorWithItsLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestSite.templates, to: folder)
        let url = folder.appendingPathComponent("page.mustache")
        var text = try String(contentsOf: url, encoding: .utf8)
        text = "{{! first }}\n{{! second }}\nx\u{0}y\n" + text
        try Data(text.utf8).write(to: url)
        let (library, diagnostics) = TemplateLibrary.load(from: folder)
        #expect(library == nil)
        let error = try #require(diagnostics.first)
        #expect(error.path == "templates/page.mustache" && error.line == 3, "\(error)")
        #expect(error.message.contains("模板") && error.message.contains("空字符"), "\(error.message)")
    }
}
