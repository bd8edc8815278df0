import Testing

@testable import GongshiKit

@Suite("ContentLoader")
struct ContentLoaderTests {
    static let branchPath = "content/branches/a.md"
    static let promisePath = "content/promises/p.md"
    static let disclosurePath = "content/disclosures/d.md"
    static let pagePath = "content/pages/about.md"

    /// A valid disclosure; line numbers in the file are index + 2.
    static let disclosureYAML = [
        "id: d1",  // 2
        "branch: a",  // 3
        "title: 公开事项",  // 4
        "category: 组织生活",  // 5
        "scope: 社会公开",  // 6
        "published: 2026-03-10",  // 7
        "reviewed: {by: 组织委员 王某, date: 2026-03-01}",  // 8
        "approved: {by: 书记 李某, date: 2026-03-02}",  // 9
    ]

    /// A valid promise letter with two items; line numbers are index + 2.
    static let promiseYAML = [
        "id: p1",  // 2
        "branch: a",  // 3
        "year: 2026",  // 4
        "promiser: 张三",  // 5
        "role: 在职党员",  // 6
        "published: 2026-02-01",  // 7
        "items:",  // 8
        "  - text: 每月组织一次环境卫生清理",  // 9
        "    service: 服务民生",  // 10
        "    due: 2026-06-30",  // 11
        "    status: 已兑现",  // 12
        "    done: 2026-06-01",  // 13
        "  - text: 走访困难党员",  // 14
        "    service: 服务党员",  // 15
        "    due: 2026-12-31",  // 16
        "    status: 进行中",  // 17
    ]

    /// A valid branch; line numbers are index + 2.
    static let branchYAML = [
        "id: a",  // 2
        "name: 第一党支部",  // 3
        "type: 党支部",  // 4
        "field: 街道社区",  // 5
        "members: 12",  // 6
        "established: 2016-09-12",  // 7
        "liuyou:",  // 8
        "  领导班子: true",  // 9
        "  骨干队伍: true",  // 10
        "ratings:",  // 11
        "  - year: 2025",  // 12
        "    satisfaction: 95.1",  // 13
        "    respondents: 236",  // 14
    ]

    static func replacing(_ yaml: [String], _ line: Int, with text: String) -> [String] {
        var copy = yaml
        copy[line - 2] = text
        return copy
    }

    static func loadOne(_ path: String, _ yaml: [String], config: SiteConfig = TestContent.config) -> LoadedContent {
        TestContent.load([(path, TestContent.document(yaml))], config: config)
    }

    // MARK: - Valid input

    @Test("valid files load with no diagnostics and record the line of every key")
    func validFilesLoad() throws {
        let content = TestContent.load([
            (Self.branchPath, TestContent.document(Self.branchYAML, body: "## 简介\n\n支部简介。")),
            (Self.promisePath, TestContent.document(Self.promiseYAML)),
            (Self.disclosurePath, TestContent.document(Self.disclosureYAML)),
        ])
        #expect(content.diagnostics.isEmpty)
        let branch = try #require(content.branches.first)
        #expect(branch.id == "a")
        #expect(branch.members == 12)
        #expect(branch.established == Day("2016-09-12"))
        #expect(branch.liuyou == ["领导班子": true, "骨干队伍": true])
        #expect(branch.ratings?.first?.satisfaction == 95.1)
        // Profile bodies sit under the page's own h2, so `## 简介` becomes h3.
        #expect(branch.bodyHTML.contains("<h3>简介</h3>"))
        #expect(branch.source.path == Self.branchPath)
        #expect(branch.source.line("liuyou.骨干队伍") == 10)
        #expect(branch.source.line("ratings.0.satisfaction") == 13)

        let letter = try #require(content.promises.first)
        #expect(letter.items.count == 2)
        #expect(letter.items[1].status == .inProgress)
        #expect(letter.source.line("id") == 2)
        #expect(letter.source.line("items") == 8)
        #expect(letter.source.line("items.1") == 14)
        #expect(letter.source.line("items.1.due") == 16)
        #expect(letter.source.line("items.0.done") == 13)
        // Falls back to the nearest ancestor, then to line 1.
        #expect(letter.source.line("items.1.done") == 14)
        #expect(letter.source.line("review.date") == 1)

        let disclosure = try #require(content.disclosures.first)
        #expect(disclosure.scope == .society)
        #expect(disclosure.approved?.date == Day("2026-03-02"))
        #expect(disclosure.source.line("approved.date") == 9)
    }

