import Testing

@testable import GongshiKit

@Suite("Privacy lint: policy, masking and diagnostics")
struct PrivacyLintTests {
    static let id = "520102199003071236"
    static let bank = "6222021234567890128"
    static let mobile = "13812345678"
    static let disclosurePath = "content/disclosures/d.md"
    static let branchPath = "content/branches/a.md"

    /// Branch `a` plus the given files, loaded and assembled in memory.
    static func assemble(_ files: [(path: String, text: String)], site: String = Sample.site) -> (model: SiteModel, diagnostics: [Diagnostic]) {
        let (config, configDiagnostics) = ContentLoader.loadSiteConfig(site)
        precondition(!configDiagnostics.hasErrors, "\(configDiagnostics)")
        let result = TestContent.assemble([(branchPath, Sample.branch("a"))] + files, config: config!)
        return (result.model, configDiagnostics + result.diagnostics)
    }

    /// A published disclosure `d` whose front matter gets `extra` lines (from line 10) and whose body starts at line
    /// 11 + extra.count.
    static func disclosure(extra: [String] = [], body: String) -> (path: String, text: String) {
        let yaml = [
            "id: d", "branch: a", "title: 公开事项", "category: 组织生活", "scope: 社会公开", "published: 2026-03-10",
            "reviewed: {by: 组织委员 王某, date: 2026-03-01}", "approved: {by: 书记 李某, date: 2026-03-02}",
        ]
        return (disclosurePath, TestContent.document(yaml + extra, body: body))
    }

    // MARK: - Defaults

    @Test("a mobile in the body is masked and warned about at its file line, counting the front matter")
    func mobileInBodyIsMasked() throws {
        let (model, diagnostics) = Self.assemble([Self.disclosure(body: "第一段。\n\n联系人 张三，电话 138-1234-5678。")])
        let warning = try #require(expectDiagnostic(diagnostics, .warning, Self.disclosurePath, line: 13, contains: ["正文中", "「手机号 138****5678」", "已打码"]))
        #expect(!warning.message.contains("1234"))
        let html = try #require(model.disclosures.first).bodyHTML
        #expect(html.contains("电话 138****5678"))
        #expect(!html.contains("1234"))
        #expect(!diagnostics.hasErrors)
    }

    @Test("a mobile in a front-matter value is masked in the record and reported at that key's line")
    func mobileInFrontMatter() throws {
        let (model, diagnostics) = Self.assemble([Self.disclosure(extra: ["feedback: 王书记 +86 138 1234 5678"], body: "正文。")])
        expectDiagnostic(diagnostics, .warning, Self.disclosurePath, line: 10, contains: ["字段 feedback 中", "手机号 138****5678"])
        #expect(model.disclosures.first?.feedback == "王书记 +86 138****5678")
    }

    @Test("nested values and list items get their own lines")
    func nestedLines() throws {
        let text = Sample.promise("p", items: [("进行中", "2026-12-31", nil, nil), ("延期", "2026-12-31", nil, "联系 13812345678 改期")])
        let (model, diagnostics) = Self.assemble([("content/promises/p.md", text)])
        // Line 2 id … line 8 items:, first item 9–12, second item 13–17 with its note on 17.
        expectDiagnostic(diagnostics, .warning, "content/promises/p.md", line: 17, contains: ["字段 items 第 2 项的 note 中", "138****5678"])
        #expect(model.promises.first?.items[1].note == "联系 138****5678 改期")
    }

