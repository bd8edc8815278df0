import Foundation
import Testing

@testable import GongshiKit

/// The byte-level checks (`UTF8Text` and its users) give exactly what the Foundation and `Character` code they
/// replaced gave (`LoadingReference`), on seeded random text mixing ASCII, Chinese, full-width forms, the scaffold's
/// placeholders, and the scalars where byte and character views part: combining marks, joiners, variation selectors,
/// compatibility ideographs, decomposed letters, other spaces, `\r\n`.
@Suite("Byte-level load checks equal the character-level ones")
struct UTF8TextEquivalenceTests {
    typealias Random = SyntheticCorpus.Random

    static let fragments: [String] =
        [
            "a", "Z", "K", "0", "9", ":", ": ", " ", "  ", "    ", "\t", "#", " #", "# ", "-", "- ", "]", "(", ")", "](", "]:", "://", "/", "*",
            "_", "`", ">", "> ", "|", "\"", "'", "[", "{", "\r", "\n", "\n", "\r\n", "~", "```", "~~~", "http", "HTTPS://", "https://",
            "dangjian.example.gov.cn", "title", "id", "1.", "1)", "(1)", "x.md", "../pages/a/",
            "请", "填", "写", "说", "此", "在", "标题", "承诺", "全", "例", "张某某", "李某某", "组织", "。", "，", "（", "）", "：", "、", "一、",
            "“", "”", "—", "…", "·", "１", "Ａ", "•", "①", "→", "★", "■", "\u{3000}", "￥",
            // Where bytes and characters part ways.
            "\u{00A0}", "\u{2003}", "\u{202F}", "\u{205F}", "\u{180E}", "\u{0301}", "\u{20E3}", "\u{FE0F}", "\u{200D}", "\u{200B}",
            "\u{FA72}", "\u{F9B5}", "\u{2F811}", "é", "e\u{0301}", "\u{1100}\u{1161}", "가", "😀", "👍🏽", "\u{212A}", "\u{037E}",
            "\u{0600}", "\u{FF9E}", "\u{E000}", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{302A}", "\u{3099}", "🇨🇳",
        ] + ScaffoldPlaceholder.allCases.flatMap { [$0.rawValue] + ($0.phrase.map { [$0] } ?? []) }

    static func text(_ random: inout Random, pieces: Int) -> String {
        (0..<random.below(pieces + 1)).map { _ in random.pick(fragments) }.joined()
    }

    /// Single values and lines, and the hand-picked cases where a combining scalar follows what is searched for.
    static let values: [String] = {
        var random = Random(seed: 14)
        let picked = [
            "](\u{0301}x)", "[a](\u{0301}b)", "a: \u{0301}b", "a:\u{0301}", " \u{0301}请填写标题", "请\u{0301}填写标题", "请填写组织\u{FA72}称",
            "（在此填写事例经过。）\u{20E3}", "张\u{0301}某某", "\u{3000}请填写标题\u{3000}", "https://dangjian.example.gov.cn/\u{0301}",
            "key: value # note", "- a #b", "a\r\r\nb", "\r\n\n\r", "",
        ]
        return picked + (0..<20_000).map { _ in text(&random, pieces: 10) }
    }()

    /// Whole documents of several lines.
    static let documents: [String] = {
        var random = Random(seed: 1914)
        return (0..<3_000).map { _ in
            (0..<random.below(8)).map { _ in
                let indent = String(repeating: " ", count: random.pick([0, 0, 2, 4, 6]))
                let lead = random.pick(["", "", "- ", "title: ", "items:", "  - text: ", "```", "> ", "1）", "id: ", "#"])
                return indent + lead + text(&random, pieces: 6)
            }.joined(separator: random.pick(["\n", "\n", "\r\n"]))
        }
    }()

    @Test("lines are cut where the character \\n is")
    func lines() {
        for value in Self.values + Self.documents {
            let old = value.split(separator: "\n", omittingEmptySubsequences: false)
            let new = UTF8Text.lines(value)
            #expect(new.map(String.init) == old.map(String.init), "\(value.debugDescription)")
            #expect(new.map(\.startIndex) == old.map(\.startIndex), "\(value.debugDescription)")
        }
    }

    @Test("search finds what Foundation's range(of:) and contains find")
    func search() {
        for value in Self.values {
            for (needle, string) in [(": " as StaticString, ": "), ("](", "]("), ("]:", "]:"), ("://", "://")] {
                let old = value.range(of: string)
                let new = UTF8Text.range(of: needle, in: value)
                #expect(new == old, "\(string) in \(value.debugDescription)")
                #expect(UTF8Text.contains(needle, in: value) == value.contains(string), "\(string) in \(value.debugDescription)")
                let sub = value.dropFirst(1)
                #expect(UTF8Text.range(of: needle, in: sub) == sub.range(of: string), "\(string) in \(sub.debugDescription)")
            }
        }
    }

