/// How a new record names its organisation: `branch`, or `parent` for a new branch.
public enum BranchReference: Sendable, Equatable {
    /// Written as the value.
    case filled(String)
    /// Written commented out, with an existing branch id as the example when there is one.
    case commentedOut(example: String?)
}

/// The text of a new content file: every front-matter key of its kind with a Chinese comment, well-formed as written.
///
/// Required keys get `ScaffoldPlaceholder`s, which `check` refuses until replaced; optional keys are left empty (YAML null, i.e. not filled in),
/// or written commented out when a placeholder would be wrong or would publish something unreviewed.
public struct ContentSkeleton: Sendable {
    public var kind: ContentKind
    public var id: String
    /// 今天: the date placeholders use.
    public var today: Day
    /// Every category a disclosure may use, built-in first.
    public var categories: [String]
    /// Built-in topics, then the site's own.
    public var topics: [String]
    public var branch: BranchReference

    public init(
        kind: ContentKind, id: String, today: Day, categories: [String] = BuiltinCategory.all, topics: [String] = BuiltinTopic.all,
        branch: BranchReference
    ) {
        self.kind = kind
        self.id = id
        self.today = today
        self.categories = categories
        self.topics = topics
        self.branch = branch
    }

    /// The whole file: front matter between `---` lines, then a Markdown placeholder.
    public var text: String {
        var yaml = SkeletonText()
        yaml.note("新建的\(kind.chineseName)。字段说明见 README「content/\(kind.rawValue)/」。")
        yaml.note("以 # 开头的行是说明，不会被读取；要填写被注释掉的字段，删去该字段各行行首的「# 」。")
        yaml.field("id", id, "编号（必填）：只能用小写英文字母、数字和连字符，以字母或数字开头；网址由它生成，同类内不能重复")
        let body: String
        switch kind {
        case .branches:
            addBranchFields(to: &yaml)
            body = ScaffoldPlaceholder.branchBody.text
        case .promises:
            addPromiseFields(to: &yaml)
            body = ScaffoldPlaceholder.promiseBody.text
        case .disclosures:
            addDisclosureFields(to: &yaml)
            body = ScaffoldPlaceholder.disclosureBody.text
        case .examples:
            addExampleFields(to: &yaml)
            body = ScaffoldPlaceholder.exampleBody.text
        case .pages:
            yaml.field("title", ScaffoldPlaceholder.pageTitle.text, "页面标题（必填），如 关于本站、办事指南")
            body = ScaffoldPlaceholder.pageBody.text
        }
        addPrivacy(to: &yaml)
        return (["---"] + yaml.lines + ["---", "", body, ""]).joined(separator: "\n")
    }

    /// `branch` (required) or `parent` (optional): filled in, or commented out with the reason.
    func addReference(_ key: String, required: Bool, to yaml: inout SkeletonText) {
        let meaning = required ? "所属组织的 id（必填）" : "上级组织的 id（可选）"
        let rule = "必须是 content/branches/ 中已有的组织"
        switch branch {
        case .filled(let id):
            yaml.field(key, id, required ? "\(meaning)：\(rule)" : "\(meaning)：\(rule)，不能形成循环；最上级的组织删去此字段")
        case .commentedOut(let example?):
            yaml.commentedOut(["\(key): \(example)"], "\(meaning)：\(rule)，不能形成循环；有上级组织时删去下一行行首的「# 」并改为其 id")
        case .commentedOut(nil) where !required:
            yaml.commentedOut(["\(key): \(ScaffoldPlaceholder.parentID.text)"], "\(meaning)：\(rule)，不能形成循环；最上级的组织不填")
        case .commentedOut(nil):
            let hint = "content/branches/ 中还没有组织，请先用 gongshi new branch 新建，再删去下一行行首的「# 」并填写其 id"
            yaml.commentedOut(["\(key): \(ScaffoldPlaceholder.branchID.text)"], "\(meaning)：\(rule)；\(hint)")
        }
    }

    /// `privacy:` commented out with its defaults: this file's exceptions to the site's privacy settings.
    func addPrivacy(to yaml: inout SkeletonText) {
        yaml.commentedOut(
            ["privacy: {mobile: mask, email: mask, id_card: error, bank_card: error, allow: [], emails: []}"],
            "本文件的隐私设置（可选，一般不用填，下一行是默认值）：生成时检查正文和各字段中的身份证号、银行卡号、手机号和电子邮箱。"
                + "mobile 手机号、email 不在允许列表中的邮箱，\(SkeletonText.choices(PrivacyHandling.allowedValues))"
                + "（mask 打码显示并警告，allow 原样公开，error 不允许生成）；id_card 身份证号、bank_card 银行卡号，可选值：error（不能改）；"
                + "allow 列出可以原样公开的号码（如办公手机），emails 列出可以公开的邮箱。详见 README「安全与隐私」")
    }

    /// `attachments:` commented out: files to publish with the item.
    func addAttachments(to yaml: inout SkeletonText) {
        yaml.commentedOut(
            ["attachments:", "  - file: 附件/明细表.pdf", "    title: 明细表"],
            "附件（可选）：file 是相对于本文件所在目录的路径，必须在源目录之内，只能是 "
                + Attachment.allowedExtensions.joined(separator: "、") + " 文件，每个不超过 20 MB；title 是网页上显示的名称。附件内容不做隐私检查，请审核后再发布")
    }

    /// `images:` commented out: photos shown on the page, resized and stripped of every metadata.
    func addImages(to yaml: inout SkeletonText, indent: String = "") {
        yaml.commentedOut(
            ["images:", "  - file: 照片/活动现场.jpg", "    caption: 党员志愿者在小区门口为居民测量血压"],
            "照片（可选）：file 是相对于本文件所在目录的路径，必须在源目录之内，只能是 "
                + PhotoSettings.allowedExtensions.joined(separator: "、") + " 文件，每张不超过 \(PhotoSettings.maximumBytes / 1_048_576) MB；"
                + "caption 是照片说明（必填），也是给读屏软件的文字，请写照片里是什么，不要只写文件名。发布时自动去掉拍摄位置等全部元数据、缩小尺寸，原图不发布",
            indent: indent)
    }

    /// 2026-12-31 for a skeleton made in 2026: the default due date.
    var endOfYear: Day { Day(year: today.year, month: 12, day: 31)! }
}
