/// The disclosures' part of assembly: each item's procedure and notice rules, its publication decision, and the
/// `follows` links between them.
extension SiteAssembler {
    static func disclosures(
        _ content: LoadedContent, config: SiteConfig, asOf: Day, references: inout BranchReferences
    ) -> (published: [Disclosure], withheld: [WithheldItem], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let lineage = BranchLineage(content.branches)
        var withheld: [WithheldItem] = []
        var published: [Disclosure] = []
        var retired: Set<String> = []
        for item in content.disclosures {
            diagnostics += references.check(item.branch, field: "branch", item.source)
            if let org = item.approved?.org, !references.known.contains(org) {
                let hint = DisclosureRules.approverHint(item, lineage: lineage)
                diagnostics += references.check(org, field: "approved.org", item.source, hint: hint)
            }
            diagnostics += DisclosureRules.check(item, lineage: lineage, config: config, asOf: asOf)
            diagnostics += NoticeRules.check(item, config: config, lineage: lineage)
            switch PublicationPolicy.decide(item, asOf: asOf, rule: config.rule(for: item.topic)) {
            case .publish:
                published.append(item)
                if let pending = DisclosureRules.outcomePending(item, config: config, asOf: asOf) { diagnostics.append(pending) }
            case .withhold(let reason):
                if PublicationPolicy.decide(item, asOf: asOf) == .publish { retired.insert(item.id) }
                withheld.append(WithheldItem(path: item.source.path, id: item.id, reason: reason))
                // Every withheld item's warning points at its `scope`, a retired one's too (its reason names the dates).
                diagnostics.append(.warning(item.source, "scope", "党务公开事项 \(item.id) 未发布到网站：\(reason)", kind: .unpublished))
            }
        }
        let reasons = Dictionary(withheld.map { ($0.id, $0.reason) }, uniquingKeysWith: { first, _ in first })
        diagnostics += FollowsRules.check(content.disclosures, withheld: reasons, retired: retired)
        // A retired target is only warned about: the published follower forgets it, so no page can link to it.
        for index in published.indices where published[index].follows.map(retired.contains) == true { published[index].follows = nil }
        return (published, withheld, diagnostics)
    }
}
