/// /branches/<id>/print/: an A4 poster for the physical 公开栏 — the organisation's current promises and latest
/// disclosures, each with a QR code to its page online, and the 数据截至 date.
struct PosterContext: Encodable, Sendable {
    let frame: PageFrame
    let branchName: String
    let year: Int
    let asOf: String
    let branchQR: String
    let branchURL: String
    let letters: [Letter]
    let disclosures: [Item]
    let backHref: String

    struct Letter: Encodable, Sendable {
        let promiser, role: String
        let post: String?
        let items: [Rows.Item]
        let url, qr: String
    }

    struct Item: Encodable, Sendable {
        let title, date, category: String
        let notice: String?
        let url, qr: String
    }

    /// How many disclosures fit on the poster next to the promises.
    static let disclosureCount = 6

    init(model: SiteModel, branch b: Branch) {
        let route = Route.poster(b.id)
        let rows = Rows(model: model, route: route)
        let base = model.config.baseURL
        func qr(_ target: Route, _ title: String) -> (String, String) {
            let url = target.absoluteURL(baseURL: base)
            return (url, QRCode.svg(for: url, title: "二维码：\(title)", moduleSize: 3, quietZone: 2) ?? "")
        }
        frame = PageFrame(
            model: model, route: route, title: "\(b.name)公开栏（打印版）", description: "\(b.name)承诺和党务公开，A4 打印版。",
            section: .branchIndex, trail: [("组织概况", .branchIndex), (b.name, .branch(b.id))])
        branchName = b.name
        year = model.currentYear
        asOf = model.asOf.chinese
        (branchURL, branchQR) = qr(.branch(b.id), b.name)
        letters = (model.promisesByBranch[b.id] ?? []).filter { $0.year == model.currentYear }.map { letter in
            let (url, code) = qr(.promise(letter.id), "\(letter.promiser)的承诺书")
            return Letter(
                promiser: letter.promiser, role: rows.letter(letter).role, post: letter.post, items: letter.items.map(rows.item), url: url,
                qr: code)
        }
        disclosures = (model.disclosuresByBranch[b.id] ?? []).prefix(Self.disclosureCount).map { item in
            let (url, code) = qr(.disclosure(item.id), item.title)
            return Item(
                title: item.title, date: item.published.description, category: item.category, notice: item.noticeStatus(asOf: model.asOf), url: url, qr: code)
        }
        backHref = rows.href(.branch(b.id))
    }
}
