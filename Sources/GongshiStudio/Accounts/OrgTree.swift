import GongshiKit

/// The organisation tree of the source dir (each branch's `parent`), for roles that apply to a subtree.
public struct OrgTree: Sendable {
    public let parents: [String: String]
    public let names: [String: String]

    public init(parents: [String: String], names: [String: String]) {
        self.parents = parents
        self.names = names
    }

    public init(branches: [Branch]) {
        var parents: [String: String] = [:]
        var names: [String: String] = [:]
        for branch in branches {
            names[branch.id] = branch.name
            if let parent = branch.parent { parents[branch.id] = parent }
        }
        self.init(parents: parents, names: names)
    }

    /// `org` itself, then its parent, up to the root; stops on a cycle.
    public func lineage(of org: String) -> [String] {
        var chain = [org]
        var seen: Set<String> = [org]
        var current = org
        while let parent = parents[current], seen.insert(parent).inserted {
            chain.append(parent)
            current = parent
        }
        return chain
    }

    /// Whether `org` is `ancestor` or lies below it.
    public func isWithin(_ org: String, subtreeOf ancestor: String) -> Bool {
        lineage(of: org).contains(ancestor)
    }
}
