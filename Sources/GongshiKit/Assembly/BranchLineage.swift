/// The loaded organisations by id and their `OrganisationTree` (the model's own walk of 上级组织, which stops at a
/// parent loop), for the checks that run before the `SiteModel` exists.
struct BranchLineage {
    private let byID: [String: Branch]
    private let tree: OrganisationTree

    init(_ branches: [Branch]) {
        byID = Dictionary(branches.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        tree = OrganisationTree(branches)
    }

    func contains(_ id: String) -> Bool { byID[id] != nil }

    /// The known organisations above `id`, nearest first; a parent loop ends the walk.
    func ancestors(of id: String) -> [String] { contains(id) ? Array(tree.ancestry(of: id).dropLast().reversed()) : [] }

    /// 「jinqiao（金桥社区党委）」, each id with its name.
    func describe(_ ids: [String]) -> String {
        ids.map { id in byID[id].map { "\(id)（\($0.name)）" } ?? id }.joined(separator: "、")
    }
}
