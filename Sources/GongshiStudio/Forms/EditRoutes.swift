import Foundation
import GongshiKit
import Hummingbird

/// 新建 (`GET /new`, `GET|POST /new/<kind>`), 编辑 (`GET|POST /edit/<path>`): the forms made from the schema. A save is
/// checked by the same `check` as the command line, on the site as it would be with this file written
/// (`SiteBuilder.check(_:overlay:)`); while it has errors nothing is written and each message is shown beside
/// its field. Every request checks `.write` over the file's organisation before and after the edit.
enum EditRoutes {
    static let bodyField = "__body"
    static let versionField = "__version"
    static let maximumForm = 1024 * 1024

    static func register(on router: Router<StudioContext>, studio: Studio) {
        router.get("/new") { _, context -> Response in
            guard let account = context.account else { return StudioPage.forbidden(context, "请先登录。") }
            let kinds = ContentForm.creatable.filter { !ContentForm(kind: $0, studio: studio, account: account).organisations.isEmpty }
            guard !kinds.isEmpty else { return StudioPage.forbidden(context, "你没有起草权限，不能新建内容。") }
            let links = kinds.map { "<li><a href=\"/new/\($0.rawValue)\">新建\($0.chineseName)</a></li>" }.joined()
            // The branch profiles the account may edit (they have no 待办: they are not reviewed).
            let branches = studio.content.list(.branches).filter { entry in
                entry.org.map { studio.authorizer.allows(account, .write, org: $0) } ?? false
            }
            var main = "<ul class=\"choices\">\(links)</ul>"
            if !branches.isEmpty {
                main += "<h2>修改支部概况</h2><ul class=\"choices\">"
                main += branches.map { "<li><a href=\"/edit/\(HTMLText.escape($0.path))\">\(HTMLText.escape($0.title ?? $0.path))</a></li>" }.joined()
                main += "</ul>"
            }
            return StudioPage.response(title: "新建", context: context, main: main)
        }
        router.get("/new/:kind") { _, context -> Response in
            let form: ContentForm
            switch newForm(context, studio: studio) {
            case .failure(let refusal): return refusal.response(context)
            case .success(let found): form = found.1
            }
            let draft = Draft(path: nil, version: nil, fields: form.blank(today: studio.settings.today()), body: "", origins: nil)
            return page(form, draft, context: context)
        }
        router.post("/new/:kind") { request, context -> Response in
            let (account, form): (Account, ContentForm)
            switch newForm(context, studio: studio) {
            case .failure(let refusal): return refusal.response(context)
            case .success(let found): (account, form) = found
            }
            let data = try await formData(request)
            return submit(form, data: data, old: nil, context: context, account: account, studio: studio)
        }
        router.get("/edit/**") { _, context -> Response in
            guard let account = context.account else { return StudioPage.forbidden(context, "请先登录。") }
            let path = context.parameters.getCatchAll().joined(separator: "/")
            switch open(path, account: account, studio: studio) {
            case .failure(let refusal): return refusal.response(context)
            case .success(let file):
                let form = ContentForm(kind: file.document.kind, studio: studio, account: account)
                let draft = Draft(path: path, version: file.version, fields: file.document.fields, body: file.document.body, origins: nil)
                return page(form, draft, context: context)
            }
        }
        router.post("/edit/**") { request, context -> Response in
            guard let account = context.account else { return StudioPage.forbidden(context, "请先登录。") }
            let path = context.parameters.getCatchAll().joined(separator: "/")
            let data = try await formData(request)
            switch open(path, account: account, studio: studio) {
            case .failure(let refusal): return refusal.response(context)
            case .success(let file):
                let form = ContentForm(kind: file.document.kind, studio: studio, account: account)
                return submit(form, data: data, old: file, context: context, account: account, studio: studio)
            }
        }
    }