    @Test("CRLF line endings and a BOM keep the line numbers of the file")
    func crlfAndBOMLineNumbers() throws {
        let text =
            "\u{FEFF}---\r\nid: d1\r\nbranch: a\r\ntitle: 公开事项\r\ncategory: 组织生活\r\nscope: 公开\r\n"
            + "published: 2026-03-10\r\nfeedbak: 电话\r\n---\r\n正文\r\n"
        let content = TestContent.load([(Self.disclosurePath, text)])
        #expect(content.diagnostics.count == 2)
        expectDiagnostic(content.diagnostics, .error, Self.disclosurePath, line: 6, contains: ["字段 scope", "「公开」"])
        expectDiagnostic(content.diagnostics, .warning, Self.disclosurePath, line: 8, contains: ["未知字段 feedbak", "是否应为 feedback？"])
    }

    @Test(
        "an integer with a leading zero is read as the number the checker accepted")
    func leadingZeroInteger() {
        let content = Self.loadOne(Self.branchPath, Self.replacing(Self.branchYAML, 6, with: "members: 012"))
        if content.diagnostics.isEmpty {
            #expect(content.branches.first?.members == 12)
        } else {
            expectDiagnostic(content.diagnostics, .error, Self.branchPath, line: 6, contains: ["字段 members", "「012」"])
        }
    }

    // MARK: - Malformed YAML

    @Test("bad indentation is a YAML error at the offending line")
    func badIndentation() {
        let yaml = [
            "id: about",  // 2
            "title: 关于本站",  // 3
            "  extra: 缩进错误",  // 4
        ]
        let content = Self.loadOne(Self.pagePath, yaml)
        #expect(content.pages.isEmpty)
        #expect(content.diagnostics.count == 1)
        expectDiagnostic(content.diagnostics, .error, Self.pagePath, line: 4, contains: ["YAML 格式错误", "缩进不对", "extra", "多 2 个空格"])
    }

    @Test("a list item indented less than its siblings is a YAML error at that line")
    func badIndentationInList() {
        var yaml = Self.promiseYAML
        yaml[10 - 2] = "   service: 服务民生"  // one space short
        let content = Self.loadOne(Self.promisePath, yaml)
        #expect(content.promises.isEmpty)
        #expect(content.diagnostics.count == 1)
        expectDiagnostic(content.diagnostics, .error, Self.promisePath, line: 10, contains: ["YAML 格式错误", "缩进不对", "少 1 个空格"])
    }

    @Test("an unclosed quote on the last line is a YAML error at that line")
    func unclosedQuoteOnLastLine() {
        let yaml = [
            "id: about",  // 2
            "title: \"关于本站",  // 3
        ]
        let content = Self.loadOne(Self.pagePath, yaml)
        #expect(content.pages.isEmpty)
        #expect(content.diagnostics.count == 1)
        expectDiagnostic(content.diagnostics, .error, Self.pagePath, line: 3, contains: ["YAML 格式错误", "没有配对", "title: \"关于本站\""])
    }

    @Test(
        "an unclosed quote followed by more keys is reported at the line of the quote")
    func unclosedQuoteFollowedByKeys() {
        let yaml = [
            "id: about",  // 2
            "title: \"关于本站",  // 3
            "extra: 一",  // 4
            "more: 二",  // 5
        ]
        let content = Self.loadOne(Self.pagePath, yaml)
        #expect(content.diagnostics.count == 1)
        expectDiagnostic(content.diagnostics, .error, Self.pagePath, line: 3, contains: ["YAML 格式错误"])
    }

    @Test("a key written twice is reported at its first occurrence, naming the key")
    func duplicateKey() {
        let yaml = [
            "id: about",  // 2
            "title: 关于本站",  // 3
            "id: about-2",  // 4
        ]
        let content = Self.loadOne(Self.pagePath, yaml)
        #expect(content.pages.isEmpty)
        #expect(content.diagnostics.count == 1)
        expectDiagnostic(content.diagnostics, .error, Self.pagePath, line: 2, contains: ["YAML 中字段重复：id", "只能写一次"])
    }

    // MARK: - Empty front matter

