import Testing

@testable import GongshiKit

/// Regressions from fuzzing the loader (`scripts/fuzz.sh`): inputs that hung, exhausted memory, slipped past the
/// checks or could overflow; each must now end in a diagnostic.
@Suite("Hostile front matter")
struct HostileFrontMatterTests {
    static let pagePath = "content/pages/x.md"
    static let branchPath = "content/branches/a.md"

    /// A valid branch; line numbers are index + 2.
    static let branchYAML = ["id: a", "name: 第一党支部", "type: 党支部", "field: 街道社区"]

    /// Nested aliases, 9 per level: composing shares them, but walking them in full visits 9^depth nodes.
    static func aliasLevels(_ depth: Int, merge: Bool) -> [String] {
        var yaml = ["l0: &l0 {a: 1, b: 2}"]
        for level in 1...depth {
            let aliases = Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ")
            yaml.append(merge ? "l\(level): &l\(level) {<<: [\(aliases)]}" : "l\(level): &l\(level) [\(aliases)]")
        }
        return yaml
    }

    @Test("an alias of nested aliases used as a mapping key is refused before Yams hashes it (was a hang)")
    func aliasKeyBomb() {
        let yaml = ["id: x", "title: t"] + Self.aliasLevels(8, merge: false) + ["? *l8", ": 1"]
        let content = TestContent.load([(Self.pagePath, TestContent.document(yaml))])
        #expect(content.pages.isEmpty)
        #expect(content.diagnostics.count == 1)
        expectDiagnostic(content.diagnostics, .error, Self.pagePath, line: 4, contains: ["YAML 锚点「&l0」"])
    }

    @Test("nested merge keys are refused before Yams' decoder flattens them (was a hang)")
    func mergeKeyBomb() {
        let yaml = ["id: x", "title: t"] + Self.aliasLevels(8, merge: true) + ["<<: [" + Array(repeating: "*l8", count: 9).joined(separator: ", ") + "]"]
        let content = TestContent.load([(Self.pagePath, TestContent.document(yaml))])
        #expect(content.pages.isEmpty)
        expectDiagnostic(content.diagnostics, .error, Self.pagePath, line: 4, contains: ["YAML 锚点「&l0」"])
    }

    @Test("an anchor anywhere is an error at its line; so is an alias without one")
    func anchorsAndAliases() {
        let anchored = TestContent.load([(Self.pagePath, TestContent.document(["id: x", "title: &t 标题", "summary: *t"]))])
        #expect(anchored.pages.isEmpty)
        expectDiagnostic(anchored.diagnostics, .error, Self.pagePath, line: 3, contains: ["YAML 锚点「&t」"])
        let flow = TestContent.load([(Self.pagePath, TestContent.document(["id: x", "title: [a,&t b]"]))])
        expectDiagnostic(flow.diagnostics, .error, Self.pagePath, line: 3, contains: ["YAML 锚点「&t」"])
        let alias = TestContent.load([(Self.pagePath, TestContent.document(["id: x", "title: *t"]))])
        expectDiagnostic(alias.diagnostics, .error, Self.pagePath, line: 3, contains: ["YAML 格式错误"])
    }

    @Test("an ampersand inside ordinary text is not taken for an anchor")
    func ampersandInText() throws {
        let yaml = ["id: x", "title: R&D 与 A & B", "feedback: \"https://e.org/?a=1&b=2\"", "note: 党员&群众 &nbsp;"]
        let content = TestContent.load([(Self.pagePath, TestContent.document(yaml))])
        #expect(content.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(try #require(content.pages.first).title == "R&D 与 A & B")
    }

    @Test("a merge key is refused: its keys would reach the decoder without being checked")
    func mergeKeySmuggling() {
        let yaml = Self.branchYAML + ["<<: {members: -5, parent: ../../x}"]
        let content = TestContent.load([(Self.branchPath, TestContent.document(yaml))])
        #expect(content.branches.isEmpty)
        #expect(content.diagnostics.count == 1)
        expectDiagnostic(content.diagnostics, .error, Self.branchPath, line: 6, contains: ["合并键 <<"])
        let nested = TestContent.load([(Self.branchPath, TestContent.document(Self.branchYAML + ["ratings:", "  - {<<: {year: 1}}"]))])
        expectDiagnostic(nested.diagnostics, .error, Self.branchPath, line: 7, contains: ["字段 ratings 第 1 项", "合并键 <<"])
    }

    @Test("integers above 1000000000 are refused, so totals over many files cannot overflow")
    func hugeIntegers() throws {
        let huge = TestContent.load([(Self.branchPath, TestContent.document(Self.branchYAML + ["members: 9223372036854775807"]))])
        #expect(huge.branches.isEmpty)
        expectDiagnostic(huge.diagnostics, .error, Self.branchPath, line: 6, contains: ["字段 members", "过大", "1000000000"])
        let overflow = TestContent.load([(Self.branchPath, TestContent.document(Self.branchYAML + ["members: 99999999999999999999"]))])
        expectDiagnostic(overflow.diagnostics, .error, Self.branchPath, line: 6, contains: ["字段 members", "不小于 0 的整数"])
        let largest = TestContent.load([(Self.branchPath, TestContent.document(Self.branchYAML + ["members: 1000000000"]))])
        #expect(largest.diagnostics.isEmpty)
        #expect(try #require(largest.branches.first).members == 1_000_000_000)
    }

    @Test("nesting deeper than libyaml's limit is a YAML error, not a stack overflow")
    func deepNesting() {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let content = TestContent.load([(Self.pagePath, TestContent.document(["id: x", "title: t", "extra: \(deep)"]))])
        #expect(content.pages.isEmpty)
        expectDiagnostic(content.diagnostics, .error, Self.pagePath, line: 4, contains: ["YAML 格式错误"])
    }
}
