/// Checks cross-references and consistency rules, then builds the publishable `SiteModel`.
public enum SiteAssembler {
    /// Ids that would collide with fixed paths of the site.
    static let reservedIDs: [ContentKind: Set<String>] = [.promises: ["by-branch"], .disclosures: ["category"]]

    public static func assemble(_ content: LoadedContent, config: SiteConfig, asOf: Day) -> (SiteModel, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        diagnostics += duplicateIDs(content.branches.map { ($0.id, $0.source) }, kind: .branches)
        diagnostics += duplicateIDs(content.promises.map { ($0.id, $0.source) }, kind: .promises)
        diagnostics += duplicateIDs(content.disclosures.map { ($0.id, $0.source) }, kind: .disclosures)
        diagnostics += duplicateIDs(content.examples.map { ($0.id, $0.source) }, kind: .examples)
        diagnostics += duplicateIDs(content.pages.map { ($0.id, $0.source) }, kind: .pages)

        let branchIDs = Set(content.branches.map(\.id))
        var references = BranchReferences(known: branchIDs, unloaded: content.unloadedBranches)
        for branch in content.branches {
            if let parent = branch.parent {
                if parent == branch.id {
                    diagnostics.append(.error(branch.source, "parent", "上级组织 parent 不能是自己（\(parent)）"))
                } else {
                    diagnostics += references.check(parent, field: "parent", branch.source)
                }
            }
        }
        diagnostics += parentLoops(content.branches)
        for branch in content.branches { diagnostics += BranchRules.check(branch) }
        var letters: [PromiseLetter] = []
        var withheld: [WithheldItem] = []
        for letter in content.promises {
            diagnostics += references.check(letter.branch, field: "branch", letter.source)
            diagnostics += PromiseRules.check(letter, config: config, asOf: asOf)
            switch PublicationPolicy.decide(letter) {
            case .publish: letters.append(letter)
            case .withhold(let reason): withheld.append(unpublished(letter.id, letter.source, .promises, reason, &diagnostics))
            }
        }
        let (published, withheldDisclosures, disclosureDiagnostics) = disclosures(
            content, config: config, asOf: asOf, references: &references)
        withheld += withheldDisclosures
        diagnostics += disclosureDiagnostics
        var examples: [Example] = []
        for example in content.examples {
            diagnostics += references.check(example.branch, field: "branch", example.source)
            switch PublicationPolicy.decide(example) {
            case .publish: examples.append(example)
            case .withhold(let reason): withheld.append(unpublished(example.id, example.source, .examples, reason, &diagnostics))
            }
        }
        diagnostics += references.unloadedReport(firstErrorLines: content.diagnostics)
        diagnostics += PrivacyLint.report(content, letters: letters, disclosures: published, examples: examples)
        let model = SiteModel(
            config: config, asOf: asOf, branches: content.branches, promises: letters,
            disclosures: published, examples: examples, pages: content.pages, withheld: withheld)
        // Messages that quote an id or a value never print a personal number whole.
        return (model, PrivacyLint.masking(diagnostics))
    }

    /// A letter or example that its `workflow` mark keeps off the site: its report entry, and a warning at the mark.
    static func unpublished(
        _ id: String, _ source: SourceRef, _ kind: ContentKind, _ reason: String, _ diagnostics: inout [Diagnostic]
    ) -> WithheldItem {
        diagnostics.append(.warning(source, "workflow", "\(kind.chineseName) \(id) 未发布到网站：\(reason)", kind: .unpublished))
        return WithheldItem(path: source.path, id: id, reason: reason, kind: kind)
    }

    static func missingBranch(_ id: String, field: String, known: Set<String>) -> String {
        var message = "字段 \(field) 引用的组织「\(id)」不存在：content/branches/ 中没有 id 为 \(id) 的组织"
        if let guess = known.sorted().nearest(to: id) { message += "；是否应为 \(guess)？" }
        return message
    }

    static func duplicateIDs(_ records: [(String, SourceRef)], kind: ContentKind) -> [Diagnostic] {
        var first: [String: SourceRef] = [:]
        var diagnostics: [Diagnostic] = []
        for (id, source) in records {
            if let original = first[id] {
                diagnostics.append(
                    .error(source, "id", "\(kind.chineseName) id「\(id)」重复：\(original.path):\(original.line("id")) 已使用该 id，与 \(source.path) 冲突"))
            } else {
                first[id] = source
            }
            if reservedIDs[kind]?.contains(id) == true {
                diagnostics.append(.error(source, "id", "id「\(id)」是网站保留路径，请换一个 id"))
            }
        }
        return diagnostics
    }

    /// Every branch on a parent cycle gets one error naming the whole cycle.
    static func parentLoops(_ branches: [Branch]) -> [Diagnostic] {
        let byID = Dictionary(branches.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var diagnostics: [Diagnostic] = []
        for branch in branches.sorted(by: { $0.id < $1.id }) {
            var chain = [branch.id]
            var current = branch
            while let parent = current.parent, parent != branch.id, let next = byID[parent], !chain.contains(parent) {
                chain.append(parent)
                current = next
            }
            if current.parent == branch.id, chain.count > 1 {
                let cycle = (chain + [branch.id]).joined(separator: " → ")
                diagnostics.append(.error(branch.source, "parent", "上级组织形成循环：\(cycle)；组织结构必须是一棵树"))
            }
        }
        return diagnostics
    }
}