    /// The signed-in account and the form of `/new/<kind>`, if the kind is one the studio creates and the account
    /// drafts for some organisation.
    static func newForm(_ context: StudioContext, studio: Studio) -> Result<(Account, ContentForm), Refusal> {
        guard let account = context.account else { return .failure(.forbidden("请先登录。")) }
        guard let kind = context.parameters.get("kind").flatMap(ContentKind.init(rawValue:)), ContentForm.creatable.contains(kind)
        else { return .failure(.forbidden("不能新建这类内容。")) }
        let form = ContentForm(kind: kind, studio: studio, account: account)
        guard !form.organisations.isEmpty else { return .failure(.forbidden("你没有起草权限，不能新建\(kind.chineseName)。")) }
        return .success((account, form))
    }

    static func formData(_ request: Request) async throws -> FormData {
        let body = try await request.body.collect(upTo: maximumForm)
        return FormData(urlEncoded: String(buffer: body))
    }

    /// A file opened for writing: what it says, its version.
    struct OpenFile {
        var path: String
        var document: EditableDocument
        var version: String
    }

    /// Why a file cannot be edited: not there or not yours (403), or written by hand in a way the studio cannot
    /// write back (read-only, shown on its page).
    enum Refusal: Error {
        case forbidden(String)
        case readOnly(path: String)

        func response(_ context: StudioContext) -> Response {
            switch self {
            case .forbidden(let message): return StudioPage.forbidden(context, message)
            case .readOnly(let path): return Response(status: .seeOther, headers: [.location: "/view/" + path])
            }
        }
    }

    /// The file at `path` if `account` may write to it and the studio can write it back exactly.
    static func open(_ path: String, account: Account, studio: Studio) -> Result<OpenFile, Refusal> {
        let denied = Refusal.forbidden("没有权限修改这份内容，或者它不存在。")
        guard let (_, kind) = try? studio.content.location(of: path), ContentForm.editable.contains(kind),
            let (bytes, version) = try? studio.content.read(path),
            let document = try? ContentCodec.decode(bytes, kind: kind, path: path), let org = document.org,
            studio.authorizer.allows(account, .write, org: org)
        else { return .failure(denied) }
        guard Representability.of(bytes, kind: kind, path: path).isEditable else { return .failure(.readOnly(path: path)) }
        return .success(OpenFile(path: path, document: document, version: version))
    }

    /// What the form shows: the values (from disk, or as submitted), the body, and the messages.
    struct Draft {
        var path: String?
        var version: String?
        var fields: FrontMap
        var body: String
        var origins: [String: [Int?]]?
        var messages = FieldMessages()
        var preview: String?
        var notice: String?
    }

