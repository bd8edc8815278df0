/// 承诺栏: the current year's letters, for all branches or one (`/promises/by-branch/<id>/`).
struct PromiseBoardContext: Encodable, Sendable {
    let frame: PageFrame
    let year: Int
    let letters: [Rows.Letter]
    let branchFilter: [Filter]
    let allHref: String
    let filtered: Bool
    let earlier: [YearGroup]

    struct Filter: Encodable, Sendable {
        let name, href: String
        let count: Int
        let current: Bool
    }

    struct YearGroup: Encodable, Sendable {
        let year: Int
        let letters: [Rows.Letter]
    }

    init(model: SiteModel, branch: String?) {
        let route: Route = branch.map { .promisesOfBranch($0) } ?? .promiseBoard
        let rows = Rows(model: model, route: route)
        let year = model.currentYear
        let scope = branch.map { model.promisesByBranch[$0] ?? [] } ?? model.promises
        let title = branch.map { "\(rows.branchName($0))承诺栏" } ?? "承诺栏"
        frame = PageFrame(
            model: model, route: route, title: title, description: "\(year)年党员和党组织公开承诺及践诺情况。",
            section: .promiseBoard, trail: branch == nil ? [] : [("承诺栏", .promiseBoard)])
        self.year = year
        letters = scope.filter { $0.year == year }.map(rows.letter)
        // The chooser of every organisation is on the main board only: repeating it on each organisation's board
        // made the site grow with the square of the number of organisations.
        let chooser = branch.flatMap { id in model.branchByID[id].map { [$0] } } ?? model.branches
        branchFilter = chooser.compactMap { b in
            let n = (model.promisesByBranch[b.id] ?? []).filter { $0.year == year }.count
            guard n > 0 else { return nil }
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
struct PromiseContext: Encodable, Sendable {
    let frame: PageFrame
    let letter: Rows.Letter
    let bodyHTML: String
    let review: ReviewBlock?

    struct ReviewBlock: Encodable, Sendable {
        let date: String
        let method: String?
        let votes: [VoteRow]
        /// nil when a count is hidden: with the other counts it would give the hidden one away.
        let total: Int?
        let approval: String
        /// Why the total, the shares and the approval are not shown.
        let suppressionNote: String?

        /// The votes on one person's letter are below the branch level: counts the small-number rule hides show
        /// 「<5」, and then no total or percentage is shown, since any of them would let the hidden count be worked out.
        init(_ review: Review, cells: SmallCellRule) {
            let total = review.total
            let hiding = cells.hidesCounts(of: review)
            date = review.date.description
            method = review.method
            votes = Vote.allCases.map { v in
                let count = review.count(v)
                return VoteRow(option: v.rawValue, count: cells.display(count), share: hiding ? "—" : Rate(count, of: total).percentText)
            }
            self.total = hiding ? nil : total
            approval = hiding ? "—" : Rate(review.count(.satisfied) + review.count(.basicallySatisfied), of: total).percentText
            let range = cells.threshold == 2 ? "1" : "1–\(cells.threshold - 1)"
            suppressionNote =
                hiding
                ? "票数在 \(range) 之间的项显示为「<\(cells.threshold)」（小数保护，以免推知投票人）；为免据此推算，合计票数、各项占比和满意率不显示。"
                : nil
        }
    }

    struct VoteRow: Encodable, Sendable {
        let option: String
        /// The count, or 「<5」.
        let count: String
        let share: String
    }

    init(model: SiteModel, letter l: PromiseLetter) {
        let route = Route.promise(l.id)
        let rows = Rows(model: model, route: route)
        let title = "\(l.promiser)的\(l.year)年承诺书"
        frame = PageFrame(
            model: model, route: route, title: title, description: "\(rows.branchName(l.branch)) \(l.promiser)（\(l.role.rawValue)）\(l.year)年公开承诺及践诺情况。",
            section: .promiseBoard,
            trail: [("承诺栏", .promiseBoard), (rows.branchName(l.branch), .promisesOfBranch(l.branch))],
            image: Rows.sharedImage(l.items.flatMap { $0.entriesNewestFirst.flatMap(\.imageFiles) }, body: l.bodyHTML, images: l.bodyImages))
        letter = rows.letter(l)
        bodyHTML = rows.body(l.bodyHTML, images: l.bodyImages)
        review = l.review.map { ReviewBlock($0, cells: model.config.privacy.smallCells) }
    }
}