    @Test("empty front matter is one error listing the required keys")
    func emptyFrontMatter() {
        let content = TestContent.load([
            (Self.promisePath, "---\n---\n正文。\n"),
            (Self.pagePath, "---\n# 只有注释\n---\n正文。\n"),
        ])
        #expect(content.promises.isEmpty && content.pages.isEmpty)
        #expect(content.diagnostics.count == 2)
        expectDiagnostic(
            content.diagnostics, .error, Self.promisePath, line: 2,
            contains: ["front matter 为空", "至少需要 id、branch、year、promiser、role、published、items"])
        expectDiagnostic(content.diagnostics, .error, Self.pagePath, line: 2, contains: ["front matter 为空", "id、title"])
    }

    @Test("front matter that is not a mapping is an error")
    func frontMatterNotAMapping() {
        let content = Self.loadOne(Self.pagePath, ["只是一句话"])
        #expect(content.pages.isEmpty)
        expectDiagnostic(content.diagnostics, .error, Self.pagePath, line: 2, contains: ["front matter 应为键值映射", "只是一句话"])
    }

    // MARK: - Required keys

    @Test("every missing required key is an error at line 1")
    func missingRequiredKeys() {
        let yaml = Self.disclosureYAML.filter { !$0.hasPrefix("scope:") && !$0.hasPrefix("title:") }
        let content = Self.loadOne(Self.disclosurePath, yaml)
        #expect(content.disclosures.isEmpty)
        #expect(content.diagnostics.count == 2)
        expectDiagnostic(content.diagnostics, .error, Self.disclosurePath, line: 1, contains: ["缺少必填字段 scope"])
        expectDiagnostic(content.diagnostics, .error, Self.disclosurePath, line: 1, contains: ["缺少必填字段 title"])
    }

    @Test("a missing required key of a list item is reported at the item's line")
    func missingRequiredNestedKey() {
        let yaml = Self.promiseYAML.filter { $0 != "    due: 2026-12-31" }
        let content = Self.loadOne(Self.promisePath, yaml)
        #expect(content.promises.isEmpty)
        #expect(content.diagnostics.count == 1)
        expectDiagnostic(content.diagnostics, .error, Self.promisePath, line: 14, contains: ["缺少必填字段 items 第 2 项的 due"])
    }

    @Test("a required key with an empty value is an error at its line")
    func requiredKeyEmpty() {
        let content = Self.loadOne(Self.disclosurePath, Self.replacing(Self.disclosureYAML, 4, with: "title:"))
        #expect(content.disclosures.isEmpty)
        #expect(content.diagnostics.count == 1)
        expectDiagnostic(content.diagnostics, .error, Self.disclosurePath, line: 4, contains: ["必填字段 title 的值为空"])
    }

    @Test("a signoff without its date is an error at the signoff's line")
    func missingSignoffDate() {
        let content = Self.loadOne(Self.disclosurePath, Self.replacing(Self.disclosureYAML, 9, with: "approved: {by: 书记 李某}"))
        #expect(content.disclosures.isEmpty)
        #expect(content.diagnostics.count == 1)
        expectDiagnostic(content.diagnostics, .error, Self.disclosurePath, line: 9, contains: ["缺少必填字段 approved.date"])
    }

    // MARK: - Unknown keys