    @Test("ID-card and bank numbers are errors, masked in the message and never printed whole")
    func idAndBankAreErrors() throws {
        let body = "身份证号：\(Self.id)\n开户行账号 \(Self.bank)"
        let (_, diagnostics) = Self.assemble([Self.disclosure(extra: ["period: 证件 11010519491231002X"], body: body)])
        expectDiagnostic(diagnostics, .error, Self.disclosurePath, line: 10, contains: ["字段 period 中", "「身份证号 1101**********002X」"])
        expectDiagnostic(diagnostics, .error, Self.disclosurePath, line: 12, contains: ["正文中", "「身份证号 5201**********1236」", "不能在网站上公开"])
        expectDiagnostic(diagnostics, .error, Self.disclosurePath, line: 13, contains: ["「银行卡号 6222***********0128」"])
        for diagnostic in diagnostics {
            for raw in [Self.id, Self.bank, "11010519491231002X"] { #expect(!diagnostic.description.contains(raw)) }
        }
    }

    @Test("site.yaml's own text is linted with its own line, and masked on every page")
    func siteConfigIsLinted() throws {
        let site = Sample.site + "\ncontact: 党群服务中心 13812345678"
        let (config, diagnostics) = ContentLoader.loadSiteConfig(site)
        expectDiagnostic(diagnostics, .warning, "site.yaml", line: 4, contains: ["字段 contact 中", "138****5678"])
        #expect(config?.contact == "党群服务中心 138****5678")
    }

    @Test("withheld disclosures are never published, so they are not linted; published ones are")
    func withheldIsNotLinted() throws {
        let internalItem = Sample.disclosure("secret", scope: "党内公开", body: "党费明细 \(Self.id)")
        let pending = Sample.disclosure("pending", approved: false, body: "电话 \(Self.mobile)")
        let (_, diagnostics) = Self.assemble([("content/disclosures/secret.md", internalItem), ("content/disclosures/pending.md", pending)])
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(!diagnostics.contains { $0.message.contains("手机号") || $0.message.contains("身份证号") })
        let published = Sample.disclosure("open", body: "党费明细 \(Self.id)")
        let (_, errors) = Self.assemble([("content/disclosures/open.md", published)])
        #expect(errors.contains { $0.severity == .error && $0.path == "content/disclosures/open.md" && $0.message.contains("身份证号") })
    }

    @Test("every kind of record is linted: branch, promise, example, page")
    func everyKindIsLinted() {
        let files: [(path: String, text: String)] = [
            ("content/branches/b.md", Sample.branch("b", extra: "phone: 13812345678")),
            ("content/promises/p.md", Sample.promise("p", items: [("进行中", "2026-12-31", nil, nil)]) + "电话 13912345678\n"),
            ("content/examples/e.md", "---\nid: e\ntitle: 事例\nbranch: a\ndate: 2026-01-01\npeople: [网格员 15012345678]\n---\n正文\n"),
            ("content/pages/about.md", "---\nid: about\ntitle: 关于\n---\n电话 18612345678\n"),
        ]
        let (_, diagnostics) = Self.assemble(files)
        for path in files.map(\.path) {
            #expect(diagnostics.contains { $0.path == path && $0.severity == .warning && $0.message.contains("手机号") }, "\(path)")
        }
    }

    // MARK: - Every string the site shows or puts in a URL

    @Test("an ID with a wrong check character is refused with a message that says so")
    func wrongCheckCharacter() throws {
        let (_, diagnostics) = Self.assemble([Self.disclosure(body: "困难党员 张三 520102199003071235")])
        let error = try #require(
            expectDiagnostic(diagnostics, .error, Self.disclosurePath, line: 11, contains: ["身份证号 5201**********1235", "校验位写错"]))
        #expect(!error.message.contains("520102199003071235"))
    }

    @Test("entity- and percent-encoded IDs and bank numbers refuse the build like plain ones")
    func encodedNumbersAreErrors() {
        let entity = "&#53;&#50;&#48;&#49;&#48;&#50;&#49;&#57;&#57;&#48;&#48;&#51;&#48;&#55;&#49;&#50;&#51;&#54;"
        let body = "证件 \(entity)\n\n[明细](https://example.org/?card=%36%32%32%32%30%32%31%32%33%34%35%36%37%38%39%30%31%32%38)"
        let (_, diagnostics) = Self.assemble([Self.disclosure(extra: ["period: 证件 &#x31;10101199003070&#x30;2X"], body: body)])
        expectDiagnostic(diagnostics, .error, Self.disclosurePath, line: 10, contains: ["字段 period 中", "身份证号 1101**********002X"])
        expectDiagnostic(diagnostics, .error, Self.disclosurePath, line: 12, contains: ["正文中", "身份证号 5201**********1236"])
        expectDiagnostic(diagnostics, .error, Self.disclosurePath, line: 14, contains: ["正文中", "银行卡号 6222***********0128"])
    }

