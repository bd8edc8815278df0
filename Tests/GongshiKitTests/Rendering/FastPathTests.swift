import Foundation
import Testing

@testable import GongshiKit

/// The byte-level fast paths that replaced slower Foundation or reflection code must give the same answers.
@Suite("Fast paths of the build")
struct FastPathTests {
    // MARK: - Template values

    struct Inner: Encodable, Sendable {
        let name: String
        let count: Int
    }

    struct Outer: Encodable, Sendable {
        let title: String
        let flag: Bool
        let ratio: Double
        let missing: String?
        let present: String?
        let items: [Inner]
        let nested: Inner
    }

    static let sample = Outer(
        title: "承诺栏", flag: true, ratio: 0.5, missing: nil, present: "有", items: [Inner(name: "一", count: 1), Inner(name: "二", count: 2)],
        nested: Inner(name: "内", count: 3))

    @Test func contextsBecomeObjectsListsAndLeaves() throws {
        guard case .object(let tree) = try TemplateValueEncoder.encode(Self.sample) else {
            Issue.record("the context should be an object")
            return
        }
        #expect(tree["title"] == .string("承诺栏"))
        #expect(tree["flag"] == .bool(true))
        #expect(tree["ratio"] == .double(0.5))
        #expect(tree["missing"] == nil, "a nil optional leaves its key out, so templates look it up further out")
        #expect(tree["present"] == .string("有"))
        guard case .list(let items) = tree["items"] else {
            Issue.record("items should be a list")
            return
        }
        #expect(items[1] == .object(["name": .string("二"), "count": .int(2)]))
        #expect(tree["nested"] == .object(["name": .string("内"), "count": .int(3)]))
    }

    @Test func templatesRenderTheTreeLikeTheStruct() throws {
        let source = TemplateSource(
            templates: Dictionary(
                uniqueKeysWithValues: TemplateLibrary.required.map { ($0, "") } + [
                    ("probe", "{{title}}{{#flag}}是{{/flag}}{{#items}}[{{name}}{{count}}{{title}}]{{/items}}{{^missing}}无{{/missing}}{{nested.name}}")
                ]),
            assets: [:])
        let library = try #require(TemplateLibrary.make(from: source).0)
        let tree = try TemplateValueEncoder.encode(Self.sample)
        #expect(library.render(tree, template: "probe") == "承诺栏是[一1承诺栏][二2承诺栏]无内")
    }

    @Test func digestsDependOnEveryValueButNotOnKeyOrder() throws {
        func digest(_ value: some Encodable) throws -> String { RecordDigest.hex(value) }
        let base = try digest(Self.sample)
        #expect(try digest(Self.sample) == base)
        let changed = Outer(
            title: "承诺栏", flag: true, ratio: 0.5, missing: nil, present: "有", items: [Inner(name: "一", count: 1), Inner(name: "二", count: 3)],
            nested: Inner(name: "内", count: 3))
        #expect(try digest(changed) != base)
        // A string cannot imitate structure: ["ab"] and ["a", "b"] differ.
        #expect(try digest(["ab"]) != digest(["a", "b"]))
        #expect(try digest(["a": 1, "b": 2]) == digest(["b": 2, "a": 1]))
    }

    // MARK: - Plain text for the search index

    @Test func plainTextStripsTagsDecodesEntitiesAndCollapsesSpace() {
        #expect(PlainText.from(html: "<h2>标题</h2>\n<p>甲&amp;乙 &lt;丙&gt; &quot;丁&quot; &#39;戊&#39;</p>") == "标题 甲&乙 <丙> \"丁\" '戊'")
        #expect(PlainText.from(html: "  <p>前\u{3000}\u{3000}后</p>\n\n<p>\u{00A0}尾</p>  ") == "前 后 尾")
        #expect(PlainText.from(html: "&amp;lt; 只解码一次") == "&lt; 只解码一次")
        #expect(PlainText.from(html: "") == "")
        #expect(PlainText.from(html: "<br/>") == "")
    }

    // MARK: - The personal-data pre-check

    @Test(
        "the quick pre-check never skips a text the full scan finds something in",
        arguments: [
            "电话 138 1234 5678", "13812345678", "１３８１２３４５６７８", "138－1234－5678", "138\u{00A0}1234\u{00A0}5678", "联系 a@b.cn",
            "身份证 11010519491231002X", "卡号 6222 0212 3456 7890 128", "+86 138 1234 5678",
        ])
    func preCheckKeepsEveryMatch(_ text: String) {
        #expect(!PersonalDataScanner.matches(in: text).isEmpty, "fixture should hold personal data: \(text)")
        #expect(PersonalDataScanner.mayContainPersonalData(text))
    }

    @Test func preCheckSkipsOrdinaryText() {
        #expect(!PersonalDataScanner.mayContainPersonalData("2026年3月10日召开支部大会，到会党员 23 人，占应到 25 人的 92%。"))
        #expect(!PersonalDataScanner.mayContainPersonalData("日期 2026-03-10，编号 12-34"))
        #expect(!PersonalDataScanner.mayContainPersonalData("138 1234\n\n5678"), "two line breaks break a number")
    }

    @Test func preCheckAgreesWithTheFullScanOnRandomTexts() {
        var generator = SyntheticCorpus.Random(seed: 20_261_121)
        let pieces = ["138", "1234", "5678", "１３９", "6222", "0212", "1", "9", " ", "-", "－", "\u{00A0}", "年", "a", "@", "。", "X"]
        var withMatches = 0
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            if !PersonalDataScanner.matches(in: text).isEmpty {
                withMatches += 1
                #expect(PersonalDataScanner.mayContainPersonalData(text), "pre-check skipped \(text)")
            }
        }
        #expect(withMatches > 30, "the random texts should often hold personal data (\(withMatches) did)")
    }

    // MARK: - XML escaping

    /// The character-by-character version the byte-level one replaced.
    static func referenceEscape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    @Test func xmlEscapingEscapesTheFiveCharactersOnly() {
        #expect("<a href=\"x?a=1&b='2'\">党务</a>".xmlEscaped == "&lt;a href=&quot;x?a=1&amp;b=&#39;2&#39;&quot;&gt;党务&lt;/a&gt;")
        #expect("公开栏 e\u{301}".xmlEscaped == "公开栏 e\u{301}")
        #expect("".xmlEscaped == "")
    }

    @Test func xmlEscapingAgreesWithTheCharacterVersionOnRandomTexts() {
        var generator = SyntheticCorpus.Random(seed: 20_261_122)
        let pieces = ["&", "<", ">", "\"", "'", "党", "e\u{301}", "\u{1F600}", "a", " ", "&amp;", "\r\n"]
        var escaped = 0
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(text.xmlEscaped == Self.referenceEscape(text), "\(text)")
            if text.xmlEscaped != text { escaped += 1 }
        }
        #expect(escaped > 500, "most random texts hold a character to escape (\(escaped) did)")
    }
}
