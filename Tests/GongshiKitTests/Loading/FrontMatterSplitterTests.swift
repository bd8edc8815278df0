import Testing

@testable import GongshiKit

@Suite("FrontMatterSplitter")
struct FrontMatterSplitterTests {
    let path = "content/pages/about.md"

    @Test("splits the YAML from the body and reports the line offset")
    func splitsYAMLAndBody() throws {
        let text = "---\nid: about\ntitle: 关于本站\n---\n## 标题\n\n正文第一段。\n"
        let document = try FrontMatterSplitter.split(text, path: path).get()
        #expect(document.yaml == "id: about\ntitle: 关于本站")
        #expect(document.body == "## 标题\n\n正文第一段。\n")
        #expect(document.yamlLineOffset == 1)
    }

    @Test("accepts trailing spaces on the delimiters and ... as the closing line")
    func delimiterVariants() throws {
        let text = "---  \nid: about\n... \t\nbody"
        let document = try FrontMatterSplitter.split(text, path: path).get()
        #expect(document.yaml == "id: about")
        #expect(document.body == "body")
    }

    @Test("only the first closing line ends the front matter; later --- belong to the body")
    func laterRulesStayInBody() throws {
        let text = "---\nid: a\n---\n上文\n---\n下文"
        let document = try FrontMatterSplitter.split(text, path: path).get()
        #expect(document.yaml == "id: a")
        #expect(document.body == "上文\n---\n下文")
    }

    @Test("empty front matter splits into empty YAML")
    func emptyFrontMatter() throws {
        let document = try FrontMatterSplitter.split("---\n---\n正文", path: path).get()
        #expect(document.yaml == "")
        #expect(document.body == "正文")
    }

    @Test("CRLF line endings are normalised to LF in YAML and body")
    func crlf() throws {
        let text = "---\r\nid: about\r\ntitle: 关于本站\r\n---\r\n第一行\r\n第二行\r\n"
        let document = try FrontMatterSplitter.split(text, path: path).get()
        #expect(document.yaml == "id: about\ntitle: 关于本站")
        #expect(document.body == "第一行\n第二行\n")
        #expect(!document.yaml.contains("\r"))
        #expect(!document.body.contains("\r"))
        #expect(document.yamlLineOffset == 1)
    }

    @Test("a UTF-8 byte-order mark before the opening --- is ignored")
    func byteOrderMark() throws {
        let text = "\u{FEFF}---\nid: about\ntitle: 关于本站\n---\n正文"
        let document = try FrontMatterSplitter.split(text, path: path).get()
        #expect(document.yaml == "id: about\ntitle: 关于本站")
        #expect(document.body == "正文")
    }

    @Test("BOM and CRLF together")
    func byteOrderMarkAndCRLF() throws {
        let text = "\u{FEFF}---\r\nid: about\r\n---\r\n正文\r\n"
        let document = try FrontMatterSplitter.split(text, path: path).get()
        #expect(document.yaml == "id: about")
        #expect(document.body == "正文\n")
    }

    @Test(
        "a file that does not start with --- is an error at line 1",
        arguments: ["id: about\ntitle: 关于\n---\n正文", "正文，没有 front matter。", "\n---\nid: a\n---\n", " ---\nid: a\n---\n"])
    func missingFrontMatter(_ text: String) throws {
        let result = FrontMatterSplitter.split(text, path: path)
        guard case .failure(let diagnostic) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == path)
        #expect(diagnostic.line == 1)
        #expect(diagnostic.message.contains("缺少 front matter"))
        #expect(diagnostic.message.contains("---"))
        #expect(diagnostic.description.hasPrefix("\(path):1: error: 缺少 front matter"))
    }

    @Test("an empty file says it is empty", arguments: ["", "\n\n", "  \r\n"])
    func emptyFile(_ text: String) {
        guard case .failure(let diagnostic) = FrontMatterSplitter.split(text, path: path) else {
            Issue.record("an empty file must fail")
            return
        }
        #expect(diagnostic.description.hasPrefix("\(path):1: error: 文件是空的"))
    }

    @Test("front matter without a closing --- is an error at line 1", arguments: ["---\nid: about\ntitle: 关于\n正文", "---", "---\n-- \n"])
    func unclosedFrontMatter(_ text: String) throws {
        let result = FrontMatterSplitter.split(text, path: path)
        guard case .failure(let diagnostic) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == path)
        #expect(diagnostic.line == 1)
        #expect(diagnostic.message.contains("没有结束"))
        #expect(diagnostic.message.contains("---"))
    }
}
