import Foundation
import Testing
import Yams

@testable import GongshiKit

/// `FrontMatterReader` against `YAMLDecoder`: on thousands of random front matters (every field of every kind, in
/// every YAML spelling that matters: quoted and plain numbers, octal and hex, nulls, booleans, tags on values and
/// keys, lists and mappings where scalars belong, block scalars), whenever the reader gives a record the decoder gives
/// the same one; when the reader declines, the loader asks the decoder, so nothing else can differ.
@Suite("Front matter reader")
struct FrontMatterReaderTests {
    /// Spellings of a scalar field's value, for every kind of field.
    static let scalars = [
        "王芳", "\"王芳\"", "'王芳'", "党支部 一", "12", "\"12\"", "'12'", "012", "0x1F", "0o17", "1_000", "-3", "+4", "0", "1949",
        "2026", "1.5", "\"1.5\"", ".5", "1e3", "95", "100", ".inf", "-.inf", ".nan", "1:30", "~", "null", "Null", "NULL", "", "\"\"",
        "''", "\"~\"", "true", "false", "yes", "No", "on", "OFF", "\"true\"", "'yes'", "2026-03-05", "\"2026-03-05\"", "2026-3-5",
        "2026-02-30", "!!str 12", "!!int 12", "!!bool yes", "!!float 1", "!!null ''", "! 12", "!custom x", "[a, b]", "[]", "{a: 1}",
        "{}", "|\n  多行\n  文字", ">-\n  折叠", "社会公开", "党内公开", "党支部", "农村", "服务民生", "已兑现", "进行中", "支部", "满意",
        "定期", "mask", "allow", "error", "领导班子", "https://example.org/", "jinqiao", "a b", "\"a: b\"", "'它''s'",
    ]

    static var kinds: [(name: String, rules: [FieldRule], check: (Node) -> String?)] {
        [
            ("branch", ContentSchema.branch, compare(Branch.self)),
            ("promise", ContentSchema.promise, compare(PromiseLetter.self)),
            ("disclosure", ContentSchema.disclosure(categories: BuiltinCategory.all), compare(Disclosure.self)),
            ("example", ContentSchema.example, compare(Example.self)),
            ("page", ContentSchema.page, compare(FreePage.self)),
            ("privacy", ContentSchema.privacySettings + [.optional("small_cell_threshold", .integer(min: 0))], compare(PrivacyPolicy.self)),
        ]
    }

    /// nil when the two agree (or the reader declines); else what differs.
    static func compare<T: FrontMatterReadable & Decodable>(_ type: T.Type) -> (Node) -> String? {
        { node in
            guard let read = try? T.read(node) else { return nil }
            guard let decoded = try? ContentLoader.yamlDecoder.decode(T.self, from: node) else { return "the reader read what YAMLDecoder refuses" }
            let (a, b) = (CanonicalDump.of(read), CanonicalDump.of(decoded))
            return a == b ? nil : "reader \(a)\ndecoder \(b)"
        }
    }

    @Test func theReaderGivesWhatTheDecoderGives() throws {
        var random = SeededGenerator(seed: 14)
        var (agreed, declined) = (0, 0)
        for round in 0..<3000 {
            let kind = Self.kinds[round % Self.kinds.count]
            // Mostly well-formed (so records are read), sometimes anything.
            let wild = random.chance(0.5) ? 0.25 : 0.03
            let yaml = Self.mapping(kind.rules, indent: 0, wild: wild, depth: 0, random: &random)
            guard let node = try? ContentLoader.composeYAML(yaml) else { continue }
            if let difference = kind.check(node) {
                Issue.record("round \(round), \(kind.name):\n\(yaml)\n\(difference)")
                return
            }
            if (try? Self.read(kind.name, node)) != nil { agreed += 1 } else { declined += 1 }
        }
        // Both paths were exercised many times.
        #expect(agreed > 300, "read \(agreed)")
        #expect(declined > 300, "declined \(declined)")
    }