    static func submit(_ form: ContentForm, data: FormData, old: OpenFile?, context: StudioContext, account: Account, studio: Studio) -> Response {
        // No form of the studio has these fields: a request that sends them is forged, and refused whole.
        if let forged = data.values.keys.first(where: { name in
            ContentForm.workflowKeys.contains(String(name.prefix { $0 != "." }))
        }) {
            return StudioPage.forbidden(context, "不能在表单里填写审核流程的记录（\(forged)）：它们只能由审核人、审批人按按钮写入。")
        }
        let isNew = old == nil
        let base = old?.document.fields ?? FrontMap()
        let (fields, origins) = form.read(data, over: base, isNew: isNew)
        let body = normalisedBody(data[bodyField]) ?? old?.document.body ?? ""
        var draft = Draft(path: old?.path, version: old?.version, fields: fields, body: body, origins: origins)
        if let old, data[versionField] != old.version {
            return conflict(form, draft: draft, old: old, context: context)
        }
        if let list = data["__add"] {
            draft.fields = RowEditing.appendingBlankRow(to: list, in: draft.fields)
            draft.origins = RowEditing.appendingOrigin(to: list, in: origins, fields: fields)
            return page(form, draft, context: context)
        }
        if data.has("__preview") {
            draft.preview = MarkdownRenderer.html(body)
            return page(form, draft, context: context)
        }
        // The organisation after the edit must be one the account writes to, whatever the form said; a branch moved
        // under another parent must be moved by someone who writes to that parent too.
        if let org = fields.text(form.kind == .branches ? "id" : "branch"), !studio.authorizer.allows(account, .write, org: org) {
            return StudioPage.forbidden(context, "你没有「\(studio.tree.names[org] ?? org)」的起草权限，不能把内容写到那里。")
        }
        if form.kind == .branches, let parent = fields.text("parent"), parent != old?.document.fields.text("parent"),
            !studio.authorizer.allows(account, .write, org: parent)
        {
            return StudioPage.forbidden(context, "你没有「\(studio.tree.names[parent] ?? parent)」的权限，不能把组织改到它的下面。")
        }
        var document = EditableDocument(kind: form.kind, fields: isNew ? ContentCodec.ordered(fields, kind: form.kind) : fields, body: body)
        let path: String
        if let old {
            path = old.path
        } else {
            guard let id = fields.text("id"), let newPath = try? studio.content.newPath(kind: form.kind, id: id) else {
                draft.messages = FieldMessages(placing: "id", "编号只能用字母、数字、- 和 _，如 dangfei-2026-q3")
                return page(form, draft, context: context, status: .unprocessableContent)
            }
            path = newPath
        }
        do {
            draft.notice = try WorkflowRules.prepareSave(old: old?.document, new: &document, account: account, today: studio.settings.today())
        } catch let error as WorkflowError {
            return StudioPage.forbidden(context, error.message)
        } catch {
            return StudioPage.forbidden(context, "\(error)")
        }
        let bytes = ContentCodec.encode(document)
        if let old, bytes == ContentCodec.encode(old.document) {
            return saved(path: path, notice: "没有修改，文件保持原样。")
        }
        let messages = validate(bytes, path: path, studio: studio)
        if messages.hasErrors {
            draft.messages = messages
            return page(form, draft, context: context, status: .unprocessableContent)
        }
        do {
            let after = try studio.content.write(path, bytes: bytes, expectedVersion: old?.version)
            let event = AuditEvent(
                account: account, action: isNew ? AuditEvent.created : AuditEvent.saved, path: path, id: document.fields.text("id"),
                org: document.org, before: old?.version, after: after)
            let warning = try? studio.history.record(event)
            return saved(path: path, notice: [draft.notice, warning ?? nil].compactMap { $0 }.joined(separator: " "))
        } catch let conflict as ContentStore.Conflict {
            if let old { return self.conflict(form, draft: draft, old: old, context: context) }
            _ = conflict
            draft.messages = FieldMessages(placing: "id", "编号「\(fields.text("id") ?? "")」已被另一份内容使用，请换一个编号")
            return page(form, draft, context: context, status: .unprocessableContent)
        } catch {
            return StudioPage.response(
                title: "保存失败", context: context, main: "<p role=\"alert\">保存失败：\(HTMLText.escape("\(error)"))。文件没有改动。</p>",
                status: .internalServerError)
        }
    }

    /// `check`'s messages about this file if it were written (the rest of the site as on disk).
    static func validate(_ bytes: [UInt8], path: String, studio: Studio) -> FieldMessages {
        // A check writes nothing: the output directory is never touched.
        let options = studio.settings.buildOptions()
        let overlay = [path: String(decoding: bytes, as: UTF8.self)]
        let (_, _, diagnostics) = studio.parseCache.withLock { cache in SiteBuilder.check(options, parseCache: &cache, overlay: overlay) }
        return FieldMessages(diagnostics, path: path, encoded: bytes)
    }

    static func saved(path: String, notice: String) -> Response {
        var target = URLComponents()
        target.path = "/view/" + path
        target.queryItems = [URLQueryItem(name: "saved", value: notice.isEmpty ? "1" : notice)]
        return Response(status: .seeOther, headers: [.location: target.percentEncodedPath + "?" + (target.percentEncodedQuery ?? "")])
    }

    static func normalisedBody(_ text: String?) -> String? {
        guard let text else { return nil }
        var body = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        while body.first == "\n" { body.removeFirst() }
        if !body.isEmpty && !body.hasSuffix("\n") { body += "\n" }
        return body
    }

    // MARK: Pages

