import Yams

/// Applies `PrivacyLint` while a file is loaded, so every record holds masked text from the start and no later stage
/// (pages, feeds, posters, search) can see the raw value.
struct PrivacyScreen {
    /// The site's `privacy:` with the file's own on top.
    let policy: PrivacyPolicy
    let source: SourceRef

    /// Reads the file's own `privacy:` (already checked against the schema) from its front matter.
    init(site: PrivacyPolicy, frontMatter: Node, source: SourceRef) {
        let own = frontMatter.mapping?["privacy"].flatMap { try? ContentLoader.yamlDecoder.decode(PrivacyPolicy.self, from: $0) }
        policy = site.overridden(by: own)
        self.source = source
    }

    /// Masks one text.
    func mask(_ text: String) -> String { PrivacyLint.screen(text, policy: policy).text }

    /// The front matter with every text value masked, and what was found, each at its key's line.
    func screen(_ frontMatter: Node, rules: [FieldRule]) -> (Node, [Diagnostic]) {
        var findings: [Diagnostic] = []
        let masked = screen(frontMatter, rule: .mapping(rules), keyPath: "", findings: &findings)
        return (masked, findings)
    }

    /// What the Markdown body holds, each at its line in the file; `firstLine` is the file line of the body's first.
    func findings(inBody markdown: String, firstLine: Int) -> [Diagnostic] {
        PrivacyLint.screen(markdown, policy: policy).findings.compactMap { finding in
            finding.severity.map { Diagnostic($0, source.path, line: firstLine + finding.match.line, finding.message(in: "正文中"), kind: finding.diagnosticKind) }
        }
    }

    /// Walks values by their rule: only text is screened (dates, numbers, ids and enumerations cannot hold a name or
    /// number); the `privacy:` settings themselves are never shown, so they are skipped.
    private func screen(_ node: Node, rule: ValueRule, keyPath: String, findings: inout [Diagnostic]) -> Node {
        switch rule {
        case .text:
            guard let scalar = node.scalar else { return node }
            let (text, found) = PrivacyLint.screen(scalar.string, policy: policy)
            findings += found.compactMap { finding in
                finding.severity.map {
                    .init($0, source.path, line: source.line(keyPath), finding.message(in: "字段 \(keyPath.displayKey) 中"), kind: finding.diagnosticKind)
                }
            }
            return text == scalar.string ? node : .scalar(Node.Scalar(text, Tag(.str), scalar.style, scalar.mark))
        case .list(let element, _):
            guard var sequence = node.sequence else { return node }
            for (offset, index) in sequence.indices.enumerated() {
                sequence[index] = screen(sequence[index], rule: element, keyPath: "\(keyPath).\(offset)", findings: &findings)
            }
            return .sequence(sequence)
        case .mapping(let rules):
            guard var mapping = node.mapping else { return node }
            for index in mapping.indices {
                let (key, value) = mapping[index]
                guard let name = key.string, name != "privacy", let rule = rules.first(where: { $0.key == name }) else { continue }
                let path = keyPath.isEmpty ? name : "\(keyPath).\(name)"
                mapping[index] = (key, screen(value, rule: rule.value, keyPath: path, findings: &findings))
            }
            return .mapping(mapping)
        default:
            return node
        }
    }
}

extension PrivacyLint.Finding {
    /// How a masked finding is counted in reports (`手机号打码`, `邮箱打码`); the numbers that are errors need no kind.
    var diagnosticKind: Diagnostic.Kind {
        switch match.kind {
        case .mobile: return .mobileMasked
        case .email: return .emailMasked
        case .idCard, .bankCard: return .other
        }
    }
}
