/// The procedure record of a disclosure as its page shows it: 提出 → 审核 → 审批（审批组织）→ 发布 → 公示期 → 结果公开,
/// and the items it is linked with by `follows`.
struct ProcedureRecord: Encodable, Sendable {
    let steps: [Step]
    /// The item this one implements, when it is published.
    let follows: Link?
    /// The published items that implement this one, oldest first.
    let followers: [Link]
    let hasLinks: Bool

    struct Step: Encodable, Sendable {
        let name: String
        /// Who signed, or the phrase before the date (「公示至」).
        let by: String?
        let date: String?
        /// A state in words (公示中, 公示期已结束, 结果待公开).
        let state: String?
        let active: Bool
        let pending: Bool
        /// 未记录: a step every item goes through that was not written down.
        let missing: Bool
        let org: Org?
        let text: String?
        /// 「收到意见 3 条」
        let received: String?

        init(
            _ name: String, by: String? = nil, date: Day? = nil, state: String? = nil, active: Bool = false, pending: Bool = false,
            missing: Bool = false, org: Org? = nil, text: String? = nil, received: String? = nil
        ) {
            self.name = name
            self.by = by
            self.date = date?.description
            self.state = state
            self.active = active
            self.pending = pending
            self.missing = missing
            self.org = org
            self.text = text
            self.received = received
        }
    }

    struct Org: Encodable, Sendable {
        let label, name: String
        let href: String?
    }

    struct Link: Encodable, Sendable {
        let title, href, date: String
    }

    init(_ d: Disclosure, rows: Rows, links: DisclosureLinks) {
        let model = rows.model
        func org(_ label: String, _ id: String) -> Org {
            Org(label: label, name: rows.branchName(id), href: model.branchByID[id] == nil ? nil : rows.href(.branch(id)))
        }
        var steps: [Step] = []
        steps.append(d.proposed.map { Step("提出", by: $0.by, date: $0.date) } ?? Step("提出", missing: true))
        // Publishable items always carry both sign-offs (PublicationPolicy).
        steps.append(d.reviewed.map { Step("审核（含保密审查）", by: $0.by, date: $0.date) } ?? Step("审核（含保密审查）", missing: true))
        steps.append(
            d.approved.map { Step("审批", by: $0.by, date: $0.date, org: $0.org.map { org("审批组织", $0) }) } ?? Step("审批", missing: true))
        steps.append(Step("发布", date: d.published, org: org("发布组织", d.branch)))
        if let until = d.until {
            let status = d.noticeStatus(asOf: model.asOf)
            steps.append(Step("公示期", by: "公示至", date: until, state: status, active: status == "公示中"))
        }
        if let outcome = d.outcome {
            steps.append(Step("结果公开", date: outcome.date, text: outcome.text, received: outcome.received.map { "收到意见 \($0) 条" }))
        } else if d.outcomePending(asOf: model.asOf, dueDays: model.config.outcomeDueDays) {
            let days = model.config.outcomeDueDays
            let ended = d.until.map { "公示期于 \($0) 结束，" } ?? ""
            steps.append(Step("结果公开", state: "结果待公开", pending: true, text: "\(ended)已超过 \(days) 天，尚未公开结果。"))
        } else if let until = d.until {
            steps.append(Step("结果公开", by: model.asOf <= until ? "公示期结束后公开" : "公示期已结束，结果尚未公开"))
        }
        self.steps = steps
        func link(_ item: Disclosure) -> Link { Link(title: item.title, href: rows.href(.disclosure(item.id)), date: item.published.description) }
        follows = links.target(of: d).map(link)
        followers = links.followers(of: d.id).map(link)
        hasLinks = follows != nil || !followers.isEmpty
    }
}
