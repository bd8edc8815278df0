/// The folders under `content/`, one per record type.
public enum ContentKind: String, Sendable, CaseIterable {
    case branches, promises, disclosures, examples, pages

    /// The front-matter schema of this kind: what `check` validates, and what the studio's forms are made of
    /// (labels in `FieldLabels`). `categories` are the site's 党务公开 categories (the enumeration of `category`).
    public func rules(categories: [String] = [], topics: [String] = BuiltinTopic.all) -> [FieldRule] {
        switch self {
        case .branches: return ContentSchema.branch
        case .promises: return ContentSchema.promise
        case .disclosures: return ContentSchema.disclosure(categories: categories, topics: topics)
        case .examples: return ContentSchema.example
        case .pages: return ContentSchema.page
        }
    }

    /// 中文名, for messages.
    public var chineseName: String {
        switch self {
        case .branches: return "组织"
        case .promises: return "承诺书"
        case .disclosures: return "党务公开事项"
        case .examples: return "典型事例"
        case .pages: return "页面"
        }
    }
}

/// The front-matter schemas; the keys match each record's `CodingKeys` (a test checks this).
enum ContentSchema {
    /// `site.yaml`; `topics` are the built-in ones and the file's own, the keys `notice_rules` may use.
    static var site: [FieldRule] { siteRules(topics: BuiltinTopic.all) }

    static func siteRules(topics: [String]) -> [FieldRule] { siteSettings + [.optional("notice_rules", .keyedBy(topics, .mapping(noticeRule)))] }

    static let noticeRule: [FieldRule] = [
        .optional("min_working_days", .integer(min: 1)), .optional("until_required", .boolean),
        .optional("approver_level", .oneOf(ApproverLevel.allowedValues)), .optional("retire_after_days", .integer(min: 0)),
    ]

    static let siteSettings: [FieldRule] = [
        .required("title", .text), .required("base_url", .absoluteURL), .optional("language", .text),
        .optional("organizer", .text), .optional("icp", .text), .optional("contact", .text),
        .optional("categories", .list(of: .text, nonEmpty: false)),
        .optional("holidays", .list(of: .date, nonEmpty: false)),
        .optional("privacy", .mapping(privacySettings + [.optional("small_cell_threshold", .integer(min: 0))])),
        .optional("topics", .list(of: .text, nonEmpty: false)),
        .optional("procedure", .mapping([.optional("allow_same_reviewer_approver", .boolean)])),
        .optional("stale_days", .integer(min: 1)), .optional("outcome_due_days", .integer(min: 0)),
        .optional("logo", .text),
    ]

    /// `privacy:` of a content file; site.yaml adds `small_cell_threshold`. ID-card and bank-card numbers stay errors.
    static let privacySettings: [FieldRule] = [
        .optional("mobile", .oneOf(PrivacyHandling.allowedValues)), .optional("email", .oneOf(PrivacyHandling.allowedValues)),
        .optional("id_card", .oneOf([PrivacyHandling.error.rawValue])),
        .optional("bank_card", .oneOf([PrivacyHandling.error.rawValue])),
        .optional("allow", .list(of: .text, nonEmpty: false)), .optional("emails", .list(of: .text, nonEmpty: false)),
    ]

    static let privacy: FieldRule = .optional("privacy", .mapping(privacySettings))

    /// 附件 of disclosures and examples: files inside the source dir, checked by `AttachmentLoader`.
    static let attachments: FieldRule = .optional(
        "attachments", .list(of: .mapping([.required("file", .text), .optional("title", .text)]), nonEmpty: false))

    /// 照片 of examples, disclosures, branches and 践诺 entries: files inside the source dir like attachments, each
    /// with its caption (the alt text); checked and processed by the image stage.
    static let images: FieldRule = .optional(
        "images", .list(of: .mapping([.required("file", .text), .required("caption", .text)]), nonEmpty: false))

