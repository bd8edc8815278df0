/// Everything the site shows, already filtered to what may be published, with cross-references resolved.
public struct SiteModel: Sendable {
    public let config: SiteConfig
    /// 数据截至: "today" for every date computation.
    public let asOf: Day
    public let branches: [Branch]
    public let tree: OrganisationTree
    /// Newest year first, then by branch and id.
    public let promises: [PromiseLetter]
    /// Only publishable items (see `PublicationPolicy`), newest first.
    public let disclosures: [Disclosure]
    /// Newest first.
    public let examples: [Example]
    public let pages: [FreePage]
    /// What was left out and why; carries no content, only for the build report.
    public let withheld: [WithheldItem]

    public let branchByID: [String: Branch]
    public let promisesByBranch: [String: [PromiseLetter]]
    public let disclosuresByBranch: [String: [Disclosure]]
    public let examplesByBranch: [String: [Example]]

    public init(
        config: SiteConfig, asOf: Day, branches: [Branch], promises: [PromiseLetter], disclosures: [Disclosure],
        examples: [Example], pages: [FreePage], withheld: [WithheldItem]
    ) {
        self.config = config
        self.asOf = asOf
        self.branches = branches.sorted { $0.id < $1.id }
        self.tree = OrganisationTree(self.branches)
        self.promises = promises.sorted { ($1.year, $0.branch, $0.id) < ($0.year, $1.branch, $1.id) }
        self.disclosures = disclosures.sorted { ($1.published, $0.id) < ($0.published, $1.id) }
        self.examples = examples.sorted { ($1.date, $0.id) < ($0.date, $1.id) }
        self.pages = pages.sorted { $0.id < $1.id }
        self.withheld = withheld.sorted { $0.path < $1.path }
        // Duplicate ids are reported by the assembler; keep the first so checking can go on.
        self.branchByID = Dictionary(self.branches.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.promisesByBranch = Dictionary(grouping: self.promises, by: \.branch)
        self.disclosuresByBranch = Dictionary(grouping: self.disclosures, by: \.branch)
        self.examplesByBranch = Dictionary(grouping: self.examples, by: \.branch)
    }

    /// `model` narrowed to the organisations in `ids` (`restricted(to:)`). Filtering keeps the model's order, so
    /// nothing is sorted again, and the per-organisation lists are the model's own (shared, not copied): a statistics
    /// page of a large organisation made the whole model again, 6 % of a clean build at 1000 organisations.
    init(restricting model: SiteModel, to ids: Set<String>) {
        config = model.config
        asOf = model.asOf
        branches = model.branches.filter { ids.contains($0.id) }
        tree = OrganisationTree(branches)
        promises = model.promises.filter { ids.contains($0.branch) }
        disclosures = model.disclosures.filter { ids.contains($0.branch) }
        examples = model.examples.filter { ids.contains($0.branch) }
        pages = []
        withheld = []
        branchByID = model.branchByID.filter { ids.contains($0.key) }
        promisesByBranch = model.promisesByBranch.filter { ids.contains($0.key) }
        disclosuresByBranch = model.disclosuresByBranch.filter { ids.contains($0.key) }
        examplesByBranch = model.examplesByBranch.filter { ids.contains($0.key) }
    }

    /// The year of the promise board: the as-of year.
    public var currentYear: Int { asOf.year }

    /// 领域 of an example: its own, else its branch's.
    public func field(of example: Example) -> Field? { example.field ?? branchByID[example.branch]?.field }
}

/// An item left off the public site, for the build report (never rendered).
public struct WithheldItem: Sendable, Hashable {
    public let path: String
    public let id: String
    public let reason: String
    /// Disclosures are withheld by `PublicationPolicy`'s rules; letters and examples only by their `workflow` mark.
    public var kind: ContentKind = .disclosures
}

/// The organisation tree (党工委 → 党委 → 党支部), resolved once.
public struct OrganisationTree: Sendable {
    public let roots: [String]
    public let children: [String: [String]]
    public let parent: [String: String]

    init(_ branches: [Branch]) {
        let ids = Set(branches.map(\.id))
        var children: [String: [String]] = [:]
        var parent: [String: String] = [:]
        var roots: [String] = []
        for branch in branches {
            if let p = branch.parent, ids.contains(p) {
                children[p, default: []].append(branch.id)
                parent[branch.id] = p
            } else {
                roots.append(branch.id)
            }
        }
        self.roots = roots
        self.children = children
        self.parent = parent
    }

    /// From the root down to (and including) `id`.
    public func ancestry(of id: String) -> [String] {
        var chain = [id]
        var seen: Set<String> = [id]
        while let p = parent[chain[0]], seen.insert(p).inserted { chain.insert(p, at: 0) }
        return chain
    }

    /// `id` and every organisation below it, depth first.
    public func subtree(of id: String) -> [String] {
        [id] + (children[id] ?? []).flatMap { subtree(of: $0) }
    }
}