    @Test("a mobile in an id is an error whatever the policy: masking it would change URLs")
    func idHoldsAMobile() throws {
        let text = Sample.disclosure("zhangsan-139-1234-5678", body: "正文。").replacingOccurrences(of: "---\nid:", with: "---\nprivacy: {mobile: allow}\nid:")
        let path = "content/disclosures/d.md"
        let (_, diagnostics) = Self.assemble([(path, text), ("content/disclosures/copy.md", text)])
        let error = try #require(expectDiagnostic(diagnostics, .error, path, line: 3, contains: ["字段 id 中", "手机号 139****5678", "网址", "不能打码"]))
        #expect(!error.message.contains("1234"))
        // The message about the id used twice quotes it masked.
        #expect(diagnostics.contains { $0.message.contains("重复") && $0.message.contains("139****5678") }, "\(diagnostics)")
        #expect(!diagnostics.contains { $0.message.contains("1234-5678") }, "\(diagnostics)")
        // The reference to a branch is an id too.
        let (_, referenced) = Self.assemble([(path, Sample.disclosure("d", branch: "a13812345678"))])
        expectDiagnostic(referenced, .error, path, line: 3, contains: ["字段 branch 中", "138****5678"])
    }

    @Test("a number in the file name is an error at line 1, the file name masked in the message and in the path")
    func fileName() throws {
        let path = "content/disclosures/zhangsan-13912345678.md"
        let (_, diagnostics) = Self.assemble([(path, Sample.disclosure("zhangsan"))])
        let masked = "content/disclosures/zhangsan-139****5678.md"
        let error = try #require(expectDiagnostic(PrivacyLint.masking(diagnostics), .error, masked, line: 1, contains: ["文件名中", "手机号 139****5678", "改写"]))
        #expect(!error.message.contains("13912345678"))
    }

    @Test("an attachment's file name cannot be masked (it is a path and the default title); its title is masked")
    func attachments() throws {
        let extra = ["attachments:", "  - {file: 附件/张三13812345678.pdf}", "  - {file: 附件/b.pdf, title: 经办人 139 8765 4321}"]
        let (model, diagnostics) = Self.assemble([Self.disclosure(extra: extra, body: "正文。")])
        expectDiagnostic(diagnostics, .error, Self.disclosurePath, line: 11, contains: ["字段 attachments 第 1 项的 file 中", "138****5678", "不能打码"])
        expectDiagnostic(diagnostics, .warning, Self.disclosurePath, line: 12, contains: ["139****4321", "已打码"])
        let attachments = try #require(model.disclosures.first?.attachments)
        #expect(attachments[0].file == "附件/张三13812345678.pdf", "the path stays what it is, so the file is still found")
        #expect(attachments[1].title == "经办人 139****4321")
    }

    @Test("numbers in base_url are errors: it is shown as written; other loading messages never print a number whole")
    func nonTextFields() throws {
        let (_, diagnostics) = Self.assemble([("content/branches/b.md", Sample.branch("b", extra: "members: 13812345678"))])
        let tooLarge = try #require(diagnostics.first { $0.path == "content/branches/b.md" && $0.severity == .error })
        #expect(tooLarge.message.contains("138****5678") && !tooLarge.message.contains("13812345678"), "\(tooLarge)")
        let (_, site) = ContentLoader.loadSiteConfig("title: 网\nbase_url: https://example.org/13812345678/\n")
        expectDiagnostic(site, .error, "site.yaml", line: 2, contains: ["字段 base_url 中", "138****5678", "二维码"])
    }