    static func page(_ form: ContentForm, _ draft: Draft, context: StudioContext, status: HTTPResponse.Status = .ok) -> Response {
        var messages = draft.messages
        let summary = messages.all
        let fields = form.fieldsHTML(values: draft.fields, messages: &messages, origins: draft.origins, isNew: draft.path == nil)
        _ = messages.takeRest()  // every message is in the summary; those no field took are only there
        let action = draft.path.map { "/edit/" + $0 } ?? "/new/" + form.kind.rawValue
        var html = ""
        if !summary.isEmpty {
            let errors = summary.filter(\.isError).count
            html += "<div class=\"summary\" role=\"alert\" tabindex=\"-1\"><h2>\(errors > 0 ? "有 \(errors) 处需要改正，未保存" : "提醒")</h2><ul>"
            for message in summary {
                let link = message.field.map { "<a href=\"#\(FieldName.inputID(FormRenderer.anchor(for: $0, in: form)))\">" } ?? ""
                // The field's Chinese name first: 「公开范围：缺少必填字段 scope」.
                let label = message.field.flatMap { FieldLabels.label(FieldName.schemaPath($0)) }.map { $0 + "：" } ?? ""
                let text = (message.isError ? "" : "提醒：") + label + message.text
                html += "<li>\(link)\(HTMLText.escape(text))\(link.isEmpty ? "" : "</a>")</li>"
            }
            html += "</ul></div>"
        }
        if let notice = draft.notice { html += "<p class=\"note\" role=\"status\">\(HTMLText.escape(notice))</p>" }
        html += "<form method=\"post\" action=\"\(HTMLText.escape(action))\" class=\"content-form\" novalidate>"
        html += StudioPage.csrfField(context)
        if let version = draft.version { html += "<input type=\"hidden\" name=\"\(versionField)\" value=\"\(HTMLText.escape(version))\">" }
        html += fields
        html += "<div class=\"field\"><label for=\"f-body\">正文（Markdown）</label>"
        html += "<p class=\"help\" id=\"h-body\">空一行分段；## 开头是小标题；- 开头是列表。按「预览正文」查看效果。</p>"
        html += "<textarea id=\"f-body\" name=\"\(bodyField)\" rows=\"12\" aria-describedby=\"h-body\">\n\(HTMLText.escape(draft.body))</textarea></div>"
        if let preview = draft.preview {
            html += "<section class=\"preview\" aria-labelledby=\"preview-title\"><h2 id=\"preview-title\">正文预览</h2>\(preview)</section>"
        }
        html += "<p class=\"buttons\"><button type=\"submit\">保存</button> <button type=\"submit\" name=\"__preview\" value=\"1\">预览正文</button></p>"
        html += "</form>"
        let title =
            draft.path == nil
            ? "新建\(form.kind.chineseName)" : "编辑：\(draft.fields.text("title") ?? draft.fields.text("name") ?? draft.fields.text("promiser") ?? "")"
        return StudioPage.response(title: title, context: context, main: html, status: status)
    }

    /// The file changed since the form was opened: nothing is written; both versions are shown.
    static func conflict(_ form: ContentForm, draft: Draft, old: OpenFile, context: StudioContext) -> Response {
        let mine = ContentCodec.encode(EditableDocument(kind: form.kind, fields: draft.fields, body: draft.body))
        var html = "<p role=\"alert\">这份内容在你打开之后已被别人（或在文本编辑器里）修改过，你的修改<strong>没有保存</strong>，现在的文件也没有被覆盖。"
        html += "请复制下面你的修改，<a href=\"/edit/\(HTMLText.escape(old.path))\">打开最新的内容</a>重新填写。</p>"
        html += "<div class=\"versions\"><section aria-labelledby=\"mine\"><h2 id=\"mine\">你的修改（未保存）</h2>"
        html += "<textarea readonly rows=\"16\" aria-labelledby=\"mine\">\n\(HTMLText.escape(String(decoding: mine, as: UTF8.self)))</textarea></section>"
        html += "<section aria-labelledby=\"theirs\"><h2 id=\"theirs\">现在的文件</h2>"
        html += "<pre class=\"source\">\(HTMLText.escape(String(decoding: ContentCodec.encode(old.document), as: UTF8.self)))</pre></section></div>"
        return StudioPage.response(title: "内容已被修改，未保存", context: context, main: html, status: .conflict)
    }
}
