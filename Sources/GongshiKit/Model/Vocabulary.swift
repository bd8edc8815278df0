/// A closed list of Chinese values that content may use for one field.
public protocol Vocabulary: RawRepresentable, CaseIterable, Sendable, Hashable, Codable
where RawValue == String {}

extension Vocabulary {
    /// Every allowed value, in the documented order.
    public static var allowedValues: [String] { allCases.map(\.rawValue) }
}

/// 组织类型
public enum OrgType: String, Vocabulary {
    case partyCommittee = "党委", workCommittee = "党工委", generalBranch = "党总支", branch = "党支部"
    case jointBranch = "联合党支部", temporaryBranch = "临时党支部", functionalBranch = "功能型党支部"
}

/// 领域, in the order of the 2014 central opinion.
public enum Field: String, Vocabulary {
    case rural = "农村", stateEnterprise = "国有企业", streetCommunity = "街道社区", government = "机关"
    case university = "高校", publicInstitution = "事业单位", privateEnterprise = "非公有制企业"
    case socialOrganisation = "社会组织"
}

/// 五个服务
public enum Service: String, Vocabulary {
    case reform = "服务改革", development = "服务发展", livelihood = "服务民生"
    case residents = "服务群众", members = "服务党员"
}

/// The written status of a promise item; 逾期 is derived, see `PromiseItem.displayStatus(asOf:)`.
public enum ItemStatus: String, Vocabulary {
    case inProgress = "进行中", fulfilled = "已兑现", unfulfilled = "未兑现", postponed = "延期"
}

/// Who signs a promise letter.
public enum PromiserRole: String, Vocabulary {
    case branch = "支部", secretary = "书记", committeeMember = "支部委员"
    case employedMember = "在职党员", unemployedMember = "无职党员", delegate = "党代表"
}

/// 公开范围
public enum Scope: String, Vocabulary {
    case society = "社会公开", partyInternal = "党内公开"
}

/// 常规性工作定期公开、阶段性工作逐段公开、临时性工作随时公开
public enum Cadence: String, Vocabulary {
    case regular = "定期", staged = "阶段", adHoc = "随时"
}

/// The six 六有 goals.
public enum LiuyouGoal: String, Vocabulary {
    case leadership = "领导班子", backbone = "骨干队伍", venue = "服务场所"
    case channels = "服务载体", institutions = "制度机制", results = "服务业绩"
}

/// The studio's mark on a file still in its workflow: 草稿 (being written) or 待审核 (submitted). A file with a mark is
/// never published; without one the file is what its signoffs say.
public enum WorkflowMark: String, Vocabulary {
    case draft = "草稿", submitted = "待审核"
}

/// Year-end review vote options.
public enum Vote: String, Vocabulary {
    case satisfied = "满意", basicallySatisfied = "基本满意", dissatisfied = "不满意"
}

/// Built-in 党务公开 categories; `site.yaml` may add more.
public enum BuiltinCategory {
    public static let all = ["决策部署", "组织建设", "组织生活", "党费管理", "服务群众", "其他"]
}

/// Built-in 党务公开 topics (the matters notice rules apply to); `site.yaml` `topics` may add more.
public enum BuiltinTopic {
    public static let all = ["发展党员", "换届选举", "民主评议党员", "党费收缴使用", "四议两公开", "评先评优", "其他"]
}
