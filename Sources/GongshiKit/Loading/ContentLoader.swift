import Foundation
import Yams

/// Every record decoded from the source, before cross-references are checked.
public struct LoadedContent: Sendable {
    public var branches: [Branch] = []
    public var promises: [PromiseLetter] = []
    public var disclosures: [Disclosure] = []
    public var examples: [Example] = []
    public var pages: [FreePage] = []
    public var diagnostics: [Diagnostic] = []
    /// What `PrivacyLint` found, by file path; the assembler reports it only for records that are published.
    public var privacyFindings: [String: [Diagnostic]] = [:]
    /// Branch files that had errors and gave no record, with the ids they seem to have: references to those ids are
    /// not reported as missing organisations.
    public var unloadedBranches: [UnloadedBranch] = []
    /// The links and images of each body, by file path, for `BodyLinkChecker`.
    public var bodyLinks: [String: [BodyLink]] = [:]
}

/// Turns source files into typed records: split, compose YAML, check the schema, mask personal data, decode, render
/// Markdown.
public enum ContentLoader {
    /// Resolves plain scalars only as booleans (everything else stays a string, which Yams' number and null
    /// constructors read from the text anyway). Yams' default resolver tries seven regular expressions on every
    /// scalar and every key lookup, which was a fifth of `check`.
    static let yamlResolver = Resolver.basic.appending(.bool)

    /// Composes one front matter. The encoding is given because Yams' default reads the whole process environment
    /// on every parser it creates (2 % of a 1000-organisation build).
    static func composeYAML(_ yaml: String) throws -> Node? {
        try Yams.compose(yaml: yaml, yamlResolver, .default, .utf8)
    }

    /// Shared for the same reason; `decode` keeps no state between calls, so the loader's threads can share it.
    nonisolated(unsafe) static let yamlDecoder = YAMLDecoder(encoding: .utf8)

    /// Decodes `site.yaml`; nil with diagnostics when it is unusable.
    public static func loadSiteConfig(_ text: String) -> (SiteConfig?, [Diagnostic]) {
        let yaml = text.replacingCRLF()
        let rules = ContentSchema.siteRules(topics: BuiltinTopic.all + siteTopics(yaml))
        let outcome = decode(yaml, lineOffset: 0, path: "site.yaml", rules: rules, into: SiteConfig.self, privacy: PrivacyPolicy())
        // site.yaml's own text (contact, organizer…) is on every page, so its findings are always reported.
        return (outcome.value?.0, PrivacyLint.masking(outcome.diagnostics) + outcome.privacyFindings)
    }

    /// The `topics` of `site.yaml` when they are a list of texts (the keys `notice_rules` may then use); the
    /// schema check reports any other shape.
    static func siteTopics(_ yaml: String) -> [String] {
        guard let root = try? composeYAML(yaml), let list = root.mapping?["topics"]?.sequence else { return [] }
        return list.compactMap { $0.scalar?.string }
    }

    /// Loads every file; records with errors are left out and their errors reported.
    /// Files are independent, so they are loaded on every core and merged in their original order.
    public static func load(_ files: [SourceFile], config: SiteConfig) -> LoadedContent {
        load(files, reading: { .success($0) }, config: config)
    }

    /// Reads (with `read`) and loads every input on every core; each file's text is dropped as soon as it is
    /// parsed, so the whole source is never in memory at once. Read failures become diagnostics.
    public static func load<Input: Sendable>(
        _ inputs: [Input], reading read: @Sendable (Input) -> Result<SourceFile, Diagnostic>, config: SiteConfig
    ) -> LoadedContent {
        let settings = LoaderSettings(config: config)
        return merged(inputs.concurrentMap { loadFile(read($0), settings: settings) })
    }

    /// What one file gives: at most one record, its diagnostics (not yet masked), privacy findings and body links.
    /// Depends only on the file (path, kind, text) and `settings`, which is what lets the parse cache reuse it.
    static func loadFile(_ source: Result<SourceFile, Diagnostic>, settings: LoaderSettings) -> LoadedContent {
        var content = LoadedContent()
        switch source.flatMap({ file in FrontMatterSplitter.split(file.text, path: file.path).map { (file, $0) } }) {
        case .failure(let diagnostic):
            content.diagnostics.append(diagnostic)
            content.noteUnloaded(path: diagnostic.path, text: try? source.get().text)
        case .success(let (file, document)):
            load(document, file: file, settings: settings, into: &content)
            if content.branches.isEmpty { content.noteUnloaded(path: file.path, text: document.yaml) }
        }
        return content
    }

