import Foundation

@testable import GongshiKit

/// Valid (and deliberately invalid) values for every field of every kind, and the initial site.
extension RandomSite {
    static let sentences = [
        "社区党委组织党员志愿者开展环境卫生清理，清运垃圾约三车。", "网格党支部入户走访独居老人，登记需要帮助的事项。",
        "召开支部党员大会，传达学习上级会议精神。", "党员先锋岗在便民服务中心为群众代办社保业务。",
        "组织开展主题党日活动，参观红色教育基地。", "协调解决小区加装电梯的资金和施工问题。",
        "对辖区困难党员进行走访慰问，送去米面油等生活用品。", "开展“敲门行动”，收集居民意见建议。",
        "支部书记带头认领服务项目，按月通报进展。", "组织在职党员到社区报到，参加周末志愿服务。",
        "修缮村级活动场所，完善服务设施。", "推进村集体经济合作社发展特色种植。",
        "落实“三会一课”制度，按时召开组织生活会。", "按季度公开党费收缴、使用和管理情况。",
        "邀请群众代表参加评议，现场反馈意见。", "为返乡青年提供创业政策咨询服务。",
    ]
    static let names = ["张桂兰", "王建国", "李秀英", "刘伟", "陈芳", "杨志华", "赵丽", "黄明", "周敏", "吴强", "徐静", "孙国玉", "马丽", "朱红", "胡军"]
    static let places = ["金桥", "荷花", "河西", "青溪", "柳塘", "石门", "桂苑", "龙井", "水口", "松林", "云岩", "东山"]
    static let types = ["党委", "党工委", "党总支", "党支部", "联合党支部", "临时党支部", "功能型党支部"]
    static let fields = ["农村", "国有企业", "街道社区", "机关", "高校", "事业单位", "非公有制企业", "社会组织"]
    static let services = ["服务改革", "服务发展", "服务民生", "服务群众", "服务党员"]
    static let statuses = ["进行中", "已兑现", "未兑现", "延期"]
    static let roles = ["支部", "书记", "支部委员", "在职党员", "无职党员", "党代表"]
    static let goals = ["领导班子", "骨干队伍", "服务场所", "服务载体", "制度机制", "服务业绩"]
    static let cadences = ["定期", "阶段", "随时"]

    // MARK: Simple values

    static func date(_ g: inout SeededGenerator, from: SimpleDate = SimpleDate(2025, 1, 1), to: SimpleDate = SimpleDate(2026, 11, 30)) -> SimpleDate {
        SimpleDate(ordinal: g.int(from.ordinal...max(from.ordinal, to.ordinal)))
    }

    static func sentence(_ g: inout SeededGenerator) -> String { g.pick(sentences) }

    static func name(_ g: inout SeededGenerator) -> String { g.pick(names) }

    static func paragraphs(_ g: inout SeededGenerator) -> [String] {
        var parts: [String] = []
        for _ in 0..<g.int(1...3) { parts.append((0..<g.int(1...3)).map { _ in sentence(&g) }.joined()) }
        if g.chance(0.3) { parts.insert("## " + String(sentence(&g).prefix(6)), at: 0) }
        if g.chance(0.3) { parts.append((0..<g.int(2...3)).map { _ in "- " + sentence(&g) }.joined(separator: "\n")) }
        if g.chance(0.2) { parts.append("**" + sentence(&g) + "**") }
        return parts
    }

    static func mobile(_ g: inout SeededGenerator) -> PersonalNumber {
        let digits = "1" + String(g.int(3...9)) + (0..<9).map { _ in String(g.int(0...9)) }.joined()
        let a = digits.prefix(3)
        let b = digits.dropFirst(3).prefix(4)
        let c = digits.suffix(4)
        let typed = g.pick([digits, "\(a) \(b) \(c)", "\(a)-\(b)-\(c)"])
        return PersonalNumber(kind: .mobile, digits: digits, typed: typed)
    }