    static let branch: [FieldRule] = [
        .required("id", .identifier), .required("name", .text),
        .required("type", .oneOf(OrgType.allowedValues)), .required("field", .oneOf(Field.allowedValues)),
        .optional("parent", .identifier), .optional("secretary", .text), .optional("members", .integer(min: 0)),
        .optional("registered", .integer(min: 0)), .optional("established", .date), .optional("address", .text), .optional("phone", .text),
        .optional("venue", .text), .optional("liuyou", .keyedBy(LiuyouGoal.allowedValues, .boolean)),
        .optional(
            "ratings",
            .list(
                of: .mapping([
                    .required("year", .integer(min: 1949)), .required("satisfaction", .number(0...100)),
                    .required("respondents", .integer(min: 1)), .optional("grade", .text),
                ]), nonEmpty: false)),
        privacy, images,
    ]

    static let promiseItem: [FieldRule] = [
        .required("text", .text), .required("service", .oneOf(Service.allowedValues)),
        .required("due", .date), .required("status", .oneOf(ItemStatus.allowedValues)),
        .optional("done", .date), .optional("note", .text),
        .optional("target", .mapping([.required("count", .integer(min: 1)), .required("unit", .text)])),
        .optional(
            "progress",
            .list(
                of: .mapping([.required("date", .date), .required("text", .text), .optional("count", .integer(min: 0)), images]),
                nonEmpty: false)),
    ]

    static let promise: [FieldRule] = [
        .required("id", .identifier), .required("branch", .identifier), .required("year", .integer(min: 1949)),
        .required("promiser", .text), .required("role", .oneOf(PromiserRole.allowedValues)),
        .optional("post", .text), .required("published", .date),
        .required("items", .list(of: .mapping(promiseItem), nonEmpty: true)),
        .optional(
            "review",
            .mapping([
                .required("date", .date), .optional("method", .text),
                .required("votes", .keyedBy(Vote.allowedValues, .integer(min: 0))),
            ])),
        workflow, .optional("reviewed", signoff), privacy,
    ]

    /// The studio's mark on a file still in its workflow (草稿, 待审核); such a file is never published.
    static let workflow: FieldRule = .optional("workflow", .oneOf(WorkflowMark.allowedValues))

    static let signoff: ValueRule = .mapping([.required("by", .text), .required("date", .date)])
    /// 审批 may name the approving organisation.
    static let approval: ValueRule = .mapping([.required("by", .text), .required("date", .date), .optional("org", .identifier)])

    static func disclosure(categories: [String], topics: [String] = BuiltinTopic.all) -> [FieldRule] {
        [
            .required("id", .identifier), .required("branch", .identifier), .required("title", .text),
            .required("category", .oneOf(categories)), .required("scope", .oneOf(Scope.allowedValues)),
            .required("published", .date), .optional("proposed", signoff), .optional("reviewed", signoff),
            .optional("approved", approval), .optional("cadence", .oneOf(Cadence.allowedValues)), .optional("period", .text),
            .optional("until", .date), .optional("feedback", .text), .optional("topic", .oneOf(topics)),
            .optional(
                "outcome", .mapping([.required("date", .date), .required("text", .text), .optional("received", .integer(min: 0))])),
            .optional("follows", .identifier), privacy, attachments, images, workflow,
        ]
    }

    static let example: [FieldRule] = [
        .required("id", .identifier), .required("title", .text), .required("branch", .identifier),
        .required("date", .date), .optional("field", .oneOf(Field.allowedValues)),
        .optional("service", .oneOf(Service.allowedValues)), .optional("people", .list(of: .text, nonEmpty: false)),
        .optional("honors", .list(of: .text, nonEmpty: false)), .optional("summary", .text), workflow, .optional("reviewed", signoff),
        privacy, attachments, images,
    ]

    static let page: [FieldRule] = [.required("id", .identifier), .required("title", .text), privacy]
}