    /// The files' pieces in their original order, their diagnostics masked.
    static func merged(_ parts: [LoadedContent]) -> LoadedContent {
        var content = LoadedContent()
        for part in parts {
            content.branches += part.branches
            content.promises += part.promises
            content.disclosures += part.disclosures
            content.examples += part.examples
            content.pages += part.pages
            content.diagnostics += PrivacyLint.masking(part.diagnostics)
            content.unloadedBranches += part.unloadedBranches
            content.privacyFindings.merge(part.privacyFindings) { $1 }
            content.bodyLinks.merge(part.bodyLinks) { $1 }
        }
        return content
    }

    private static func load(_ split: SplitDocument, file: SourceFile, settings: LoaderSettings, into content: inout LoadedContent) {
        var document = split
        let rules = file.kind.rules(categories: settings.categories, topics: settings.topics)
        let offset = document.yamlLineOffset
        content.diagnostics += BodyChecker.diagnostics(document.body, path: file.path, firstLine: document.bodyLineOffset + 1)
        /// The record, where it came from, and how to mask its body.
        func decoded<T: Decodable>(_ type: T.Type) -> (T, SourceRef, (String) -> String)? {
            let outcome = decode(document.yaml, lineOffset: offset, path: file.path, rules: rules, into: type, privacy: settings.privacy)
            content.diagnostics += outcome.diagnostics
            guard let (record, source) = outcome.value, let screen = outcome.screen else { return nil }
            // The body is masked as written too (numbers split by emphasis or a line break), before it is parsed.
            let (body, bodyFindings) = screen.screen(body: document.body, firstLine: document.bodyLineOffset + 1)
            document = SplitDocument(yaml: document.yaml, yamlLineOffset: offset, body: body, bodyLineOffset: document.bodyLineOffset)
            content.privacyFindings[file.path] = outcome.privacyFindings + bodyFindings
            let links = MarkdownRenderer.linkTargets(document.body)
            if !links.isEmpty {
                // Masked as the page shows them; the line counted in the file.
                let mask = screen.mask
                content.bodyLinks[file.path] = links.map {
                    BodyLink(url: mask($0.url), line: $0.line + document.bodyLineOffset, isImage: $0.isImage, text: mask($0.text))
                }
            }
            return (record, source, screen.mask)
        }
        switch file.kind {
        case .branches:
            guard case (var record, let source, let mask)? = decoded(Branch.self) else { return }
            // The profile text sits under the page's own 「基本情况」 heading.
            (record.source, record.bodyHTML) = (source, MarkdownRenderer.html(document.body, headingOffset: 1, mask: mask))
            content.branches.append(record)
        case .promises:
            guard case (var record, let source, let mask)? = decoded(PromiseLetter.self) else { return }
            // The letter sits under the page's own 「承诺书全文」 heading.
            (record.source, record.bodyHTML) = (source, MarkdownRenderer.html(document.body, headingOffset: 1, mask: mask))
            content.promises.append(record)
        case .disclosures:
            guard case (var record, let source, let mask)? = decoded(Disclosure.self) else { return }
            (record.source, record.bodyHTML) = (source, MarkdownRenderer.html(document.body, mask: mask))
            content.disclosures.append(record)
        case .examples:
            guard case (var record, let source, let mask)? = decoded(Example.self) else { return }
            let rendered = MarkdownRenderer.htmlAndFirstParagraph(document.body, mask: mask)
            (record.source, record.bodyHTML, record.firstParagraph) = (source, rendered.html, rendered.firstParagraph)
            content.examples.append(record)
        case .pages:
            guard case (var record, let source, let mask)? = decoded(FreePage.self) else { return }
            (record.source, record.bodyHTML) = (source, MarkdownRenderer.html(document.body, mask: mask))
            content.pages.append(record)
        }
    }

    struct Outcome<T> {
        var value: (T, SourceRef)?
        var diagnostics: [Diagnostic]
        /// Personal data in the front matter's text, already masked in `value`.
        var privacyFindings: [Diagnostic] = []
        /// The file's privacy policy, for its body.
        var screen: PrivacyScreen?
    }