    @Test("the body is masked as written: emphasis, a line break, a link target, alt text, entities, percent-encoding")
    func bodyIsMaskedAsWritten() throws {
        let body = """
            电话 **138**1234**5678** 或 139 8765
            4321。

            ![张三 137 1234 5678](photo.png) [拨打](tel:%31%33%36%31%32%33%34%35%36%37%38) &#49;&#53;&#48;11112222

            [写信](mailto:%7A%68%61%6E%67%73%61%6E@example.org) li**si**@example.org
            """
        let (model, diagnostics) = Self.assemble([Self.disclosure(body: body)])
        let html = try #require(model.disclosures.first?.bodyHTML)
        for masked in ["138****5678", "139****4321", "137****5678", "tel:136****5678", "150****2222", "mailto:z***@example.org", "l***@example.org"] {
            #expect(html.contains(masked), "\(masked) in \(html)")
        }
        for raw in ["1234", "8765", "%31", "&#49;", "zhangsan", "%7A", "lisi", "<strong>si"] { #expect(!html.contains(raw), "\(raw) in \(html)") }
        #expect(!html.contains("\u{E000}"))
        #expect(diagnostics.filter { $0.message.contains("已打码") }.map(\.line) == [11, 11, 14, 14, 14, 16, 16])
    }

    @Test("raw HTML between digit groups, left out of the page, does not hide a number")
    func rawHTMLInBody() throws {
        let (model, diagnostics) = Self.assemble([Self.disclosure(body: "电话 138<b>1234</b>5678，身份证 520102<!-- x -->19900307<br>1236")])
        let html = try #require(model.disclosures.first?.bodyHTML)
        #expect(html.contains("138****5678") && !html.contains("1234") && !html.contains("19900307"), "\(html)")
        expectDiagnostic(diagnostics, .error, Self.disclosurePath, line: 11, contains: ["身份证号 5201**********1236"])
    }

    // MARK: - Settings

    @Test("privacy: {mobile: allow} in one file publishes its mobiles as written, without a warning")
    func perFileAllow() throws {
        let (model, diagnostics) = Self.assemble([Self.disclosure(extra: ["privacy: {mobile: allow}"], body: "值班手机 13812345678")])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(model.disclosures.first?.bodyHTML.contains("13812345678") == true)
    }

    @Test("site-level mobile: error refuses the build; a file can still allow")
    func siteLevelErrorAndFileOverride() throws {
        let site = Sample.site + "\nprivacy: {mobile: error}"
        let (_, diagnostics) = Self.assemble([Self.disclosure(body: "13812345678")], site: site)
        expectDiagnostic(diagnostics, .error, Self.disclosurePath, line: 11, contains: ["mobile: error", "138****5678"])
        let (_, allowed) = Self.assemble([Self.disclosure(extra: ["privacy:", "  mobile: allow"], body: "13812345678")], site: site)
        #expect(allowed.isEmpty, "\(allowed)")
    }

    @Test("allow lists exact numbers, in any spelling; other numbers are still masked")
    func exactAllowList() throws {
        let site = Sample.site + "\nprivacy:\n  allow: [\"138 1234 5678\"]"
        let body = "办公手机 138-1234-5678，张三 13912345678"
        let (model, diagnostics) = Self.assemble([Self.disclosure(body: body)], site: site)
        let html = try #require(model.disclosures.first?.bodyHTML)
        #expect(html.contains("138-1234-5678"))
        #expect(html.contains("139****5678"))
        #expect(diagnostics.map(\.message).filter { $0.contains("手机号") }.count == 1)
        // A per-file list adds to the site's; an unquoted number works too.
        let (_, both) = Self.assemble([Self.disclosure(extra: ["privacy: {allow: [13912345678]}"], body: body)], site: site)
        #expect(both.isEmpty, "\(both)")
    }

    @Test("ID numbers cannot be allowed: id_card: allow is refused, allow does not cover them")
    func idCannotBeAllowed() throws {
        let (_, diagnostics) = Self.assemble([Self.disclosure(extra: ["privacy: {id_card: allow, bank_card: allow}"], body: "正文")])
        expectDiagnostic(diagnostics, .error, Self.disclosurePath, line: 10, contains: ["privacy.id_card", "「allow」", "可选值：error"])
        expectDiagnostic(diagnostics, .error, Self.disclosurePath, line: 10, contains: ["privacy.bank_card", "可选值：error"])
        let (_, listed) = Self.assemble([Self.disclosure(extra: ["privacy: {allow: [\"\(Self.id)\"]}"], body: Self.id)])
        expectDiagnostic(listed, .error, Self.disclosurePath, line: 12, contains: ["身份证号"])
    }

    @Test("an organisation's account number listed in allow is published; unlisted bank numbers stay errors")
    func bankAccountAllowed() {
        let (_, listed) = Self.assemble([Self.disclosure(extra: ["privacy: {allow: [\"\(Self.bank)\"]}"], body: "党费专户 \(Self.bank)")])
        #expect(listed.isEmpty, "\(listed)")
        let (_, unlisted) = Self.assemble([Self.disclosure(body: "党费专户 \(Self.bank)")])
        #expect(unlisted.hasErrors)
    }

    @Test("e-mail addresses outside the site's list are masked with a warning; listed addresses and domains are not")
    func emailAllowList() throws {
        let body = "来信 zhangsan@example.org 或 office@example.gov.cn 或 dangban@qingxi.gov.cn"
        let site = Sample.site + "\nprivacy: {emails: [Office@Example.gov.cn, \"@qingxi.gov.cn\"]}"
        let (model, diagnostics) = Self.assemble([Self.disclosure(body: body)], site: site)
        let html = try #require(model.disclosures.first?.bodyHTML)
        #expect(html.contains("z***@example.org"))
        #expect(!html.contains("zhangsan"))
        #expect(html.contains("office@example.gov.cn") && html.contains("dangban@qingxi.gov.cn"))
        expectDiagnostic(diagnostics, .warning, Self.disclosurePath, line: 11, contains: ["「电子邮箱 z***@example.org」", "privacy.emails"])
        #expect(diagnostics.count == 1, "\(diagnostics)")
        let (_, refused) = Self.assemble([Self.disclosure(extra: ["privacy: {email: error}"], body: body)], site: site)
        expectDiagnostic(refused, .error, Self.disclosurePath, line: 12, contains: ["电子邮箱 z***@example.org"])
    }

    // MARK: - Markdown

    @Test("masks never turn into emphasis, and code, links and the first paragraph are masked too")
    func markdownIsMaskedAfterParsing() throws {
        let body = "电话 13812345678 或 13912345678。\n\n`13712345678`\n\n[写信](mailto:zhangsan@example.org) <lisi@example.org>"
        let (model, _) = Self.assemble([("content/examples/e.md", "---\nid: e\ntitle: 事例\nbranch: a\ndate: 2026-01-01\n---\n\(body)\n")])
        let example = try #require(model.examples.first)
        #expect(example.bodyHTML.contains("电话 138****5678 或 139****5678。"))
        #expect(!example.bodyHTML.contains("<em>") && !example.bodyHTML.contains("<strong>"))
        #expect(example.bodyHTML.contains("<code>137****5678</code>"))
        #expect(example.bodyHTML.contains("mailto:z***@example.org"))
        #expect(example.bodyHTML.contains("l***@example.org"))
        for raw in ["12345678", "zhangsan", "lisi"] { #expect(!example.bodyHTML.contains(raw)) }
        #expect(example.displaySummary == "电话 138****5678 或 139****5678。")
    }

    @Test("policy merging: the file's handling wins, allow-lists add up")
    func overriding() {
        let site = PrivacyPolicy(mobile: .error, email: .allow, allow: ["1"], emails: ["a@b.cn"])
        let merged = site.overridden(by: PrivacyPolicy(mobile: .allow, allow: ["2"]))
        #expect(merged.mobileHandling == .allow && merged.emailHandling == .allow)
        #expect(merged.allow == ["1", "2"] && merged.emails == ["a@b.cn"])
        #expect(PrivacyPolicy().mobileHandling == .mask && PrivacyPolicy().emailHandling == .mask)
        #expect(site.overridden(by: nil) == site)
    }
}
