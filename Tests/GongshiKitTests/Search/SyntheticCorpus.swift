import Foundation

@testable import GongshiKit

/// A deterministic corpus the size of a 1000-branch site: ~17,000 publishable documents with 1–3 KB of Chinese text,
/// cut as passages from a large Chinese sample so that characters and bigrams occur as often as in real writing.
enum SyntheticCorpus {
    /// `SeededGenerator`'s fixed, portable sequence for a seed, with picks taken as `next() % n` (the corpus the
    /// size tests were written against).
    struct Random: RandomNumberGenerator {
        private var base: SeededGenerator

        init(seed: UInt64) { base = SeededGenerator(seed: seed) }

        mutating func next() -> UInt64 { base.next() }

        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// The shared domain sample (a 300 KB collection of Party-work reports) when it is there, else a built-in text.
    static let source: [Unicode.Scalar] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../../shared/domain/seeds/004_c3eff5539b8ddfe1.txt").standardized
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? builtIn
        return Array(text.unicodeScalars)
    }()

    static let builtIn = """
        为进一步加强基层党组织建设，推进党务公开工作，支部委员会认真落实三会一课制度，按时召开支部党员大会、支部委员会和党小组会，\
        按时上好党课。支部书记带头讲党课，带头交纳党费，带头参加组织生活。全体党员围绕服务群众、服务发展、服务民生作出承诺，\
        每月组织一次环境卫生清理，帮助困难群众解决实际问题。社区党委坚持问题导向，聚焦群众反映强烈的环境卫生、停车难、\
        养老服务等问题，逐项制定整改措施，明确责任人和完成时限。党费收缴、使用和管理情况每季度公示一次，接受党员和群众监督。\
        在疫情防控、防汛抗旱、乡村振兴等急难险重任务中，广大党员冲锋在前，涌现出一批先进典型。下一步，我们将继续深化党员\
        承诺践诺活动，完善设岗定责机制，发挥无职党员作用，推动党建工作与业务工作深度融合，以高质量党建引领基层治理。
        """

    static let streets = [
        ("金桥", "jinqiao"), ("水口", "shuikou"), ("青溪", "qingxi"), ("东湖", "donghu"), ("南山", "nanshan"),
        ("西城", "xicheng"), ("北苑", "beiyuan"), ("新华", "xinhua"), ("和平", "heping"), ("长安", "changan"),
    ]
    static let communities = [
        ("花园", "huayuan"), ("幸福", "xingfu"), ("民主", "minzhu"), ("团结", "tuanjie"), ("光明", "guangming"),
        ("建设", "jianshe"), ("友谊", "youyi"), ("春晖", "chunhui"), ("翠竹", "cuizhu"), ("红旗", "hongqi"),
    ]
    static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗").map(String.init)
    static let givenNames = ["建国", "秀英", "志强", "丽华", "海燕", "明", "伟", "桂兰", "国庆", "红梅", "德胜", "晓东", "芳"]
    static let sentences = [
        "本季度应交党费三千二百元，实交三千二百元，党费收缴情况已在支部公开栏公示。",
        "每月组织一次环境卫生清理，做好门前三包。",
        "认真落实三会一课制度，按时交纳党费。",
        "带领群众开展环境卫生整治，清理卫生死角。",
        "推进老旧小区加装电梯，逐栋征求居民意见。",
    ]

    /// `count` documents over `branches` branches: one overview per branch, then 典型, 承诺 and 公开 in the
    /// proportions of a site where most branches publish quarterly (党费) notices and members sign yearly promises.
    static func documents(count: Int = 17_000, branches: Int = 1000, seed: UInt64 = 2026) -> [SearchDocument] {
        var random = Random(seed: seed)
        let branchList = (0..<branches).map { i in
            let street = streets[i / 100 % 10], community = communities[i / 10 % 10], n = i % 10
            return (id: "\(street.1)-\(community.1)-\(n + 1)", name: "\(street.0)街道\(community.0)社区第\(numerals[n])党支部")
        }
        return (0..<count).map { i in
            let kind = i < branches ? "支部" : i < branches + count / 17 ? "典型" : i < count * 10 / 17 ? "承诺" : "公开"
            let branch = i < branches ? branchList[i] : random.pick(branchList)
            let year = 2023 + random.below(4)
            let date = Day(year: year, month: 1 + random.below(year == 2026 ? 10 : 12), day: 1 + random.below(28))!
            let title: String
            switch kind {
            case "支部": title = branch.name
            case "承诺": title = "\(random.pick(surnames))\(random.pick(givenNames))\(year)年度承诺书"
            case "典型": title = passage(&random, length: 6 + random.below(8)) + "的先进事迹"
            default:
                title =
                    random.below(3) == 0
                    ? "\(year)年第\(numerals[random.below(4)])季度党费收缴情况公示" : "关于" + passage(&random, length: 6 + random.below(10)) + "的公示"
            }
            let text = body(&random, bytes: 1024 + random.below(2048))
            return SearchDocument(
                id: "doc-\(i)", kind: kind, title: title, text: facts(kind, &random) + text + (kind == "公开" ? "\n" + disclosureFacts(&random) : ""),
                url: "items/doc-\(i)/", branchID: branch.id, branchName: branch.name, date: date)
        }
    }

    static func person(_ random: inout Random) -> String { random.pick(surnames) + random.pick(givenNames) }

    /// The public names `SearchDocuments` puts before a body, as the real index holds them.
    static func facts(_ kind: String, _ random: inout Random) -> String {
        switch kind {
        case "支部": "书记 \(person(&random))\n地址 \(random.pick(streets).0)路\(1 + random.below(200))号\n服务场所 党群服务中心\n"
        case "承诺": "身份 \(random.pick(["在职党员", "无职党员", "支部委员", "书记"]))\n岗位 \(random.pick(["政策宣传岗", "环境监督岗", "邻里互助岗"]))\n"
        case "典型": "人物 \(person(&random))、\(person(&random))\n荣誉 \(random.pick(["优秀共产党员", "先进基层党组织", "文明家庭"]))\n"
        default: ""
        }
    }

    /// What `SearchDocuments` puts after a disclosure's body.
    static func disclosureFacts(_ random: inout Random) -> String {
        "类别 \(random.pick(["党费管理", "组织生活", "组织建设", "决策部署"]))\n审核 组织委员 \(person(&random))\n审批 书记 \(person(&random))\n"
            + "意见反馈 支部办公室\n"
    }

    static func passage(_ random: inout Random, length: Int) -> String {
        let start = random.below(source.count - length)
        return String(String.UnicodeScalarView(source[start..<start + length]))
    }

    /// Passages of 20–120 characters, and now and then a sentence of the domain, up to about `bytes` of UTF-8.
    static func body(_ random: inout Random, bytes: Int) -> String {
        var text = ""
        while text.utf8.count < bytes {
            text += random.below(12) == 0 ? random.pick(sentences) : passage(&random, length: 20 + random.below(100))
        }
        return text
    }
}
