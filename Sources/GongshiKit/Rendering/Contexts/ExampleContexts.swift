/// /examples/: 典型事例, newest first.
struct ExampleIndexContext: Encodable, Sendable {
    let frame: PageFrame
    let examples: [Rows.Example]

    init(model: SiteModel) {
        let rows = Rows(model: model, route: .exampleIndex)
        frame = PageFrame(
            model: model, route: .exampleIndex, title: "典型事例", description: "基层服务型党组织建设的典型事例。",
            section: .exampleIndex, trail: [], feeds: [("典型事例", .exampleFeed)])
        examples = model.examples.map(rows.example)
    }
}

/// /examples/<id>/
struct ExampleContext: Encodable, Sendable {
    let frame: PageFrame
    let example: Rows.Example
    let people: [String]
    let honors: [String]
    let bodyHTML: String
    let attachments: [Rows.AttachmentLink]
    /// The gallery: every photo, large.
    let images: [Rows.Photo]
    /// 审核: the reviewer's name and the date (the studio's one-step review), nil for a hand-written example.
    let reviewed: Rows.Signoff?

    init(model: SiteModel, example e: Example) {
        let route = Route.example(e.id)
        let rows = Rows(model: model, route: route)
        frame = PageFrame(
            model: model, route: route, title: e.title, description: e.displaySummary, section: .exampleIndex,
            trail: [("典型事例", .exampleIndex)], feeds: [("典型事例", .exampleFeed)],
            image: Rows.sharedImage(e.imageFiles, body: e.bodyHTML, images: e.bodyImages))
        example = rows.example(e)
        people = e.people ?? []
        honors = e.honors ?? []
        bodyHTML = rows.body(e.bodyHTML, images: e.bodyImages)
        images = rows.photos(e.imageFiles)
        attachments = rows.attachments(e.attachmentFiles, of: route)
        reviewed = e.reviewed.map(Rows.Signoff.init)
    }
}