    @Test("an unknown key is a warning suggesting the nearest valid key")
    func unknownKeySuggestsNearest() throws {
        let content = Self.loadOne(Self.disclosurePath, Self.replacing(Self.disclosureYAML, 6, with: "scpoe: 社会公开"))
        let warning = try #require(
            expectDiagnostic(content.diagnostics, .warning, Self.disclosurePath, line: 6, contains: ["未知字段 scpoe", "已忽略", "是否应为 scope？"]))
        #expect(warning.description == "content/disclosures/d.md:6: warning: 未知字段 scpoe，已忽略；是否应为 scope？")
        // The real key is then missing.
        expectDiagnostic(content.diagnostics, .error, Self.disclosurePath, line: 1, contains: ["缺少必填字段 scope"])
        #expect(content.diagnostics.count == 2)
    }

    @Test("an unknown optional key only warns: the record still loads")
    func unknownKeyOnlyWarns() throws {
        let content = Self.loadOne(Self.disclosurePath, Self.disclosureYAML + ["feedbak: 电话 123"])
        #expect(content.diagnostics.count == 1)
        #expect(!content.diagnostics.hasErrors)
        expectDiagnostic(content.diagnostics, .warning, Self.disclosurePath, line: 10, contains: ["未知字段 feedbak", "是否应为 feedback？"])
        let disclosure = try #require(content.disclosures.first)
        #expect(disclosure.feedback == nil)
    }

    @Test("an unknown key in a list item names the item and suggests the nearest key")
    func unknownNestedKey() throws {
        let content = Self.loadOne(Self.promisePath, Self.promiseYAML + ["    ntoe: 原因"])
        #expect(content.diagnostics.count == 1)
        expectDiagnostic(
            content.diagnostics, .warning, Self.promisePath, line: 18, contains: ["未知字段 items 第 2 项的 ntoe", "是否应为 note？"])
        #expect(content.promises.count == 1)
    }

    @Test("an unknown key far from every valid key gets no suggestion")
    func unknownKeyWithoutSuggestion() {
        let content = Self.loadOne(Self.pagePath, ["id: about", "title: 关于", "xyzzy-plugh: 1"])
        #expect(content.diagnostics.count == 1)
        let warning = expectDiagnostic(content.diagnostics, .warning, Self.pagePath, line: 4, contains: ["未知字段 xyzzy-plugh"])
        #expect(warning?.message.contains("是否应为") == false)
        #expect(content.pages.count == 1)
    }

    // MARK: - Types

    @Test("members: 十二 is a type error naming the field, the expected type and the value")
    func wrongTypeInteger() {
        let content = Self.loadOne(Self.branchPath, Self.replacing(Self.branchYAML, 6, with: "members: 十二"))
        #expect(content.branches.isEmpty)
        #expect(content.diagnostics.count == 1)
        let d = expectDiagnostic(content.diagnostics, .error, Self.branchPath, line: 6, contains: ["字段 members", "整数", "「十二」"])
        #expect(d?.message == "字段 members 应为不小于 0 的整数，实际为「十二」")
    }

    @Test("a negative member count is rejected")
    func negativeInteger() {
        let content = Self.loadOne(Self.branchPath, Self.replacing(Self.branchYAML, 6, with: "members: -3"))
        #expect(content.branches.isEmpty)
        expectDiagnostic(content.diagnostics, .error, Self.branchPath, line: 6, contains: ["字段 members", "不小于 0 的整数", "「-3」"])
    }

    @Test("items: 文本 is a type error: a list is expected")
    func wrongTypeList() {
        let yaml = Array(Self.promiseYAML.prefix(6)) + ["items: 文本"]
        let content = Self.loadOne(Self.promisePath, yaml)
        #expect(content.promises.isEmpty)
        #expect(content.diagnostics.count == 1)
        expectDiagnostic(content.diagnostics, .error, Self.promisePath, line: 8, contains: ["字段 items", "应为列表", "「文本」"])
    }

    @Test("an empty items list is an error")
    func emptyItems() {
        let yaml = Array(Self.promiseYAML.prefix(6)) + ["items: []"]
        let content = Self.loadOne(Self.promisePath, yaml)
        #expect(content.promises.isEmpty)
        expectDiagnostic(content.diagnostics, .error, Self.promisePath, line: 8, contains: ["字段 items", "至少需要一项"])
    }

    @Test("a list where text is expected, and a scalar where a mapping is expected")
    func wrongTypeTextAndMapping() {
        var yaml = Self.branchYAML
        yaml[3 - 2] = "name: [第一, 第二]"
        yaml = Array(yaml.prefix(6)) + ["liuyou: 全部达标"]
        let content = Self.loadOne(Self.branchPath, yaml)
        #expect(content.branches.isEmpty)
        #expect(content.diagnostics.count == 2)
        expectDiagnostic(content.diagnostics, .error, Self.branchPath, line: 3, contains: ["字段 name", "应为文本", "列表或映射"])
        expectDiagnostic(content.diagnostics, .error, Self.branchPath, line: 8, contains: ["字段 liuyou", "键值映射", "「全部达标」"])
    }

    @Test("a 六有 value that is not a boolean is an error")
    func wrongTypeBoolean() {
        let content = Self.loadOne(Self.branchPath, Self.replacing(Self.branchYAML, 10, with: "  骨干队伍: 是"))
        #expect(content.branches.isEmpty)
        expectDiagnostic(content.diagnostics, .error, Self.branchPath, line: 10, contains: ["字段 liuyou.骨干队伍", "true 或 false", "「是」"])
    }

    @Test(
        "a year before 1949 names the real lower bound")
    func yearBelowMinimum() {
        let content = Self.loadOne(Self.promisePath, Self.replacing(Self.promiseYAML, 4, with: "year: 1800"))
        #expect(content.promises.isEmpty)
        expectDiagnostic(content.diagnostics, .error, Self.promisePath, line: 4, contains: ["字段 year", "1949", "「1800」"])
    }

    // MARK: - Dates

    @Test(
        "impossible or wrongly written dates are errors naming the field and the value",
        arguments: ["2026-02-30", "2026/03/01", "2026-3-1", "26-03-01", "2026-13-01", "明天"])
    func badDate(_ value: String) {
        let content = Self.loadOne(Self.disclosurePath, Self.replacing(Self.disclosureYAML, 7, with: "published: \(value)"))
        #expect(content.disclosures.isEmpty)
        #expect(content.diagnostics.count == 1)
        expectDiagnostic(
            content.diagnostics, .error, Self.disclosurePath, line: 7,
            contains: ["字段 published", "「\(value)」", "无效", "YYYY-MM-DD"])
    }

    @Test("a bad date inside a list item names the item")
    func badNestedDate() {
        let content = Self.loadOne(Self.promisePath, Self.replacing(Self.promiseYAML, 16, with: "    due: 2026-02-29"))
        #expect(content.promises.isEmpty)
        expectDiagnostic(
            content.diagnostics, .error, Self.promisePath, line: 16, contains: ["字段 items 第 2 项的 due", "「2026-02-29」", "无效"])
    }

    @Test("a bad date inside a flow mapping is reported at that line")
    func badSignoffDate() {
        let content = Self.loadOne(
            Self.disclosurePath, Self.replacing(Self.disclosureYAML, 8, with: "reviewed: {by: 组织委员 王某, date: 2026-04-31}"))
        #expect(content.disclosures.isEmpty)
        expectDiagnostic(content.diagnostics, .error, Self.disclosurePath, line: 8, contains: ["字段 reviewed.date", "「2026-04-31」"])
    }

    // MARK: - Enumerations

    @Test("a scope outside the vocabulary lists all allowed values")
    func badScope() {
        let content = Self.loadOne(Self.disclosurePath, Self.replacing(Self.disclosureYAML, 6, with: "scope: 公开"))
        #expect(content.disclosures.isEmpty)
        #expect(content.diagnostics.count == 1)
        let d = expectDiagnostic(content.diagnostics, .error, Self.disclosurePath, line: 6, contains: ["字段 scope", "「公开」"])
        #expect(d?.message == "字段 scope 的值「公开」不在允许范围内，可选值：社会公开、党内公开")
    }

    @Test("an organisation type outside the vocabulary lists all seven types")
    func badOrgType() {
        let content = Self.loadOne(Self.branchPath, Self.replacing(Self.branchYAML, 4, with: "type: 支部"))
        #expect(content.branches.isEmpty)
        expectDiagnostic(
            content.diagnostics, .error, Self.branchPath, line: 4,
            contains: ["字段 type", "「支部」", "可选值：党委、党工委、党总支、党支部、联合党支部、临时党支部、功能型党支部"])
    }

    @Test("an item status outside the vocabulary lists all four statuses")
    func badItemStatus() {
        let content = Self.loadOne(Self.promisePath, Self.replacing(Self.promiseYAML, 17, with: "    status: 逾期"))
        #expect(content.promises.isEmpty)
        expectDiagnostic(
            content.diagnostics, .error, Self.promisePath, line: 17,
            contains: ["字段 items 第 2 项的 status", "「逾期」", "可选值：进行中、已兑现、未兑现、延期"])
    }

    @Test("categories: built-in ones, plus the site's own from site.yaml")
    func categories() throws {
        let yaml = Self.replacing(Self.disclosureYAML, 5, with: "category: 乡村振兴")
        let rejected = Self.loadOne(Self.disclosurePath, yaml)
        #expect(rejected.disclosures.isEmpty)
        expectDiagnostic(
            rejected.diagnostics, .error, Self.disclosurePath, line: 5,
            contains: ["字段 category", "「乡村振兴」", "可选值：决策部署、组织建设、组织生活、党费管理、服务群众、其他"])

        let (custom, configDiagnostics) = ContentLoader.loadSiteConfig(Sample.site + "\ncategories: [乡村振兴]")
        #expect(configDiagnostics.isEmpty)
        let accepted = Self.loadOne(Self.disclosurePath, yaml, config: try #require(custom))
        #expect(accepted.diagnostics.isEmpty)
        #expect(accepted.disclosures.first?.category == "乡村振兴")
    }

    // MARK: - Identifiers

    @Test("an id with capitals or spaces is rejected", arguments: ["Foo Bar", "foo_bar", "-foo", "金桥"])
    func invalidID(_ id: String) {
        let content = Self.loadOne(Self.pagePath, ["id: \(id)", "title: 关于"])
        #expect(content.pages.isEmpty)
        #expect(content.diagnostics.count == 1)
        expectDiagnostic(
            content.diagnostics, .error, Self.pagePath, line: 2,
            contains: ["字段 id", "「\(id)」", "不合规", "小写英文字母、数字和连字符"])
    }

    @Test("lower-case letters, digits and inner hyphens make a valid id", arguments: ["a", "2026-q3", "jinqiao-shequ"])
    func validID(_ id: String) {
        let content = Self.loadOne(Self.pagePath, ["id: \(id)", "title: 关于"])
        #expect(content.diagnostics.isEmpty)
        #expect(content.pages.map(\.id) == [id])
    }

    @Test("a reference to a branch must also be a valid id")
    func invalidReference() {
        let content = Self.loadOne(Self.disclosurePath, Self.replacing(Self.disclosureYAML, 3, with: "branch: Jinqiao Shequ"))
        #expect(content.disclosures.isEmpty)
        expectDiagnostic(content.diagnostics, .error, Self.disclosurePath, line: 3, contains: ["字段 branch", "「Jinqiao Shequ」", "不合规"])
    }

    // MARK: - Maps and ranges

    @Test("a key outside the 六有 goals is an error listing the six goals")
    func badLiuyouKey() {
        let content = Self.loadOne(Self.branchPath, Self.replacing(Self.branchYAML, 10, with: "  骨干: true"))
        #expect(content.branches.isEmpty)
        #expect(content.diagnostics.count == 1)
        expectDiagnostic(
            content.diagnostics, .error, Self.branchPath, line: 10,
            contains: ["字段 liuyou", "「骨干」", "可选值：领导班子、骨干队伍、服务场所、服务载体、制度机制、服务业绩"])
    }

    @Test("a vote option outside 满意/基本满意/不满意 is an error")
    func badVoteKey() {
        let yaml = Self.promiseYAML + ["review:", "  date: 2026-12-20", "  votes: {满意: 30, 一般: 2}"]
        let content = Self.loadOne(Self.promisePath, yaml)
        #expect(content.promises.isEmpty)
        expectDiagnostic(
            content.diagnostics, .error, Self.promisePath, line: 20, contains: ["字段 review.votes", "「一般」", "可选值：满意、基本满意、不满意"])
    }

    @Test("satisfaction must be within 0–100", arguments: ["120", "-1", "100.5", "九十"])
    func satisfactionOutOfRange(_ value: String) {
        let content = Self.loadOne(Self.branchPath, Self.replacing(Self.branchYAML, 13, with: "    satisfaction: \(value)"))
        #expect(content.branches.isEmpty)
        #expect(content.diagnostics.count == 1)
        expectDiagnostic(
            content.diagnostics, .error, Self.branchPath, line: 13,
            contains: ["字段 ratings 第 1 项的 satisfaction", "0–100", "「\(value)」"])
    }

    @Test("satisfaction bounds 0 and 100 are accepted", arguments: ["0", "100"])
    func satisfactionBounds(_ value: String) {
        let content = Self.loadOne(Self.branchPath, Self.replacing(Self.branchYAML, 13, with: "    satisfaction: \(value)"))
        #expect(content.diagnostics.isEmpty)
        #expect(content.branches.first?.ratings?.first?.satisfaction == Double(value))
    }

    @Test("respondents must be at least 1")
    func zeroRespondents() {
        let content = Self.loadOne(Self.branchPath, Self.replacing(Self.branchYAML, 14, with: "    respondents: 0"))
        #expect(content.branches.isEmpty)
        expectDiagnostic(
            content.diagnostics, .error, Self.branchPath, line: 14, contains: ["字段 ratings 第 1 项的 respondents", "大于 0 的整数", "「0」"])
    }

    // MARK: - Every error at once

    @Test("all errors of one file are reported in one run")
    func allErrorsOfOneFile() {
        let yaml = [
            "id: Foo Bar",  // 2 invalid id
            "name: 第一党支部",  // 3
            "type: 支部",  // 4 enumeration
            "field: 街道社区",  // 5
            "members: 十二",  // 6 type
            "established: 2016-02-30",  // 7 date
            "liuyou:",  // 8
            "  骨干: true",  // 9 liuyou key
            "ratings:",  // 10
            "  - year: 2025",  // 11
            "    satisfaction: 120",  // 12 range
            "    respondents: 236",  // 13
            "secretery: 刘芳",  // 14 unknown key (warning)
        ]
        let content = Self.loadOne(Self.branchPath, yaml)
        #expect(content.branches.isEmpty)
        #expect(content.diagnostics.errorCount == 6)
        #expect(content.diagnostics.warningCount == 1)
        #expect(content.diagnostics.allSatisfy { $0.path == Self.branchPath })
        #expect(content.diagnostics.map(\.line).sorted() == [2, 4, 6, 7, 9, 12, 14])
        expectDiagnostic(content.diagnostics, .error, Self.branchPath, line: 2, contains: ["字段 id", "「Foo Bar」"])
        expectDiagnostic(content.diagnostics, .error, Self.branchPath, line: 4, contains: ["字段 type", "「支部」"])
        expectDiagnostic(content.diagnostics, .error, Self.branchPath, line: 6, contains: ["字段 members", "「十二」"])
        expectDiagnostic(content.diagnostics, .error, Self.branchPath, line: 7, contains: ["字段 established", "「2016-02-30」"])
        expectDiagnostic(content.diagnostics, .error, Self.branchPath, line: 9, contains: ["字段 liuyou", "「骨干」"])
        expectDiagnostic(content.diagnostics, .error, Self.branchPath, line: 12, contains: ["satisfaction", "「120」"])
        expectDiagnostic(content.diagnostics, .warning, Self.branchPath, line: 14, contains: ["未知字段 secretery", "是否应为 secretary？"])
    }

    @Test("errors of several files are all reported, and valid files still load")
    func allErrorsOfSeveralFiles() {
        let content = TestContent.load([
            ("content/branches/a.md", TestContent.document(Self.branchYAML)),
            ("content/branches/b.md", TestContent.document(Self.replacing(Self.branchYAML, 5, with: "field: 街道"))),
            (Self.promisePath, TestContent.document(Self.replacing(Self.promiseYAML, 11, with: "    due: 2026/06/30"))),
            (Self.disclosurePath, TestContent.document(Self.replacing(Self.disclosureYAML, 6, with: "scope: 公开"))),
            ("content/pages/broken.md", "没有 front matter\n"),
        ])
        #expect(content.branches.map(\.id) == ["a"])
        #expect(content.promises.isEmpty && content.disclosures.isEmpty && content.pages.isEmpty)
        #expect(content.diagnostics.count == 4)
        expectDiagnostic(content.diagnostics, .error, "content/branches/b.md", line: 5, contains: ["字段 field", "「街道」", "街道社区"])
        expectDiagnostic(content.diagnostics, .error, Self.promisePath, line: 11, contains: ["items 第 1 项的 due", "「2026/06/30」"])
        expectDiagnostic(content.diagnostics, .error, Self.disclosurePath, line: 6, contains: ["字段 scope", "「公开」"])
        expectDiagnostic(content.diagnostics, .error, "content/pages/broken.md", line: 1, contains: ["缺少 front matter"])
    }

    // MARK: - site.yaml

    @Test("site.yaml errors use the file's own lines")
    func siteConfigErrors() {
        let (config, diagnostics) = ContentLoader.loadSiteConfig("organizer: 测试\nbase_url: example.org\ncategories: 乡村振兴\n")
        #expect(config == nil)
        #expect(diagnostics.count == 3)
        expectDiagnostic(diagnostics, .error, "site.yaml", line: 1, contains: ["缺少必填字段 title"])
        expectDiagnostic(diagnostics, .error, "site.yaml", line: 2, contains: ["字段 base_url", "http://", "「example.org」"])
        expectDiagnostic(diagnostics, .error, "site.yaml", line: 3, contains: ["字段 categories", "应为列表"])
    }

    @Test("site.yaml defaults: trailing slash on base_url, zh-CN, built-in categories first")
    func siteConfigDefaults() throws {
        let (config, diagnostics) = ContentLoader.loadSiteConfig("title: 站\r\nbase_url: https://example.org/x\r\ncategories: [乡村振兴, 其他]\r\n")
        #expect(diagnostics.isEmpty)
        let site = try #require(config)
        #expect(site.baseURL == "https://example.org/x/")
        #expect(site.language == "zh-CN")
        #expect(site.allCategories == ["决策部署", "组织建设", "组织生活", "党费管理", "服务群众", "其他", "乡村振兴"])
    }

    // MARK: - Schema and Codable stay in step

    static func nestedRules(_ rules: [FieldRule], _ key: String) -> [FieldRule] {
        switch rules.first(where: { $0.key == key })?.value {
        case .mapping(let nested)?: return nested
        case .list(of: .mapping(let nested), _)?: return nested
        default: return []
        }
    }

    @Test("schema keys equal each record's CodingKeys")
    func schemaMatchesCodingKeys() {
        func keys(_ rules: [FieldRule]) -> [String] { rules.map(\.key).sorted() }
        #expect(keys(ContentSchema.branch) == Branch.CodingKeys.allCases.map(\.stringValue).sorted())
        #expect(keys(ContentSchema.promise) == PromiseLetter.CodingKeys.allCases.map(\.stringValue).sorted())
        #expect(keys(ContentSchema.promiseItem) == PromiseItem.CodingKeys.allCases.map(\.stringValue).sorted())
        #expect(keys(Self.nestedRules(ContentSchema.promise, "items")) == PromiseItem.CodingKeys.allCases.map(\.stringValue).sorted())
        #expect(keys(Self.nestedRules(ContentSchema.promise, "review")) == Review.CodingKeys.allCases.map(\.stringValue).sorted())
        #expect(keys(ContentSchema.disclosure(categories: [])) == Disclosure.CodingKeys.allCases.map(\.stringValue).sorted())
        #expect(keys(Self.nestedRules(ContentSchema.disclosure(categories: []), "approved")) == Signoff.CodingKeys.allCases.map(\.stringValue).sorted())
        #expect(keys(Self.nestedRules(ContentSchema.disclosure(categories: []), "reviewed")) == ["by", "date"])
        #expect(keys(Self.nestedRules(ContentSchema.disclosure(categories: []), "proposed")) == ["by", "date"])
        #expect(keys(Self.nestedRules(ContentSchema.disclosure(categories: []), "outcome")) == Outcome.CodingKeys.allCases.map(\.stringValue).sorted())
        #expect(keys(Self.nestedRules(ContentSchema.promiseItem, "progress")) == ProgressEntry.CodingKeys.allCases.map(\.stringValue).sorted())
        #expect(keys(Self.nestedRules(ContentSchema.promiseItem, "target")) == PromiseTarget.CodingKeys.allCases.map(\.stringValue).sorted())
        #expect(keys(Self.nestedRules(ContentSchema.site, "procedure")) == ProcedureSettings.CodingKeys.allCases.map(\.stringValue).sorted())
        #expect(keys(ContentSchema.noticeRule) == NoticeRule.CodingKeys.allCases.map(\.stringValue).sorted())
        #expect(keys(ContentSchema.example) == Example.CodingKeys.allCases.map(\.stringValue).sorted())
        #expect(keys(ContentSchema.page) == FreePage.CodingKeys.allCases.map(\.stringValue).sorted())
        #expect(keys(ContentSchema.site) == SiteConfig.CodingKeys.allCases.map(\.stringValue).sorted())
        #expect(keys(Self.nestedRules(ContentSchema.branch, "ratings")) == ["grade", "respondents", "satisfaction", "year"])
        #expect(keys(Self.nestedRules(ContentSchema.site, "privacy")) == PrivacyPolicy.CodingKeys.allCases.map(\.stringValue).sorted())
        #expect(keys(Self.nestedRules(ContentSchema.page, "privacy")) == keys(ContentSchema.privacySettings))
    }

    @Test(
        "every schema lists each key once",
        arguments: [
            ContentSchema.branch, ContentSchema.promise, ContentSchema.promiseItem, ContentSchema.disclosure(categories: []),
            ContentSchema.example, ContentSchema.page, ContentSchema.site,
        ])
    func schemaKeysUnique(_ rules: [FieldRule]) {
        #expect(Set(rules.map(\.key)).count == rules.count)
    }
}
