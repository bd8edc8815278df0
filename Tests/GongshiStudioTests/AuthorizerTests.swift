import GongshiStudio
import Testing

/// Every role × every action × where the content is, relative to the grant on 金桥社区: the org itself, a child,
/// a sibling, the parent, the root (same as parent here), an unknown org.
@Suite struct AuthorizerTests {
    enum Place: String, CaseIterable { case itself, child, sibling, parent, unknown }

    static let org: [Place: String] = [
        .itself: "jinqiao-shequ", .child: "jinqiao-wangge-1", .sibling: "shuikou-cun", .parent: "qingxi-jiedao",
        .unknown: "no-such-org",
    ]

    /// The expected answer: (role, action) → places where it is allowed.
    static let expected: [StudioRole: [StudioAction: Set<Place>]] = {
        let inside: Set<Place> = [.itself, .child]
        let everywhere = Set(Place.allCases)
        return [
            .drafter: [.read: inside, .write: inside, .review: [], .approve: [], .publish: []],
            .reviewer: [.read: inside, .write: [], .review: inside, .approve: [], .publish: []],
            .approver: [.read: inside, .write: [], .review: [], .approve: inside, .publish: everywhere],
            .admin: [.read: inside, .write: inside, .review: [], .approve: [], .publish: everywhere],
        ]
    }()

    @Test(arguments: StudioRole.allCases, StudioAction.allCases)
    func roleAndAction(role: StudioRole, action: StudioAction) {
        let authorizer = Authorizer(tree: TestStudio.tree)
        let account = Account(login: "x", name: "某", passwordHash: nil, roles: [RoleGrant(org: "jinqiao-shequ", role: role)])
        for place in Place.allCases {
            let allowed = authorizer.allows(account, action, org: Self.org[place]!)
            #expect(allowed == Self.expected[role]![action]!.contains(place), "\(role.rawValue) \(action) \(place)")
        }
    }

    @Test func aGrantOnTheRootCoversEveryBranchButNotAnUnknownOrg() {
        let authorizer = Authorizer(tree: TestStudio.tree)
        let account = Account(login: "x", name: "某", passwordHash: nil, roles: [RoleGrant(org: "qingxi-jiedao", role: .drafter)])
        for org in ["qingxi-jiedao", "jinqiao-shequ", "jinqiao-wangge-1", "shuikou-shangzhai"] {
            #expect(authorizer.allows(account, .write, org: org), "\(org)")
        }
        #expect(!authorizer.allows(account, .write, org: "no-such-org"))
        let none = Account(login: "y", name: "某", passwordHash: nil, roles: [])
        #expect(StudioAction.allCases.allSatisfy { !authorizer.allows(none, $0, org: "jinqiao-shequ") })
    }
}