    /// Every record of the golden site is read by the reader itself, not handed to the decoder.
    @Test func goldenSiteRecordsAreReadDirectly() throws {
        let site = try TestSite(fixture: "golden")
        let scanner = ContentScanner(sourceDirectory: site.root)
        var count = 0
        for entry in scanner.list().entries {
            let file = try scanner.read(entry).get()
            let yaml = try FrontMatterSplitter.split(file.text, path: file.path).get().yaml
            guard let node = try ContentLoader.composeYAML(yaml.replacingCRLF()) else { continue }
            let name = ["branches": "branch", "promises": "promise", "disclosures": "disclosure", "examples": "example", "pages": "page"][file.kind.rawValue]!
            #expect(throws: Never.self, "\(file.path)") { try Self.read(name, node) }
            count += 1
        }
        #expect(count >= 6)
    }

    /// A value the schema accepts but `YAMLDecoder` does not (a quoted number) is still the decoder's error, as
    /// before; the same file with the number plain loads.
    @Test func whatTheReaderDeclinesIsTheDecodersError() throws {
        let settings = LoaderSettings(config: try #require(ContentLoader.loadSiteConfig("title: t\nbase_url: https://example.org/\n").0))
        func load(_ members: String) -> LoadedContent {
            let text = "---\nid: a\nname: 第一党支部\ntype: 党支部\nfield: 农村\nmembers: \(members)\n---\n正文\n"
            return ContentLoader.loadFile(.success(SourceFile(path: "content/branches/a.md", kind: .branches, text: text)), settings: settings)
        }
        let quoted = load("\"12\"")
        #expect(quoted.branches.isEmpty)
        let node = try #require(try ContentLoader.composeYAML("id: a\nname: 第一党支部\ntype: 党支部\nfield: 农村\nmembers: \"12\"\n"))
        var expected = ""
        do { _ = try ContentLoader.yamlDecoder.decode(Branch.self, from: node) } catch { expected = "无法读取字段：\(error)" }
        #expect(!expected.isEmpty)
        #expect(quoted.diagnostics.map(\.message) == [expected])
        #expect(quoted.diagnostics.first?.line == 2)
        #expect(load("12").branches.first?.members == 12)
    }

    /// No field name is a YAML boolean word, which the reader's key lookup relies on.
    @Test func fieldNamesResolveAsText() {
        func names(_ rules: [FieldRule]) -> [String] {
            rules.flatMap { rule -> [String] in
                switch rule.value {
                case .mapping(let nested): return [rule.key] + names(nested)
                case .list(.mapping(let nested), _): return [rule.key] + names(nested)
                default: return [rule.key]
                }
            }
        }
        let all = Self.kinds.flatMap { names($0.rules) }
        for name in all {
            let node = Node(name, Tag(.implicit, ContentLoader.yamlResolver, .default))
            #expect(node.tag.rawValue == Tag.Name.str.rawValue, "\(name)")
        }
    }

    static func read(_ kind: String, _ node: Node) throws {
        switch kind {
        case "branch": _ = try Branch.read(node)
        case "promise": _ = try PromiseLetter.read(node)
        case "disclosure": _ = try Disclosure.read(node)
        case "example": _ = try Example.read(node)
        case "page": _ = try FreePage.read(node)
        default: _ = try PrivacyPolicy.read(node)
        }
    }

    // MARK: Random YAML

    static func mapping(_ rules: [FieldRule], indent: Int, wild: Double, depth: Int, random: inout SeededGenerator) -> String {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var used = Set<String>()
        for rule in rules where rule.required || random.chance(0.6) {
            if random.chance(wild / 3) { continue }
            used.insert(rule.key)
            lines.append(pad + key(rule.key, wild: wild, random: &random) + value(rule.value, indent: indent, wild: wild, depth: depth, random: &random))
        }
        if random.chance(wild) {
            let extra = random.pick(["nmae", "备注", "? [a, b]", "!!value =", "<<", "1", "true"])
            if !used.contains(extra) { lines.append(pad + (extra.hasPrefix("?") ? extra + "\n" + pad + ":" : extra + ":") + " x") }
        }
        if random.chance(wild / 4), let rule = rules.first(where: { !used.contains($0.key) }) {
            lines.append(pad + "!!merge " + rule.key + ": {a: 1}")
        }
        lines.shuffle(using: &random)
        return lines.isEmpty ? pad + "{}" : lines.joined(separator: "\n")
    }

    static func key(_ name: String, wild: Double, random: inout SeededGenerator) -> String {
        guard random.chance(wild) else { return name }
        return random.pick(["\"\(name)\"", "'\(name)'", "!!str \(name)", "! \(name)", "!!int \(name)", "!x \(name)"])
    }

    static func value(_ rule: ValueRule, indent: Int, wild: Double, depth: Int, random: inout SeededGenerator) -> String {
        if random.chance(wild) || depth > 3 { return scalar(random.pick(scalars), indent: indent + 2) }
        let pad = String(repeating: " ", count: indent + 2)
        switch rule {
        case .mapping(let rules):
            return ":\n" + mapping(rules, indent: indent + 2, wild: wild, depth: depth + 1, random: &random)
        case .keyedBy(let allowed, let element):
            let keys =
                allowed.filter { _ in random.chance(0.6) }
                + (random.chance(wild) ? [random.pick(["其他", "yes", "! yes", "!!str on", "\"no\"", "!!bool 满意"])] : [])
            if keys.isEmpty { return ": {}" }
            return ":\n"
                + keys.map { key in
                    pad + key + value(element, indent: indent + 2, wild: wild, depth: depth + 1, random: &random)
                }.joined(separator: "\n")
        case .list(let element, _):
            let count = random.int(0...3)
            if count == 0 { return ": []" }
            return ":\n"
                + (0..<count).map { _ -> String in
                    let item = value(element, indent: indent + 2, wild: wild, depth: depth + 1, random: &random)
                    // `key:\n  a: 1` as a list item is `- a: 1` with the rest aligned under it.
                    if item.hasPrefix(":\n") {
                        let body = item.dropFirst(2).split(separator: "\n", omittingEmptySubsequences: false)
                        return body.enumerated().map { index, line in
                            index == 0 ? pad + "- " + line.drop(while: { $0 == " " }) : "  " + line
                        }.joined(separator: "\n")
                    }
                    return pad + "-" + item.dropFirst()
                }.joined(separator: "\n")
        default:
            return scalar(plausible(rule, random: &random) ?? random.pick(scalars), indent: indent + 2)
        }
    }

    /// A value the rule accepts, most of the time.
    static func plausible(_ rule: ValueRule, random: inout SeededGenerator) -> String? {
        switch rule {
        case .text: return random.pick(["王芳", "\"公示 一\"", "第一党支部", "'x'", "|\n  正文"])
        case .identifier: return random.pick(["jinqiao", "a-1", "\"b2\""])
        case .integer(let min): return random.pick(["\(min)", "\(min + 7)", "2026"])
        case .number: return random.pick(["95", "88.5", "0", "100"])
        case .date: return random.pick(["2026-03-05", "\"2026-11-21\"", "2024-02-29"])
        case .boolean: return random.pick(["true", "false", "yes"])
        case .absoluteURL: return "https://example.org/"
        case .oneOf(let words): return words.isEmpty ? nil : random.pick(words)
        default: return nil
        }
    }

    /// `: value` for the key's line, with a block scalar's lines indented under it.
    static func scalar(_ text: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return ": " + lines[0] + lines.dropFirst().map { "\n" + pad + $0.drop(while: { $0 == " " }) }.joined()
    }
}