    /// Compose → check every rule → mask personal data → decode only when the checks found no error. `privacy` is the
    /// site's policy; the file's own `privacy:` goes on top.
    static func decode<T: Decodable>(
        _ yaml: String, lineOffset: Int, path: String, rules: [FieldRule], into type: T.Type, privacy: PrivacyPolicy
    ) -> Outcome<T> {
        // Raw-line mistakes first: an error among them is the one to fix, whatever libyaml makes of the text.
        let layout = YAMLLayoutLint.diagnostics(yaml, path: path, lineOffset: lineOffset)
        if layout.hasErrors { return Outcome(diagnostics: layout) }
        var outcome = decodeParsed(yaml, lineOffset: lineOffset, path: path, rules: rules, into: type, privacy: privacy)
        outcome.diagnostics = layout + outcome.diagnostics
        return outcome
    }

    private static func decodeParsed<T: Decodable>(
        _ yaml: String, lineOffset: Int, path: String, rules: [FieldRule], into type: T.Type, privacy: PrivacyPolicy
    ) -> Outcome<T> {
        if let anchor = YAMLAnchorFinder.firstAnchor(in: yaml) {
            return Outcome(diagnostics: [Diagnostic(.error, path, line: anchor.line + lineOffset, YAMLAnchorFinder.message(anchor.name))])
        }
        let node: Node
        do {
            guard let root = try composeYAML(yaml) else {
                return Outcome(diagnostics: [
                    Diagnostic(.error, path, line: 1 + lineOffset, "front matter 为空：至少需要 \(rules.filter(\.required).map(\.key).joined(separator: "、"))")
                ])
            }
            node = root
        } catch {
            return Outcome(diagnostics: [yamlDiagnostic(error, path: path, lineOffset: lineOffset, yaml: yaml)])
        }
        var checker = FrontMatterChecker(path: path, lineOffset: lineOffset)
        checker.check(node, rules: rules)
        let source = SourceRef(path: path, keyLines: checker.keyLines)
        let controls = ControlCharacterCheck.diagnostics(node, path: path, lineOffset: lineOffset)
        guard !checker.hasBlockingErrors, controls.isEmpty else { return Outcome(diagnostics: checker.diagnostics + controls) }
        let screen = PrivacyScreen(site: privacy, frontMatter: node, source: source)
        let (masked, findings) = screen.screen(node, rules: rules)
        do {
            let value = try record(T.self, from: masked)
            return Outcome(value: (value, source), diagnostics: checker.diagnostics, privacyFindings: findings, screen: screen)
        } catch {
            // The checker should have caught this; report it rather than crash.
            return Outcome(diagnostics: checker.diagnostics + [Diagnostic(.error, path, line: 1 + lineOffset, "无法读取字段：\(error)")])
        }
    }

    /// The record in a checked, masked front matter: read straight from Yams' nodes (`FrontMatterReader`), or by
    /// `YAMLDecoder` when the reader is not sure to read it the same way, so the value or the error is the decoder's.
    static func record<T: Decodable>(_ type: T.Type, from node: Node) throws -> T {
        if let readable = T.self as? any FrontMatterReadable.Type, let value = try? readable.read(node) as? T { return value }
        return try yamlDecoder.decode(T.self, from: node)
    }

    static func yamlDiagnostic(_ error: any Error, path: String, lineOffset: Int, yaml: String = "") -> Diagnostic {
        /// libyaml's line and problem, explained in Chinese at the line that holds the mistake (`YAMLErrorExplainer`).
        func explained(_ line: Int, _ problem: String) -> Diagnostic {
            let explanation = YAMLErrorExplainer.explain(yaml: yaml, line: line, problem: problem)
            return Diagnostic(.error, path, line: explanation.line + lineOffset, "YAML 格式错误：\(explanation.message)")
        }
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _):
            // A scanner's context mark is where the broken token starts (e.g. an unclosed quote).
            return explained((context?.mark ?? mark).line, problem)
        case .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            // A parser's problem mark is the line that breaks the structure (e.g. wrong indentation).
            return explained(mark.line, problem)
        case .duplicatedKeysInMapping(let keys, let context):
            return Diagnostic(.error, path, line: context.mark.line + lineOffset, "YAML 中字段重复：\(keys.joined(separator: "、"))，每个字段只能写一次")
        default:
            return Diagnostic(.error, path, line: 1 + lineOffset, "YAML 格式错误：请检查缩进、冒号后的空格和引号是否成对")
        }
    }
}
