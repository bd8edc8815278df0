/// /disclosures/ and /disclosures/category/<slug>/: published items, newest first.
struct DisclosureIndexContext: Encodable, Sendable {
    let frame: PageFrame
    let disclosures: [Rows.Disclosure]
    let categories: [Category]
    let category: String?
    let allHref: String

    struct Category: Encodable, Sendable {
        let name, href: String
        let count: Int
        let current: Bool
    }

    init(model: SiteModel, category: String?) {
        let slug = category.map { CategorySlug.slug(for: $0, config: model.config) }
        let route: Route = slug.map { .disclosureCategory($0) } ?? .disclosureIndex
        let rows = Rows(model: model, route: route)
        frame = PageFrame(
            model: model, route: route, title: category.map { "党务公开：\($0)" } ?? "党务公开",
            description: "经审核、审批后向社会公开的党务事项。", section: .disclosureIndex,
            trail: category == nil ? [] : [("党务公开", .disclosureIndex)], feeds: [("党务公开", .disclosureFeed)])
        disclosures = model.disclosures.filter { category == nil || $0.category == category }.map(rows.disclosure)
        categories = model.config.allCategories.map { name in
            Category(
                name: name, href: rows.href(.disclosureCategory(CategorySlug.slug(for: name, config: model.config))),
                count: model.disclosures.filter { $0.category == name }.count, current: name == category)
        }
        self.category = category
        allHref = rows.href(.disclosureIndex)
    }
}

/// /disclosures/<id>/: the item with its procedure record (提出 → 审核 → 审批 → 发布 → 公示期 → 结果公开), its linked
/// items, 公示 status and feedback channel.
struct DisclosureContext: Encodable, Sendable {
    let frame: PageFrame
    let item: Rows.Disclosure
    let bodyHTML: String
    let scope: String
    let cadence: String?
    let period: String?
    let until: String?
    let reviewedBy, reviewedOn, approvedBy, approvedOn: String
    let feedback: String?
    let attachments: [Rows.AttachmentLink]
    /// The gallery: every photo, large.
    let images: [Rows.Photo]
    let steps: [ProcedureRecord.Step]
    let follows: ProcedureRecord.Link?
    let followers: [ProcedureRecord.Link]
    let hasLinks: Bool

    init(model: SiteModel, item d: Disclosure, links: DisclosureLinks) {
        let route = Route.disclosure(d.id)
        let rows = Rows(model: model, route: route)
        frame = PageFrame(
            model: model, route: route, title: d.title, description: "\(rows.branchName(d.branch))党务公开：\(d.title)",
            section: .disclosureIndex,
            trail: [("党务公开", .disclosureIndex), (d.category, .disclosureCategory(CategorySlug.slug(for: d.category, config: model.config)))],
            feeds: [("党务公开", .disclosureFeed)], image: Rows.sharedImage(d.imageFiles, body: d.bodyHTML, images: d.bodyImages))
        item = rows.disclosure(d)
        bodyHTML = rows.body(d.bodyHTML, images: d.bodyImages)
        images = rows.photos(d.imageFiles)
        scope = d.scope.rawValue
        cadence = d.cadence.map { "\($0.rawValue)公开" }
        period = d.period
        until = d.until?.description
        // Publishable items always carry both sign-offs (PublicationPolicy).
        reviewedBy = d.reviewed?.by ?? ""
        reviewedOn = d.reviewed?.date.description ?? ""
        approvedBy = d.approved?.by ?? ""
        approvedOn = d.approved?.date.description ?? ""
        feedback = d.feedback
        attachments = rows.attachments(d.attachmentFiles, of: route)
        let record = ProcedureRecord(d, rows: rows, links: links)
        (steps, follows, followers, hasLinks) = (record.steps, record.follows, record.followers, record.hasLinks)
    }
}
