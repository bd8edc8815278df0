/// What an account may do to one organisation's content. Separation of duties (the reviewer is not the proposer,
/// the approver neither) needs the record and lives in `Workflow/`; this is the role check every route makes first.
public enum StudioAction: String, Sendable, CaseIterable {
    /// See drafts, lists, history and previews.
    case read
    /// Create, edit, upload, 提交审核.
    case write
    /// 审核通过 or 退回 a disclosure; the one-step review of letters and examples.
    case review
    /// 审批 or 退回 a reviewed disclosure.
    case approve
    /// Start a build of the whole site.
    case publish
}

/// The role check: a grant applies to its organisation and the whole subtree below it.
public struct Authorizer: Sendable {
    public let tree: OrgTree

    public init(tree: OrgTree) {
        self.tree = tree
    }

    /// The roles that allow `action`.
    public static func roles(allowing action: StudioAction) -> Set<StudioRole> {
        switch action {
        case .read: return Set(StudioRole.allCases)
        case .write: return [.drafter, .admin]
        case .review: return [.reviewer]
        case .approve: return [.approver]
        case .publish: return [.approver, .admin]
        }
    }

    /// Whether `account` may do `action` to content of `org`. `publish` is site-wide: any grant of a role that
    /// allows it.
    public func allows(_ account: Account, _ action: StudioAction, org: String) -> Bool {
        let roles = Self.roles(allowing: action)
        return account.roles.contains { grant in
            roles.contains(grant.role) && (action == .publish || tree.isWithin(org, subtreeOf: grant.org))
        }
    }

    /// The organisations at or above `org` over which `account` holds `role` (nearest first).
    public func grantingOrgs(_ account: Account, _ role: StudioRole, over org: String) -> [String] {
        let grants = Set(account.roles.filter { $0.role == role }.map(\.org))
        return tree.lineage(of: org).filter { grants.contains($0) }
    }
}
