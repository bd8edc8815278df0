import GongshiKit

@testable import GongshiStudio

/// The organisations and accounts of the workflow tests: 浦东 (pd) above 金桥 (jq) above 第一支部 (jq-1); 陆家嘴
/// (ljz) is another branch under 浦东.
enum WorkflowFixtures {
    static let tree = OrgTree(
        parents: ["jq": "pd", "jq-1": "jq", "ljz": "pd"], names: ["pd": "浦东", "jq": "金桥社区", "jq-1": "第一支部", "ljz": "陆家嘴"])
    static let authorizer = Authorizer(tree: tree)
    static let today = Day("2026-12-01")!

    static let drafter = account("zhang", "张三", [.init(org: "jq-1", role: .drafter)])
    static let reviewer = account("li", "李四", [.init(org: "jq", role: .reviewer)])
    static let approver = account("wang", "王五", [.init(org: "jq", role: .approver)])
    static let ancestorApprover = account("zhao", "赵六", [.init(org: "pd", role: .approver)])
    static let otherBranch = account(
        "qian", "钱七", [.init(org: "ljz", role: .drafter), .init(org: "ljz", role: .reviewer), .init(org: "ljz", role: .approver)])
    /// Drafts, reviews and approves in 金桥: separation of duties is all that stops it.
    static let allRoles = account(
        "sun", "孙八", [.init(org: "jq", role: .drafter), .init(org: "jq", role: .reviewer), .init(org: "jq", role: .approver)])

    static func account(_ login: String, _ name: String, _ roles: [RoleGrant]) -> Account {
        Account(login: login, name: name, passwordHash: nil, roles: roles)
    }

    static func signoff(_ by: String, _ date: String = "2026-11-30") -> FrontValue {
        .map(FrontMap([.init(key: "by", value: .text(by)), .init(key: "date", value: .text(date))]))
    }

    /// A disclosure of 第一支部 in `state`, proposed by 张三 (reviewed by 李四 once past 待审核).
    static func disclosure(_ state: WorkflowState, topic: String? = nil, proposer: String = "张三") -> EditableDocument {
        var fields = FrontMap([
            .init(key: "id", value: .text("dangfei-2026-q3")), .init(key: "title", value: .text("2026年第三季度党费收缴情况")),
            .init(key: "branch", value: .text("jq-1")),
        ])
        if let topic { fields["topic"] = .text(topic) }
        fields["proposed"] = signoff(proposer)
        switch state {
        case .draft, .pendingReview: fields["workflow"] = .text(state.rawValue)
        case .pendingApproval: fields["reviewed"] = signoff("李四")
        case .approved, .reviewed:
            fields["reviewed"] = signoff("李四")
            fields["approved"] = .map(FrontMap([.init(key: "by", value: .text("王五")), .init(key: "date", value: .text("2026-11-30"))]))
        }
        return EditableDocument(kind: .disclosures, fields: fields, body: "正文")
    }

    /// A promise letter of 第一支部 in `state` (草稿, 待审核 or 已审核).
    static func letter(_ state: WorkflowState) -> EditableDocument {
        var fields = FrontMap([.init(key: "id", value: .text("zhang-2026")), .init(key: "branch", value: .text("jq-1"))])
        switch state {
        case .draft, .pendingReview: fields["workflow"] = .text(state.rawValue)
        default: fields["reviewed"] = signoff("李四")
        }
        return EditableDocument(kind: .promises, fields: fields, body: "承诺")
    }
}
