/// 承诺栏: the current year's letters, for all branches or one (`/promises/by-branch/<id>/`).
struct PromiseBoardContext: Encodable {
    let frame: PageFrame
    let year: Int
    let letters: [Rows.Letter]
    let branchFilter: [Filter]
    let allHref: String
    let filtered: Bool
    let earlier: [YearGroup]

    struct Filter: Encodable {
        let name, href: String
        let count: Int
        let current: Bool
    }

    struct YearGroup: Encodable {
        let year: Int
        let letters: [Rows.Letter]
    }

    init(model: SiteModel, branch: String?) {
        let route: Route = branch.map { .promisesOfBranch($0) } ?? .promiseBoard
        let rows = Rows(model: model, route: route)
        let year = model.currentYear
        let scope = model.promises.filter { branch == nil || $0.branch == branch }
        let title = branch.map { "\(rows.branchName($0))承诺栏" } ?? "承诺栏"
        frame = PageFrame(
            model: model, route: route, title: title, description: "\(year)年党员和党组织公开承诺及践诺情况。",
            section: .promiseBoard, trail: branch == nil ? [] : [("承诺栏", .promiseBoard)])
        self.year = year
        letters = scope.filter { $0.year == year }.map(rows.letter)
        let counts = Dictionary(grouping: model.promises.filter { $0.year == year }, by: \.branch)
        branchFilter = model.branches.compactMap { b in
            guard let n = counts[b.id]?.count else { return nil }
            return Filter(name: b.name, href: rows.href(.promisesOfBranch(b.id)), count: n, current: b.id == branch)
        }
        allHref = rows.href(.promiseBoard)
        filtered = branch != nil
        earlier = Set(scope.map(\.year)).filter { $0 != year }.sorted(by: >).map { y in
            YearGroup(year: y, letters: scope.filter { $0.year == y }.map(rows.letter))
        }
    }
}

/// /promises/<id>/: one letter, its items with status, and its year-end review.
struct PromiseContext: Encodable {
    let frame: PageFrame
    let letter: Rows.Letter
    let bodyHTML: String
    let review: ReviewBlock?

    struct ReviewBlock: Encodable {
        let date: String
        let method: String?
        let votes: [VoteRow]
        let total: Int
        let approval: String
    }

    struct VoteRow: Encodable {
        let option: String
        let count: Int
        let share: String
    }

    init(model: SiteModel, letter l: PromiseLetter) {
        let route = Route.promise(l.id)
        let rows = Rows(model: model, route: route)
        let title = "\(l.promiser)的\(l.year)年承诺书"
        frame = PageFrame(
            model: model, route: route, title: title, description: "\(rows.branchName(l.branch)) \(l.promiser)（\(l.role.rawValue)）\(l.year)年公开承诺及践诺情况。",
            section: .promiseBoard,
            trail: [("承诺栏", .promiseBoard), (rows.branchName(l.branch), .promisesOfBranch(l.branch))])
        letter = rows.letter(l)
        bodyHTML = l.bodyHTML
        review = l.review.map { r in
            let total = r.total
            return ReviewBlock(
                date: r.date.description, method: r.method,
                votes: Vote.allCases.map { v in
                    VoteRow(option: v.rawValue, count: r.count(v), share: Rate(r.count(v), of: total).percentText)
                },
                total: total,
                approval: Rate(r.count(.satisfied) + r.count(.basicallySatisfied), of: total).percentText)
        }
    }
}
