/// /branches/: every organisation grouped by 领域 and as a tree.
struct BranchIndexContext: Encodable, Sendable {
    let frame: PageFrame
    let fields: [FieldGroup]
    let nodes: [Rows.TreeNode]
    let count: Int

    struct FieldGroup: Encodable, Sendable {
        let field: String
        let branches: [Entry]
    }

    struct Entry: Encodable, Sendable {
        let name, href, type: String
        let secretary: String?
        let members: Int?
        /// 报到党员, shown apart from 党员 and never added to it.
        let registered: Int?
    }

    init(model: SiteModel) {
        let rows = Rows(model: model, route: .branchIndex)
        frame = PageFrame(
            model: model, route: .branchIndex, title: "组织概况", description: "辖区基层党组织名录，按领域和隶属关系排列。",
            section: .branchIndex, trail: [])
        fields = Field.allCases.compactMap { field in
            let members = model.branches.filter { $0.field == field }
            guard !members.isEmpty else { return nil }
            return FieldGroup(
                field: field.rawValue,
                branches: members.map {
                    Entry(
                        name: $0.name, href: rows.href(.branch($0.id)), type: $0.type.rawValue, secretary: $0.secretary, members: $0.members,
                        registered: $0.registered)
                })
        }
        nodes = rows.tree(model.tree.roots)
        count = model.branches.count
    }
}

/// /branches/<id>/: 支部概况 with 六有, ratings, children, promises, disclosures and examples.
struct BranchContext: Encodable, Sendable {
    let frame: PageFrame
    let name, type, field: String
    let facts: [Fact]
    let bodyHTML: String
    /// 阵地 and venue photos, large.
    let images: [Rows.Photo]
    let liuyou: [Goal]
    let hasLiuyou: Bool
    let liuyouMet: Bool
    let ratings: [RatingRow]
    let nodes: [Rows.TreeNode]
    let parentName: String?
    let parentHref: String?
    let letters: [Rows.Letter]
    /// Set when the branch has letters in any year.
    let promisesHref: String?
    let disclosures: [Rows.Disclosure]
    let examples: [Rows.Example]
    let subtreeMembers: Int
    let year: Int
    let posterHref: String
    /// Set for organisations with children: their roll-up statistics.
    let statsHref: String?

    struct Fact: Encodable, Sendable {
        let label, value: String
    }

    struct Goal: Encodable, Sendable {
        let name: String
        let met: Bool
        let mark: String
    }

    struct RatingRow: Encodable, Sendable {
        let year: Int
        let satisfaction: String
        let respondents: Int
        let grade: String?
    }

    init(model: SiteModel, branch b: Branch) {
        let route = Route.branch(b.id)
        let rows = Rows(model: model, route: route)
        let ancestry = model.tree.ancestry(of: b.id).dropLast()
        frame = PageFrame(
            model: model, route: route, title: b.name, description: "\(b.name)（\(b.type.rawValue)，\(b.field.rawValue)领域）概况、承诺和党务公开。",
            section: .branchIndex,
            trail: [("组织概况", .branchIndex)] + ancestry.map { (rows.branchName($0), Route.branch($0)) },
            feeds: [("\(b.name)动态", .branchFeed(b.id))], image: Rows.sharedImage(b.imageFiles, body: b.bodyHTML, images: b.bodyImages))
        name = b.name
        type = b.type.rawValue
        field = b.field.rawValue
        year = model.currentYear
        posterHref = rows.href(.poster(b.id))
        statsHref = (model.tree.children[b.id] ?? []).isEmpty ? nil : rows.href(.branchStats(b.id))
        let subtree = model.tree.subtree(of: b.id)
        subtreeMembers = subtree.reduce(0) { $0 + (model.branchByID[$1]?.members ?? 0) }
        let subtreeRegistered = subtree.reduce(0) { $0 + (model.branchByID[$1]?.registered ?? 0) }
        var facts: [Fact] = [Fact(label: "组织类型", value: b.type.rawValue), Fact(label: "所属领域", value: b.field.rawValue)]
        let optional: [(String, String?)] = [
            ("书记", b.secretary), ("党员人数", b.members.map { "\($0) 名" }),
            ("报到党员", b.registered.map { "\($0) 名（组织关系在其他单位、到本组织报到的党员，不计入党员人数）" }), ("成立时间", b.established?.chinese),
            ("地址", b.address), ("办公电话", b.phone), ("服务场所", b.venue),
        ]
        facts += optional.compactMap { label, value in value.map { Fact(label: label, value: $0) } }
        if !(model.tree.children[b.id] ?? []).isEmpty {
            facts.append(Fact(label: "含下级组织党员", value: "\(subtreeMembers) 名"))
            if subtree.contains(where: { model.branchByID[$0]?.registered != nil }) {
                facts.append(Fact(label: "含下级组织报到党员", value: "\(subtreeRegistered) 名（不计入党员人数）"))
            }
        }
        self.facts = facts
        bodyHTML = rows.body(b.bodyHTML, images: b.bodyImages)
        images = rows.photos(b.imageFiles)
        hasLiuyou = b.liuyou != nil
        liuyouMet = b.meetsLiuyou
        liuyou = LiuyouGoal.allCases.map { goal in
            let met = b.liuyou?[goal.rawValue] == true
            return Goal(name: "有" + Self.goalPhrase[goal]!, met: met, mark: met ? "✓ 达到" : "✗ 未达到")
        }
        ratings = (b.ratings ?? []).sorted { $0.year > $1.year }.map {
            RatingRow(year: $0.year, satisfaction: Statistics.percent($0.satisfaction), respondents: $0.respondents, grade: $0.grade)
        }
        nodes = rows.tree(model.tree.children[b.id] ?? [])
        parentName = model.tree.parent[b.id].map(rows.branchName)
        parentHref = model.tree.parent[b.id].map { rows.href(.branch($0)) }
        letters = (model.promisesByBranch[b.id] ?? []).filter { $0.year == model.currentYear }.map(rows.letter)
        promisesHref = model.promisesByBranch[b.id] == nil ? nil : rows.href(.promisesOfBranch(b.id))
        disclosures = (model.disclosuresByBranch[b.id] ?? []).map(rows.disclosure)
        examples = (model.examplesByBranch[b.id] ?? []).map(rows.example)
    }

    /// The full wording of each 六有 goal, as in the 2014 central opinion.
    static let goalPhrase: [LiuyouGoal: String] = [
        .leadership: "坚强有力的领导班子", .backbone: "本领过硬的骨干队伍", .venue: "功能实用的服务场所",
        .channels: "形式多样的服务载体", .institutions: "健全完善的制度机制", .results: "群众满意的服务业绩",
    ]
}
