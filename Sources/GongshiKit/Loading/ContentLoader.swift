import Yams

/// Every record decoded from the source, before cross-references are checked.
public struct LoadedContent: Sendable {
    public var branches: [Branch] = []
    public var promises: [PromiseLetter] = []
    public var disclosures: [Disclosure] = []
    public var examples: [Example] = []
    public var pages: [FreePage] = []
    public var diagnostics: [Diagnostic] = []
}

/// Turns source files into typed records: split, compose YAML, check the schema, decode, render Markdown.
public enum ContentLoader {
    /// Decodes `site.yaml`; nil with diagnostics when it is unusable.
    public static func loadSiteConfig(_ text: String) -> (SiteConfig?, [Diagnostic]) {
        let outcome = decode(text.replacingCRLF(), lineOffset: 0, path: "site.yaml", rules: ContentSchema.site, into: SiteConfig.self)
        return (outcome.value?.0, outcome.diagnostics)
    }

    /// Loads every file; records with errors are left out and their errors reported.
    public static func load(_ files: [SourceFile], config: SiteConfig) -> LoadedContent {
        var content = LoadedContent()
        for file in files {
            switch FrontMatterSplitter.split(file.text, path: file.path) {
            case .failure(let diagnostic):
                content.diagnostics.append(diagnostic)
            case .success(let document):
                load(document, file: file, config: config, into: &content)
            }
        }
        return content
    }

    private static func load(_ document: SplitDocument, file: SourceFile, config: SiteConfig, into content: inout LoadedContent) {
        let rules = file.kind.rules(categories: config.allCategories)
        let offset = document.yamlLineOffset
        func decoded<T: Decodable>(_ type: T.Type) -> (T, SourceRef)? {
            let outcome = decode(document.yaml, lineOffset: offset, path: file.path, rules: rules, into: type)
            content.diagnostics += outcome.diagnostics
            return outcome.value
        }
        switch file.kind {
        case .branches:
            guard var (record, source) = decoded(Branch.self) else { return }
            // The profile text sits under the page's own 「基本情况」 heading.
            (record.source, record.bodyHTML) = (source, MarkdownRenderer.html(document.body, headingOffset: 1))
            content.branches.append(record)
        case .promises:
            guard var (record, source) = decoded(PromiseLetter.self) else { return }
            // The letter sits under the page's own 「承诺书全文」 heading.
            (record.source, record.bodyHTML) = (source, MarkdownRenderer.html(document.body, headingOffset: 1))
            content.promises.append(record)
        case .disclosures:
            guard var (record, source) = decoded(Disclosure.self) else { return }
            (record.source, record.bodyHTML) = (source, MarkdownRenderer.html(document.body))
            content.disclosures.append(record)
        case .examples:
            guard var (record, source) = decoded(Example.self) else { return }
            let rendered = MarkdownRenderer.htmlAndFirstParagraph(document.body)
            (record.source, record.bodyHTML, record.firstParagraph) = (source, rendered.html, rendered.firstParagraph)
            content.examples.append(record)
        case .pages:
            guard var (record, source) = decoded(FreePage.self) else { return }
            (record.source, record.bodyHTML) = (source, MarkdownRenderer.html(document.body))
            content.pages.append(record)
        }
    }

    struct Outcome<T> {
        var value: (T, SourceRef)?
        var diagnostics: [Diagnostic]
    }

    /// Compose → check every rule → decode only when the checks found no error.
    static func decode<T: Decodable>(_ yaml: String, lineOffset: Int, path: String, rules: [FieldRule], into type: T.Type) -> Outcome<T> {
        let node: Node
        do {
            guard let root = try Yams.compose(yaml: yaml) else {
                return Outcome(diagnostics: [
                    Diagnostic(.error, path, line: 1 + lineOffset, "front matter 为空：至少需要 \(rules.filter(\.required).map(\.key).joined(separator: "、"))")
                ])
            }
            node = root
        } catch {
            return Outcome(diagnostics: [yamlDiagnostic(error, path: path, lineOffset: lineOffset)])
        }
        var checker = FrontMatterChecker(path: path, lineOffset: lineOffset)
        checker.check(node, rules: rules)
        let source = SourceRef(path: path, keyLines: checker.keyLines)
        guard !checker.diagnostics.hasErrors else { return Outcome(diagnostics: checker.diagnostics) }
        do {
            let value = try YAMLDecoder().decode(T.self, from: node)
            return Outcome(value: (value, source), diagnostics: checker.diagnostics)
        } catch {
            // The checker should have caught this; report it rather than crash.
            return Outcome(diagnostics: checker.diagnostics + [Diagnostic(.error, path, line: 1 + lineOffset, "无法读取字段：\(error)")])
        }
    }

    static func yamlDiagnostic(_ error: any Error, path: String, lineOffset: Int) -> Diagnostic {
        let hint = "请检查缩进、冒号后的空格和引号是否成对"
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _):
            // A scanner's context mark is where the broken token starts (e.g. an unclosed quote).
            return Diagnostic(.error, path, line: (context?.mark ?? mark).line + lineOffset, "YAML 格式错误（\(problem)）：\(hint)")
        case .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            // A parser's problem mark is the line that breaks the structure (e.g. wrong indentation).
            return Diagnostic(.error, path, line: mark.line + lineOffset, "YAML 格式错误（\(problem)）：\(hint)")
        case .duplicatedKeysInMapping(let keys, let context):
            return Diagnostic(.error, path, line: context.mark.line + lineOffset, "YAML 中字段重复：\(keys.joined(separator: "、"))，每个字段只能写一次")
        default:
            return Diagnostic(.error, path, line: 1 + lineOffset, "YAML 格式错误：\(hint)")
        }
    }
}
