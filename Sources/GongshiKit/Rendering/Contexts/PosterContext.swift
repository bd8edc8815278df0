/// /branches/<id>/print/: an A4 poster for the physical 公开栏 — the organisation's current promises and latest
/// disclosures, each with a QR code to its page online, its latest example with its first photo, and the 数据截至 date.
struct PosterContext: Encodable, Sendable {
    let frame: PageFrame
    let branchName: String
    let year: Int
    let asOf: String
    /// The QR codes are empty until `withCodes()`.
    var branchQR = ""
    let branchURL: String
    let branchQRTitle: String
    var letters: [Letter]
    var disclosures: [Item]
    /// The organisation's newest example that has a photo, else its newest example (`posterExample`).
    var example: Example?
    let backHref: String

    struct Example: Encodable, Sendable {
        let title, date, summary: String
        let image: Rows.Photo?
        let url, qrTitle: String
        var qr = ""
    }

    struct Letter: Encodable, Sendable {
        let promiser, role: String
        let post: String?
        let items: [Rows.Item]
        let url, qrTitle: String
        var qr = ""
    }

    struct Item: Encodable, Sendable {
        let title, date, category: String
        let notice: String?
        /// 「结果已公开」 or 「结果待公开」 (`Rows.outcomeState`).
        let outcome: String?
        let url, qrTitle: String
        var qr = ""
    }

    /// How many disclosures fit on the poster next to the promises.
    static let disclosureCount = 6

    init(model: SiteModel, branch b: Branch) {
        let route = Route.poster(b.id)
        let rows = Rows(model: model, route: route)
        let base = model.config.baseURL
        frame = PageFrame(
            model: model, route: route, title: "\(b.name)公开栏（打印版）", description: "\(b.name)承诺和党务公开，A4 打印版。",
            section: .branchIndex, trail: [("组织概况", .branchIndex), (b.name, .branch(b.id))])
        branchName = b.name
        year = model.currentYear
        asOf = model.asOf.chinese
        (branchURL, branchQRTitle) = (Route.branch(b.id).absoluteURL(baseURL: base), b.name)
        letters = (model.promisesByBranch[b.id] ?? []).filter { $0.year == model.currentYear }.map { letter in
            Letter(
                promiser: letter.promiser, role: rows.letter(letter).role, post: letter.post, items: rows.items(of: letter),
                url: Route.promise(letter.id).absoluteURL(baseURL: base), qrTitle: "\(letter.promiser)的承诺书")
        }
        disclosures = (model.disclosuresByBranch[b.id] ?? []).prefix(Self.disclosureCount).map { item in
            Item(
                title: item.title, date: item.published.description, category: item.category, notice: item.noticeStatus(asOf: model.asOf),
                outcome: Rows.outcomeState(item, model: model),
                url: Route.disclosure(item.id).absoluteURL(baseURL: base), qrTitle: item.title)
        }
        example = Self.posterExample(model.examplesByBranch[b.id] ?? []).map { e in
            Example(
                title: e.title, date: e.date.description, summary: e.displaySummary, image: e.imageFiles.first.map { rows.photo($0, use: .card) },
                url: Route.example(e.id).absoluteURL(baseURL: base), qrTitle: e.title)
        }
        backHref = rows.href(.branch(b.id))
    }

    /// The example the poster shows: the newest with a photo (a photo is what a passer-by looks at), else the newest.
    /// `examples` are newest first, as the model orders them.
    static func posterExample(_ examples: [GongshiKit.Example]) -> GongshiKit.Example? {
        examples.first { !$0.imageFiles.isEmpty } ?? examples.first
    }

    /// The poster with its QR codes drawn. Each code is a function of its URL and title alone, which are in the
    /// page's key, so they are drawn only when the poster is rendered: drawing them for every key was 4 % of an
    /// incremental build.
    func withCodes() -> PosterContext {
        func code(_ url: String, _ title: String) -> String {
            QRCode.svg(for: url, title: "二维码：\(title)", moduleSize: 3, quietZone: 2) ?? ""
        }
        var poster = self
        poster.branchQR = code(branchURL, branchQRTitle)
        for i in poster.letters.indices { poster.letters[i].qr = code(letters[i].url, letters[i].qrTitle) }
        for i in poster.disclosures.indices { poster.disclosures[i].qr = code(disclosures[i].url, disclosures[i].qrTitle) }
        if let example { poster.example?.qr = code(example.url, example.qrTitle) }
        return poster
    }
}