    /// An 18-digit ID number with a true birth date and check character (GB 11643).
    static func idCard(_ g: inout SeededGenerator) -> PersonalNumber {
        let birth = date(&g, from: SimpleDate(1950, 1, 1), to: SimpleDate(2000, 12, 31)).description.filter(\.isNumber)
        let body = g.pick(["110105", "520102", "310104"]) + birth + String(format: "%03d", g.int(0...999))
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body.compactMap(\.wholeNumberValue), weights).map(*).reduce(0, +)
        let check = Array("10X98765432")[sum % 11]
        return PersonalNumber(kind: .idCard, digits: body + String(check), typed: body + String(check))
    }

    /// A 16-digit card number that passes Luhn.
    static func bankCard(_ g: inout SeededGenerator) -> PersonalNumber {
        var digits = [6, 2, 2, 2] + (0..<11).map { _ in g.int(0...9) }
        var sum = 0
        for (n, d) in digits.reversed().enumerated() { sum += n % 2 == 0 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d }
        digits.append((10 - sum % 10) % 10)
        let text = digits.map(String.init).joined()
        return PersonalNumber(kind: .bankCard, digits: text, typed: text)
    }

    mutating func freshID(_ prefix: String, _ g: inout SeededGenerator) -> String {
        serial += 1
        return "\(prefix)-\(g.letters(4))\(serial)"
    }

    /// A marker only one record carries: never a hex digit, so it cannot appear inside a hash by chance.
    mutating func freshMarker(_ g: inout SeededGenerator) -> String { "QZ" + g.letters(6).uppercased() }

    // MARK: Field values

    /// A fresh valid value for `key` of `record` (nil: leave the optional field out). `key` may name a part of a
    /// nested field (`items.status`). Cross-field rules are restored by `repair`.
    mutating func value(for key: String, of record: RandomRecord, _ g: inout SeededGenerator) -> YAMLValue? {
        let published = SimpleDate.parse(record.fields["published"]?.text) ?? asOf
        switch (record.kind, key) {
        case (_, "branch"): return .plain(g.pick(ids(.branches)))
        case (.branches, "name"): return .quoted("中共\(g.pick(Self.places))\(g.pick(["社区", "村", "网格", "小区"]))\(g.pick(["支部委员会", "委员会", "总支部委员会"]))")
        case (.branches, "type"): return .plain(g.pick(Self.types))
        case (.branches, "field"), (.examples, "field"): return g.chance(0.2) && record.kind == .examples ? nil : .plain(g.pick(Self.fields))
        case (.branches, "parent"):
            let candidates = ids(.branches).filter { $0 != record.id && !descendants(of: record.id).contains($0) }
            return candidates.isEmpty || g.chance(0.1) ? nil : .plain(g.pick(candidates))
        case (.branches, "secretary"): return g.chance(0.2) ? nil : .quoted(Self.name(&g))
        case (.branches, "members"): return g.chance(0.1) ? nil : .plain(String(g.int(0...80)))
        case (.branches, "established"): return g.chance(0.2) ? nil : .plain(Self.date(&g, from: SimpleDate(2000, 1, 1)).description)
        case (.branches, "address"): return g.chance(0.2) ? nil : .quoted("\(g.pick(Self.places))路\(g.int(1...300))号")
        case (.branches, "phone"): return g.chance(0.2) ? nil : .quoted("0851-86\(String(format: "%06d", g.int(0...999_999)))")
        case (.branches, "venue"): return g.chance(0.2) ? nil : .quoted("\(g.pick(Self.places))党群服务中心")
        case (.branches, "liuyou"):
            return g.chance(0.2)
                ? nil : .map(Self.goals.filter { _ in g.chance(0.8) }.map { YAMLField(key: $0, value: .plain(g.chance(0.7) ? "true" : "false")) })
        case (.branches, "ratings"):
            return g.chance(0.2) ? nil : .list((0..<g.int(0...3)).map { n in Self.rating(year: 2023 + n, &g) })
        case (.branches, "ratings.satisfaction"), (.branches, "ratings.respondents"), (.branches, "ratings.grade"), (.branches, "ratings.year"):
            var ratings = record.fields["ratings"]?.items ?? []
            if ratings.isEmpty { ratings = [Self.rating(year: 2025, &g)] }
            let n = g.int(0...ratings.count - 1)
            ratings[n] = Self.rating(year: Int(ratings[n]["year"]?.text ?? "") ?? 2025, &g, only: String(key.dropFirst(8)), from: ratings[n])
            return .list(ratings)
        case (.promises, "year"): return .plain(String(g.pick([2025, 2026])))
        case (.promises, "promiser"): return .quoted(Self.name(&g))
        case (.promises, "role"): return .plain(g.pick(Self.roles))
        case (.promises, "post"): return g.chance(0.5) ? nil : .quoted(g.pick(["环境卫生监督岗", "政策宣传岗", "文明劝导岗", "矛盾调解岗"]))
        case (.promises, "published"):
            let year = Int(record.fields["year"]?.text ?? "") ?? 2026
            return .plain(Self.date(&g, from: SimpleDate(year, 1, 1), to: SimpleDate(year, 3, 31)).description)
        case (.promises, "items"): return .list((0..<g.int(1...3)).map { _ in Self.promiseItem(published: published, &g) })
        case (.promises, "items.text"), (.promises, "items.service"), (.promises, "items.due"), (.promises, "items.status"),
            (.promises, "items.done"), (.promises, "items.note"):
            var items = record.fields["items"]?.items ?? []
            if items.isEmpty { items = [Self.promiseItem(published: published, &g)] }
            let n = g.int(0...items.count - 1)
            items[n] = Self.promiseItem(published: published, &g, only: String(key.dropFirst(6)), from: items[n])
            return .list(items)
        case (.promises, "review"), (.promises, "review.votes"), (.promises, "review.date"), (.promises, "review.method"):
            if key == "review" && g.chance(0.3) { return nil }
            let votes = YAMLValue.map(["满意", "基本满意", "不满意"].map { YAMLField(key: $0, value: .plain(String(g.chance(0.3) ? g.int(0...4) : g.int(5...40)))) })
            var fields: [YAMLField] = [YAMLField(key: "date", value: .plain((published + g.int(200...320)).description))]
            if g.chance(0.7) { fields.append(YAMLField(key: "method", value: .quoted(g.pick(["群众代表现场测评", "党员大会评议"])))) }
            fields.append(YAMLField(key: "votes", value: votes))
            return .map(fields)
        case (.disclosures, "title"): return .quoted("\(g.pick(Self.places))\(g.pick(["党费收缴情况", "组织生活会召开情况", "发展党员公示", "惠民资金使用情况"]))（\(record.marker)）")
        case (.disclosures, "category"): return .plain(g.pick(categories))
        case (.disclosures, "scope"): return .plain(g.chance(0.8) ? "社会公开" : "党内公开")
        case (.disclosures, "published"): return .plain(Self.date(&g).description)
        case (.disclosures, "reviewed"), (.disclosures, "approved"), (.disclosures, "reviewed.by"), (.disclosures, "approved.by"),
            (.disclosures, "reviewed.date"), (.disclosures, "approved.date"):
            let field = String(key.prefix { $0 != "." })
            if !key.contains(".") && g.chance(0.1) { return nil }
            let offset = field == "reviewed" ? g.int(2...9) : g.int(0...1)
            return .map([
                YAMLField(key: "by", value: .quoted("\(field == "reviewed" ? "组织委员" : "书记") \(Self.name(&g))")),
                YAMLField(key: "date", value: .plain((published + -offset).description)),
            ])
        case (.disclosures, "cadence"): return g.chance(0.3) ? nil : .plain(g.pick(Self.cadences))
        case (.disclosures, "period"): return g.chance(0.3) ? nil : .quoted("\(published.year)-Q\(g.int(1...4))")
        case (.disclosures, "until"): return g.chance(0.4) ? nil : .plain((published + g.int(0...20)).description)
        case (.disclosures, "feedback"): return g.chance(0.3) ? nil : .quoted("意见箱设在\(g.pick(Self.places))党群服务中心一楼")
        case (.examples, "title"): return .quoted("\(g.pick(Self.places))\(g.pick(["党员志愿服务队", "敲门行动", "红色物业", "老党员调解室"]))的故事")
        case (.examples, "date"): return .plain(Self.date(&g).description)
        case (.examples, "service"): return g.chance(0.3) ? nil : .plain(g.pick(Self.services))
        case (.examples, "people"): return g.chance(0.3) ? nil : .list((0..<g.int(0...3)).map { _ in .quoted(Self.name(&g)) })
        case (.examples, "honors"): return g.chance(0.3) ? nil : .list((0..<g.int(0...2)).map { _ in .quoted(g.pick(["市级先进基层党组织", "优秀共产党员", "文明社区"])) })
        case (.examples, "summary"): return g.chance(0.4) ? nil : .quoted(Self.sentence(&g))
        case (.pages, "title"): return .quoted(g.pick(["关于本站", "办事指南", "联系我们", "党务公开目录"]) + String(g.int(1...99)))
        case (.branches, "registered"), (.promises, "items.target"), (.promises, "items.progress"), (.disclosures, "proposed"),
            (.disclosures, "approved.org"), (.disclosures, "topic"), (.disclosures, "outcome"), (.disclosures, "follows"):
            return procedureValue(for: key, of: record, &g)
        case (.promises, "workflow"), (.disclosures, "workflow"), (.examples, "workflow"):
            // The studio's mark: any value withholds the record, so it appears and disappears between steps.
            return g.chance(0.75) ? nil : .plain(g.pick(["草稿", "待审核"]))
        case (.promises, "reviewed"), (.examples, "reviewed"):
            guard g.chance(0.5) else { return nil }
            let day = SimpleDate.parse(record.fields["date"]?.text) ?? published
            return .map([
                YAMLField(key: "by", value: .quoted("组织委员 \(Self.name(&g))")),
                YAMLField(key: "date", value: .plain((day + g.int(0...3)).description)),
            ])
        case (_, "privacy"):
            guard g.chance(0.5) else { return nil }
            return .map(
                g.pick([
                    [YAMLField(key: "mobile", value: .plain(g.pick(["mask", "allow", "error"])))],
                    [YAMLField(key: "email", value: .plain(g.pick(["mask", "allow"])))],
                    [YAMLField(key: "allow", value: .list(record.numbers.filter { $0.kind == .mobile }.map { .quoted($0.typed) }))],
                ]))
        default:
            preconditionFailure("no generator for \(record.kind).\(key)")
        }
    }

    static func rating(year: Int, _ g: inout SeededGenerator, only: String? = nil, from old: YAMLValue? = nil) -> YAMLValue {
        func part(_ key: String, _ make: () -> YAMLValue) -> YAMLField {
            YAMLField(key: key, value: only == nil || only == key ? make() : (old?[key] ?? make()))
        }
        var fields = [
            part("year") { .plain(String(only == "year" ? g.int(2020...2026) : year)) },
            part("satisfaction") { .plain(String(format: "%.1f", Double(g.int(600...1000)) / 10)) },
            part("respondents") { .plain(String(g.int(1...300))) },
        ]
        if only == "grade" || (only == nil && g.chance(0.5)) || (only != nil && old?["grade"] != nil) {
            fields.append(part("grade") { .quoted(g.pick(["好", "较好", "一般"])) })
        }
        return .map(fields)
    }

    /// A promise item; `only` regenerates one part of `old` (the status with the done date and note it needs).
    static func promiseItem(published: SimpleDate, _ g: inout SeededGenerator, only: String? = nil, from old: YAMLValue? = nil) -> YAMLValue {
        func keep(_ key: String, _ make: () -> YAMLValue) -> YAMLValue {
            only == nil || only == key ? make() : (old?[key] ?? make())
        }
        let text = keep("text") { .quoted(sentence(&g)) }
        let service = keep("service") { .plain(g.pick(services)) }
        let due = keep("due") { .plain((published + g.int(30...330)).description) }
        let statusChanges = only == nil || only == "status" || only == "done" || only == "note"
        let status = statusChanges && only == "status" || old == nil ? g.pick(statuses) : (old?["status"]?.text ?? "进行中")
        var fields = [
            YAMLField(key: "text", value: text), YAMLField(key: "service", value: service), YAMLField(key: "due", value: due),
            YAMLField(key: "status", value: .plain(status)),
        ]
        if status == "已兑现" {
            let done = only == "done" || old?["done"] == nil ? YAMLValue.plain((published + g.int(1...300)).description) : old!["done"]!
            fields.append(YAMLField(key: "done", value: done))
        }
        if status == "未兑现" || status == "延期" || (status == "进行中" && g.chance(0.2)) {
            let note = only == "note" || old?["note"] == nil ? YAMLValue.quoted(g.pick(["资金尚未到位", "施工方案调整", "配合上级统一安排"])) : old!["note"]!
            fields.append(YAMLField(key: "note", value: note))
        }
        // The target and the 践诺 records stay with the item (`repairAll` keeps their dates in range).
        if let old {
            for key in ["target", "progress"] { if let value = old[key] { fields.append(YAMLField(key: key, value: value)) } }
        } else {
            fields += progressFields(published: published, asOf: published + 300, &g)
        }
        return .map(fields)
    }

    /// Every branch below `id` in the tree.
    func descendants(of id: String) -> Set<String> {
        var found: Set<String> = []
        var frontier = [id]
        while let next = frontier.popLast() {
            for child in records(.branches) where child.fields["parent"]?.text == next && !found.contains(child.id) {
                found.insert(child.id)
                frontier.append(child.id)
            }
        }
        return found
    }

    /// The keys the generator edits, per kind (`body` is the Markdown).
    static let editableKeys: [ContentKind: [String]] = [
        .branches: [
            "id", "name", "type", "field", "parent", "secretary", "members", "registered", "established", "address", "phone", "venue", "liuyou",
            "ratings", "ratings.year", "ratings.satisfaction", "ratings.respondents", "ratings.grade", "privacy", "images", "body",
        ],
        .promises: [
            "id", "branch", "year", "promiser", "role", "post", "published", "items", "items.text", "items.service", "items.due",
            "items.status", "items.done", "items.note", "items.target", "items.progress", "review", "review.date", "review.method", "review.votes", "privacy",
            "reviewed", "workflow", "body",
        ],
        .disclosures: [
            "id", "branch", "title", "category", "scope", "published", "reviewed", "reviewed.by", "reviewed.date", "approved",
            "approved.by", "approved.date", "approved.org", "cadence", "period", "until", "feedback", "proposed", "topic", "outcome", "follows",
            "privacy", "attachments", "images", "workflow", "body",
        ],
        .examples: [
            "id", "title", "branch", "date", "field", "service", "people", "honors", "summary", "privacy", "attachments", "images", "reviewed",
            "workflow", "body",
        ],
        .pages: ["id", "title", "privacy", "body"],
    ]

    /// The keys of `site.yaml` the generator edits.
    static let siteKeys = [
        "title", "base_url", "language", "organizer", "icp", "contact", "categories", "holidays", "privacy", "topics", "procedure",
        "notice_rules", "stale_days", "outcome_due_days", "logo",
    ]

    mutating func siteValue(for key: String, _ g: inout SeededGenerator) -> YAMLValue? {
        switch key {
        case "title": return .quoted("\(g.pick(Self.places))街道党务公开网")
        case "base_url": return .quoted(g.pick(["https://dangjian.example.org/qingxi/", "https://gk.example.org/", "https://example.org/site/"]))
        case "language": return g.chance(0.5) ? nil : .plain(g.pick(["zh-CN", "zh-Hans"]))
        case "organizer": return g.chance(0.3) ? nil : .quoted("\(g.pick(Self.places))街道党工委")
        case "icp": return g.chance(0.4) ? nil : .quoted("黔ICP备\(g.int(10_000_000...99_999_999))号")
        case "contact": return g.chance(0.3) ? nil : .quoted("电话 0851-86\(String(format: "%06d", g.int(0...999_999)))")
        case "categories":
            return g.chance(0.3) ? nil : .list(["乡村振兴", "基层治理", "志愿服务"].filter { _ in g.chance(0.5) }.map { .plain($0) })
        case "holidays": return g.chance(0.3) ? nil : .list((0..<g.int(0...4)).map { _ in .plain(Self.date(&g).description) })
        case "privacy":
            guard g.chance(0.7) else { return nil }
            var fields: [YAMLField] = []
            if g.chance(0.5) { fields.append(YAMLField(key: "mobile", value: .plain(g.pick(["mask", "allow", "error"])))) }
            if g.chance(0.5) { fields.append(YAMLField(key: "small_cell_threshold", value: .plain(String(g.int(0...6))))) }
            if g.chance(0.3) { fields.append(YAMLField(key: "emails", value: .list([.quoted("@qingxi.gov.cn")]))) }
            return .map(fields)
        case "topics", "procedure", "notice_rules", "stale_days", "outcome_due_days": return procedureSiteValue(for: key, &g)
        case "logo": return logoValue(&g)
        default: preconditionFailure("no generator for site.yaml \(key)")
        }
    }
}