    @Test("trimming equals trimmingCharacters(in: .whitespaces)")
    func trimming() {
        for value in Self.values {
            #expect(UTF8Text.trimmingWhitespaces(value) == value.trimmingCharacters(in: .whitespaces), "\(value.debugDescription)")
            let sub = value.dropLast(1)
            #expect(UTF8Text.trimmingWhitespaces(sub) == sub.trimmingCharacters(in: .whitespaces), "\(sub.debugDescription)")
        }
    }

    @Test("placeholders and example names are found as before")
    func placeholders() {
        var found = 0
        for value in Self.values {
            let old = LoadingReference.placeholder(value)
            #expect(ScaffoldPlaceholder.matching(value) == old, "\(value.debugDescription)")
            #expect(ScaffoldPlaceholder.exampleName(in: value) == LoadingReference.exampleName(in: value), "\(value.debugDescription)")
            if old != nil { found += 1 }
        }
        // The inputs hold both: a comparison that never sees a placeholder proves nothing.
        #expect(found > 1_000)
        #expect(found < Self.values.count - 1_000)
    }

    @Test("YAML lines are taken apart as before")
    func yamlLines() {
        for value in Self.values + Self.documents.flatMap({ $0.split(separator: "\n").map(String.init) }) {
            let old = LoadingReference.Line(value)
            let new = YAMLLine(value)
            #expect(new.prefix == old.prefix && new.key == old.key && new.value == old.value, "\(value.debugDescription)")
            #expect(new.lead == old.lead, "\(value.debugDescription)")
        }
    }

    @Test("a line starting with an ideograph that is no numeral is no Word bullet, read whole or not")
    func bulletShortcut() {
        let lines = Self.values + Self.values.map { "说" + $0 } + Self.values.map { "一" + $0 } + Self.values.map { "\u{4E00}\u{0301}" + $0 }
        for line in lines {
            let whole = WordBullet(parsing: Substring(line))
            let new = WordBullet(Substring(line))
            #expect(new?.mark == whole?.mark && new?.isNumbered == whole?.isNumbered, "\(line.debugDescription)")
        }
    }

    @Test("the YAML layout lint reports what it reported")
    func layout() {
        var reported = 0
        for document in Self.documents {
            let old = LoadingReference.layout(document, path: "p.md", lineOffset: 1)
            #expect(YAMLLayoutLint.diagnostics(document, path: "p.md", lineOffset: 1) == old, "\(document.debugDescription)")
            reported += old.count
        }
        #expect(reported > 100)
    }

    @Test("the body check reports what it reported")
    func body() {
        var reported = 0
        for document in Self.documents + Self.values {
            let old = LoadingReference.body(document, path: "p.md", firstLine: 3)
            #expect(BodyChecker.diagnostics(document, path: "p.md", firstLine: 3) == old, "\(document.debugDescription)")
            reported += old.count
        }
        #expect(reported > 100)
    }

    @Test("link targets are looked for in the same bodies")
    func links() {
        for document in Self.documents + Self.values.prefix(5_000) {
            let old = LoadingReference.linkTargets(document)
            let new = MarkdownRenderer.linkTargets(document)
            #expect(new.map(\.url) == old.map(\.url) && new.map(\.line) == old.map(\.line), "\(document.debugDescription)")
        }
    }

    @Test("file bytes decode to the same text or the same diagnostic")
    func decode() {
        var random = Random(seed: 5)
        let odd: [[UInt8]] = [[0x00], [0x80], [0xC0, 0x80], [0xFF], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x0A]]
        for value in Self.documents {
            var bytes = Array(value.utf8)
            if random.below(3) == 0 { bytes.insert(contentsOf: random.pick(odd), at: random.below(bytes.count + 1)) }
            let data = Data(bytes)
            let old = LoadingReference.decode(data, path: "p.md")
            let new = SourceText.decode(data, path: "p.md")
            #expect(String(describing: new) == String(describing: old), "\(bytes)")
            // A slice of a larger buffer (Data's indices need not start at 0).
            let slice = Data([0x41] + bytes)[1...]
            #expect(String(describing: SourceText.decode(slice, path: "p.md")) == String(describing: old), "\(bytes)")
        }
    }

    @Test("every plain scalar is a character of its own, unchanged by canonical normalisation")
    func plainScalars() {
        for value in UInt32(0)...0xFFFF where UTF8Text.isPlain(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            #expect(text.decomposedStringWithCanonicalMapping == text && text.precomposedStringWithCanonicalMapping == text, "\(value)")
            #expect(("a" + text + "a").count == 3 && (text + text).count == 2 && (text + "\u{4E00}").count == 2, "\(value)")
            #expect(scalar.properties.canonicalCombiningClass == .notReordered, "\(value)")
        }
    }
}
