/// The loaded organisations by id, to walk a branch's line of 上级组织 while checking (before the `SiteModel` and
/// its `OrganisationTree` exist, and whatever parent loops the content holds).
struct BranchLineage {
    private let byID: [String: Branch]

    init(_ branches: [Branch]) {
        byID = Dictionary(branches.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func contains(_ id: String) -> Bool { byID[id] != nil }

    /// The known organisations above `id`, nearest first; a parent loop ends the walk.
    func ancestors(of id: String) -> [String] {
        var chain: [String] = []
        var current = byID[id]?.parent
        while let parent = current, parent != id, byID[parent] != nil, !chain.contains(parent) {
            chain.append(parent)
            current = byID[parent]?.parent
        }
        return chain
    }

    /// 「jinqiao（金桥社区党委）」, each id with its name.
    func describe(_ ids: [String]) -> String {
        ids.map { id in byID[id].map { "\(id)（\($0.name)）" } ?? id }.joined(separator: "、")
    }
}
