/// 编辑平台的角色：起草 writes content, 审核 reviews, 审批 approves, 管理 runs builds and reads everything.
public enum StudioRole: String, Sendable, CaseIterable, Codable {
    case drafter = "起草"
    case reviewer = "审核"
    case approver = "审批"
    case admin = "管理"
}

/// One role over one organisation and its whole subtree.
public struct RoleGrant: Sendable, Equatable, Codable {
    public let org: String
    public let role: StudioRole

    public init(org: String, role: StudioRole) {
        self.org = org
        self.role = role
    }
}

/// An account of `accounts.yaml`. `name` is the real name the studio writes into `proposed.by`, `reviewed.by` and
/// `approved.by`; `passwordHash` is a bcrypt hash (never a password).
public struct Account: Sendable, Equatable {
    public let login: String
    public let name: String
    public var passwordHash: String?
    public let roles: [RoleGrant]

    public init(login: String, name: String, passwordHash: String?, roles: [RoleGrant]) {
        self.login = login
        self.name = name
        self.passwordHash = passwordHash
        self.roles = roles
    }
}
