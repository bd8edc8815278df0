/// Consistency rules of an organisation's profile that the schema alone cannot express.
enum BranchRules {
    static func check(_ branch: Branch) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // A 功能型党支部 (流动党员、在职党员报到) seldom holds its members' 组织关系: they are counted where they belong.
        if branch.type == .functionalBranch, let members = branch.members, members > 0 {
            diagnostics.append(
                .warning(
                    branch.source, "members",
                    "功能型党支部 \(branch.id) 填写了 members（\(members) 名）：功能型党支部的党员组织关系一般在原单位或原支部，"
                        + "按 members 会计入党员合计，和原组织重复；只来报到、参加活动的党员请改填 registered（报到党员，不计入党员合计），"
                        + "组织关系确在本支部的才填 members",
                    kind: .registeredMembers))
        }
        return diagnostics
    }
}
