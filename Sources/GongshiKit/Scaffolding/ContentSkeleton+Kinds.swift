extension ContentSkeleton {
    /// 支部概况
    func addBranchFields(to yaml: inout SkeletonText) {
        yaml.field("name", ScaffoldPlaceholder.branchName.text, "组织全称（必填），如 中共青溪街道金桥社区委员会")
        yaml.field("type", OrgType.branch.rawValue, "组织类型（必填），\(SkeletonText.choices(OrgType.allowedValues))")
        yaml.field("field", Field.streetCommunity.rawValue, "领域（必填），\(SkeletonText.choices(Field.allowedValues))")
        addReference("parent", required: false, to: &yaml)
        yaml.field("secretary", "", "书记姓名（可选，公开职务）")
        yaml.field("members", "", "本组织直接管理的党员人数（可选），整数，不含下级组织的党员（合计时按组织树累加）")
        yaml.field("registered", "", "报到党员人数（可选），整数：组织关系在别处、到本组织报到的党员（如在职党员回社区报到），不计入党员人数，单独合计")
        yaml.field("established", "", "成立日期（可选），YYYY-MM-DD，如 \(today)")
        yaml.field("address", "", "地址（可选）")
        yaml.field("phone", "", "办公电话（可选，会在网站上公开）")
        yaml.field("venue", "", "服务场所（可选），如 金桥社区党群服务中心")
        let goals = LiuyouGoal.allowedValues
        yaml.commentedOut(
            ["liuyou:"] + goals.map { "  \($0): false" },
            "六有自评（可选）：键只能是 \(goals.joined(separator: "、"))，值为 true（达到）或 false（未达到）")
        yaml.commentedOut(
            ["ratings:", "  - year: \(today.year)", "    satisfaction: 95.5", "    respondents: 100", "    grade: 好"],
            "群众测评（可选），每年一项：year 年度、satisfaction 满意度（0–100 的百分数）、respondents 参评人数（大于 0 的整数）必填，grade 等次可选")
        addImages(to: &yaml)
    }

    /// 承诺书
    func addPromiseFields(to yaml: inout SkeletonText) {
        addReference("branch", required: true, to: &yaml)
        yaml.field("year", "\(today.year)", "年度（必填）")
        yaml.field("promiser", ScaffoldPlaceholder.promiser.text, "承诺人姓名（必填）；组织承诺填组织名称")
        yaml.field("role", PromiserRole.employedMember.rawValue, "承诺人身份（必填），\(SkeletonText.choices(PromiserRole.allowedValues))")
        yaml.field("post", "", "岗位（可选），如 环境卫生监督岗（无职党员设岗定责时填写）")
        yaml.field("published", "\(today)", "公示日期（必填），YYYY-MM-DD")
        yaml.note("承诺事项（必填，至少一项）。每项以「- text:」开头；复制从「- text:」到 note 的整段可增加一项")
        yaml.line("items:")
        let item = "    "
        yaml.field("- text", ScaffoldPlaceholder.itemText.text, "承诺内容（必填）：要具体、可检查，如“每月组织一次环境卫生清理”，而不是“进一步提高服务水平”", indent: "  ")
        yaml.field("service", Service.residents.rawValue, "服务类型（必填），\(SkeletonText.choices(Service.allowedValues))", indent: item)
        yaml.field("due", "\(endOfYear)", "承诺期限（必填），YYYY-MM-DD；状态为进行中且已过期限的事项，网站上自动显示为“逾期”", indent: item)
        yaml.field("status", ItemStatus.inProgress.rawValue, "状态（必填），\(SkeletonText.choices(ItemStatus.allowedValues))", indent: item)
        yaml.commentedOut(["done: \(endOfYear)"], "兑现日期：状态为已兑现时必填，其他状态不能填写；兑现后把 status 改为 已兑现，再删去下一行行首的「# 」", indent: item)
        yaml.commentedOut(["note: \(ScaffoldPlaceholder.itemNote.text)"], "原因说明：状态为未兑现、延期时必填", indent: item)
        yaml.commentedOut(
            ["target: {count: 40, unit: 人次}"], "量化目标（可选）：count 目标数量（大于 0 的整数）、unit 单位，如 全年走访不少于 40 人次", indent: item)
        yaml.commentedOut(
            [
                "progress:", "  - date: \(today)", "    text: 走访独居老人 3 户", "    count: 3", "    images:",
                "      - file: 照片/走访.jpg", "        caption: 党员到独居老人家中了解生活困难",
            ],
            "践诺记录（可选）：每做一次记一笔，date 日期（不早于公示日期、不晚于数据截至日期）、text 做了什么（必填），count 本次完成数量（只在有 target 时填写）；images 本次的照片（可选），caption 照片说明必填，发布时去掉拍摄位置等元数据",
            indent: item)
        let votes = Vote.allowedValues.map { "\($0): 0" }.joined(separator: ", ")
        yaml.commentedOut(
            ["review:", "  date: \(endOfYear)", "  method: 党员大会述职、群众代表评议", "  votes: {\(votes)}"],
            "年终述职评议（可选）：date 评议日期（必填，不早于公示日期）、method 评议方式（可选）、votes 票数（必填，整数，键只能是 \(Vote.allowedValues.joined(separator: "、"))）")
        addOneStepReview(to: &yaml)
        addWorkflow(to: &yaml)
    }

    /// 党务公开事项
    func addDisclosureFields(to yaml: inout SkeletonText) {
        addReference("branch", required: true, to: &yaml)
        yaml.field("title", ScaffoldPlaceholder.title.text, "标题（必填）")
        let fallback = BuiltinCategory.all.last ?? ""
        yaml.field("category", fallback, "类别（必填），\(SkeletonText.choices(categories))（内置类别之外的由 site.yaml 的 categories 增加）")
        yaml.field("scope", Scope.society.rawValue, "公开范围（必填），\(SkeletonText.choices(Scope.allowedValues))；党内公开的事项不在网站发布，缺少或写错都是错误")
        yaml.field("published", "\(today)", "发布日期（必填），YYYY-MM-DD；晚于数据截至日期的事项到期后才发布")
        yaml.field("topic", "", "事项主题（可选），\(SkeletonText.choices(topics))；发展党员等主题有公示规则（见 README「site.yaml」的 notice_rules）")
        yaml.commentedOut(
            ["proposed:", "  by: 提出人", "  date: \(today)"], "提出（可选）：by 提出人、date 提出日期，不能晚于审核日期")
        yaml.commentedOut(
            ["reviewed:", "  by: \(ScaffoldPlaceholder.reviewer.text)", "  date: \(today)"],
            "审核（含保密审查）：by 审核人、date 审核日期。没有审核和审批记录的事项不会发布到网站；审核后删去下面三行行首的「# 」并填写")
        yaml.commentedOut(
            ["approved:", "  by: \(ScaffoldPlaceholder.approver.text)", "  date: \(today)"],
            "审批：by 审批人、date 审批日期、可加一行 org: 审批组织的 id（本组织或上级组织，如上级党委审批时）；审批日期不能早于审核日期，发布日期不能早于审批日期；审批人不能与审核人、提出人是同一人")
        yaml.field("cadence", "", "公开方式（可选），\(SkeletonText.choices(Cadence.allowedValues))（常规性工作定期公开、阶段性工作逐段公开、临时性工作随时公开）")
        yaml.field("period", "", "所属期间（可选），如 \(today.year)-Q4；纯年份请加引号，如 \"\(today.year)\"")
        yaml.field("until", "", "公示期截止日期（可选），YYYY-MM-DD，不能早于发布日期；网站按数据截至日期显示“公示中”或“公示期已结束”")
        yaml.field("feedback", "", "意见反馈渠道（可选），如 金桥社区党委 0851-86235120")
        yaml.commentedOut(
            ["outcome:", "  date: \(today)", "  text: 公示期内未收到反映", "  received: 0"],
            "结果公开（可选）：公示期结束后填写，date 日期、text 结果（必填），received 收到意见条数（整数）")
        yaml.field("follows", "", "落实的上一项公开事项的 id（可选），如实施结果公开写它落实的决议公开的 id")
        addWorkflow(to: &yaml)
        addAttachments(to: &yaml)
        addImages(to: &yaml)
    }

    /// 典型事例
    func addExampleFields(to yaml: inout SkeletonText) {
        yaml.field("title", ScaffoldPlaceholder.title.text, "标题（必填）")
        addReference("branch", required: true, to: &yaml)
        yaml.field("date", "\(today)", "日期（必填），YYYY-MM-DD")
        yaml.field("field", "", "领域（可选），不填时取所属组织的领域；\(SkeletonText.choices(Field.allowedValues))")
        yaml.field("service", "", "服务类型（可选），\(SkeletonText.choices(Service.allowedValues))")
        yaml.field("people", "", "人物（可选，公开职务人员），列表，如 [金桥社区党委书记 \(ScaffoldPlaceholder.exampleNames[0]), 网格员 \(ScaffoldPlaceholder.exampleNames[1])]")
        yaml.field("honors", "", "荣誉（可选），列表，如 [\(today.year)年度市级优秀党员]")
        yaml.field("summary", "", "摘要（可选）；不填时取正文第一段")
        addOneStepReview(to: &yaml)
        addWorkflow(to: &yaml)
        addAttachments(to: &yaml)
        addImages(to: &yaml)
    }

    /// 审核 of promise letters and examples (one step; written by the studio, optional by hand).
    func addOneStepReview(to yaml: inout SkeletonText) {
        yaml.commentedOut(
            ["reviewed:", "  by: \(ScaffoldPlaceholder.reviewer.text)", "  date: \(today)"],
            "审核（可选）：by 审核人、date 审核日期。编辑平台审核通过时自动写入；手写的文件不写也照常发布")
    }

    /// `workflow`: the studio's mark for items not yet through its procedure.
    func addWorkflow(to yaml: inout SkeletonText) {
        yaml.commentedOut(
            ["workflow: \(WorkflowMark.draft.rawValue)"],
            "编辑平台的流程标记（可选），\(SkeletonText.choices(WorkflowMark.allowedValues))：写了就不发布，编辑平台审核通过后去掉。手写的文件不用写")
    }
}
