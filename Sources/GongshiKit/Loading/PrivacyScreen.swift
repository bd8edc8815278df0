import Yams

/// Applies `PrivacyLint` while a file is loaded, so every record holds masked text from the start and no later stage
/// (pages, feeds, posters, search) can see the raw value.
///
/// Every string of the file is screened: its path, every front-matter scalar (text is masked; ids, attachment file
/// names, URLs and numbers cannot be, so personal data there is an error), and the Markdown body, first as written
/// (numbers split by emphasis or a line break, link targets, alt text) and then node by node after parsing.
struct PrivacyScreen {
    /// The site's `privacy:` with the file's own on top.
    let policy: PrivacyPolicy
    let source: SourceRef

    /// What the body's masks are written with before Markdown parsing: a private-use character that cannot become
    /// emphasis, turned into `*` in every parsed text by `mask`.
    static let placeholderStar = "\u{E000}"

    /// Reads the file's own `privacy:` (already checked against the schema) from its front matter.
    init(site: PrivacyPolicy, frontMatter: Node, source: SourceRef) {
        let node = (try? FrontMatterReader(frontMatter)).map { $0.value("privacy") } ?? frontMatter.mapping?["privacy"]
        let own = node.flatMap { try? ContentLoader.record(PrivacyPolicy.self, from: $0) }
        policy = site.overridden(by: own)
        self.source = source
    }

    /// Masks one text of the parsed body (and turns the placeholders of the masks made before parsing into `*`).
    func mask(_ text: String) -> String {
        Self.starringPlaceholders(PrivacyLint.screen(text, policy: policy).text)
    }

    /// `placeholderStar` (UTF-8 EE 80 80) turned into `*`, byte by byte (Foundation's search was a fifth of a page
    /// with 100,000 masks).
    static func starringPlaceholders(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes in
            guard let first = bytes.firstIndex(of: 0xEE) else { return text }
            var out: [UInt8] = Array(bytes[..<first])
            out.reserveCapacity(bytes.count)
            var index = first
            while index < bytes.count {
                if bytes[index] == 0xEE, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 {
                    out.append(0x2A)
                    index += 3
                } else {
                    out.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The file's path and front matter: the front matter with every text value masked, and what was found, each at
    /// its key's line (the path's at line 1).
    func screen(_ frontMatter: Node, rules: [FieldRule]) -> (Node, [Diagnostic]) {
        var findings = report(
            PrivacyLint.screen(source.path, policy: policy, place: .verbatim("文件名会出现在构建报告和预览的错误页中")).findings, line: 1,
            in: "文件名中")
        let masked = screen(frontMatter, rule: .mapping(rules), keyPath: "", findings: &findings)
        return (masked, findings)
    }

    /// The Markdown body with what may not be shown masked (masks written with `placeholderStar`), and what it holds,
    /// each at its line in the file; `firstLine` is the file line of the body's first.
    func screen(body markdown: String, firstLine: Int) -> (String, [Diagnostic]) {
        let (text, found) = PrivacyLint.screen(markdown, policy: policy, star: Self.placeholderStar)
        let diagnostics = found.compactMap { finding in
            finding.severity.map { Diagnostic($0, source.path, line: firstLine + finding.match.line, finding.message(in: "正文中"), kind: finding.diagnosticKind) }
        }
        return (text, diagnostics)
    }

    private func report(_ found: [PrivacyLint.Finding], line: Int, in place: String) -> [Diagnostic] {
        found.compactMap { finding in finding.severity.map { Diagnostic($0, source.path, line: line, finding.message(in: place), kind: finding.diagnosticKind) }
        }
    }

    /// Where a value of this rule ends up, when it is not free text.
    static func verbatimReason(_ rule: ValueRule, keyPath: String) -> String? {
        switch rule {
        case .text where keyPath.hasPrefix("attachments.") && keyPath.hasSuffix(".file"):
            return "附件的文件名是读取文件用的路径，没有 title 时还会显示在网页上"
        case .text: return nil
        case .identifier where keyPath == "id": return "id 会出现在网址、站点地图和 manifest.json 中"
        case .identifier: return "这个字段引用的 id 会出现在网址中"
        case .absoluteURL: return "网址会原样出现在每一页和二维码中"
        default: return "这个字段的值原样发布"
        }
    }

    /// Walks values by their rule: text is masked, any other scalar only checked; the `privacy:` settings themselves
    /// are never shown, so they are skipped.
    private func screen(_ node: Node, rule: ValueRule, keyPath: String, findings: inout [Diagnostic]) -> Node {
        switch rule {
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
        case .keyedBy(_, let valueRule):
            guard var mapping = node.mapping else { return node }
            for index in mapping.indices {
                let (key, value) = mapping[index]
                let path = "\(keyPath).\(key.string ?? "")"
                mapping[index] = (key, screen(value, rule: valueRule, keyPath: path, findings: &findings))
            }
            return .mapping(mapping)
        default:
            guard let scalar = node.scalar else { return node }
            let place = Self.verbatimReason(rule, keyPath: keyPath).map(PrivacyLint.Place.verbatim) ?? .text
            let (text, found) = PrivacyLint.screen(scalar.string, policy: policy, place: place)
            if !found.isEmpty {
                // `people 第 2 项的` → `字段 people 第 2 项中`.
                let display = keyPath.displayKey
                let field = display.hasSuffix("的") ? String(display.dropLast()) : "\(display) "
                findings += report(found, line: source.line(keyPath), in: "字段 \(field)中")
            }
            return text == scalar.string ? node : .scalar(Node.Scalar(text, Tag(.str), scalar.style, scalar.mark))
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
