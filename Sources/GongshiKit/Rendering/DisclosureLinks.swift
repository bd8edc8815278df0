/// The `follows` links between the items of the published model, found once per build. Only published items are
/// linked: a withheld or retired item is never named or hinted at, whichever side of a link it is on.
struct DisclosureLinks: Sendable {
    private let byID: [String: Disclosure]
    /// By id: the published items that follow it, oldest first.
    private let followersByID: [String: [Disclosure]]

    init(_ model: SiteModel) {
        byID = Dictionary(model.disclosures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var followers: [String: [Disclosure]] = [:]
        for item in model.disclosures.reversed() {
            if let target = item.follows, target != item.id, byID[target] != nil { followers[target, default: []].append(item) }
        }
        followersByID = followers
    }

    /// The published item `d` follows.
    func target(of d: Disclosure) -> Disclosure? { d.follows.flatMap { $0 == d.id ? nil : byID[$0] } }

    func followers(of id: String) -> [Disclosure] { followersByID[id] ?? [] }
}
