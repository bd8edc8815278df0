import Foundation
import GongshiKit
import Hummingbird

/// 记一笔践诺 (`GET|POST /progress/<path>?item=N`): one 践诺 record — 日期 and 做了什么 (and 本次完成数量 when the
/// item has a target) — appended to one item of a promise letter, on a form small enough for a phone. Checked like
/// every save; the letter's review stays (a record of what was done is not a change of what was promised), the
/// account and time go into the history.
enum ProgressRoutes {
    static func register(on router: Router<StudioContext>, studio: Studio) {
        router.get("/progress/**") { request, context -> Response in
            guard let account = context.account else { return StudioPage.forbidden(context, "请先登录。") }
            let path = context.parameters.getCatchAll().joined(separator: "/")
            let index = request.uri.queryParameters["item"].flatMap { Int(String($0)) } ?? 0
            switch letterItem(path, index: index, account: account, studio: studio) {
            case .failure(let refusal): return refusal.response(context)
            case .success(let (file, item)):
                let values = FrontMap([.init(key: "date", value: .text(studio.settings.today().description))])
                return page(file, index: index, item: item, values: values, messages: FieldMessages(), context: context)
            }
        }
        router.post("/progress/**") { request, context -> Response in
            guard let account = context.account else { return StudioPage.forbidden(context, "请先登录。") }
            let path = context.parameters.getCatchAll().joined(separator: "/")
            let data = try await EditRoutes.formData(request)
            let index = data["item"].flatMap(Int.init) ?? -1
            switch letterItem(path, index: index, account: account, studio: studio) {
            case .failure(let refusal): return refusal.response(context)
            case .success(let (file, item)):
                var entry = FrontMap()
                for rule in rules(for: item) {
                    let text = FormReader.normalised(data[rule.key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                    if !text.isEmpty { entry[rule.key] = .text(text) }
                }
                guard data[EditRoutes.versionField] == file.version else {
                    var draft = EditRoutes.Draft(path: path, version: file.version, fields: file.document.fields, body: file.document.body)
                    draft.fields = appending(entry, to: index, in: file.document.fields)
                    return EditRoutes.conflict(ContentForm(kind: .promises, studio: studio, account: account), draft: draft, old: file, context: context)
                }
                var document = file.document
                document.fields = appending(entry, to: index, in: document.fields)
                let bytes = ContentCodec.encode(document)
                let messages = EditRoutes.validate(bytes, path: path, studio: studio)
                if messages.hasErrors || entry.entries.isEmpty {
                    // Messages about the new record are on the lines of `items.N.progress.M`: shown on its fields.
                    let position = item["progress"]?.listValue?.count ?? 0
                    var shown = messages.renaming(prefix: "items.\(index).progress.\(position).")
                    if entry.entries.isEmpty { shown = FieldMessages(placing: "text", "请填写日期和做了什么") }
                    return page(file, index: index, item: item, values: entry, messages: shown, context: context, status: .unprocessableContent)
                }
                do {
                    let after = try studio.content.write(path, bytes: bytes, expectedVersion: file.version)
                    let event = AuditEvent(
                        account: account, action: "记践诺", path: path, id: document.fields.text("id"), org: document.org,
                        before: file.version, after: after)
                    let warning = try? studio.history.record(event)
                    return EditRoutes.saved(path: path, notice: (warning ?? nil) ?? "已记一笔践诺。")
                } catch is ContentStore.Conflict {
                    return Response(status: .seeOther, headers: [.location: "/progress/\(path)?item=\(index)"])
                } catch {
                    return StudioPage.response(
                        title: "保存失败", context: context, main: "<p role=\"alert\">保存失败，文件没有改动。</p>", status: .internalServerError)
                }
            }
        }
    }

    /// The fields of one record: date, text, and count for an item with a target (the schema's `progress` rules).
    static func rules(for item: FrontMap) -> [FieldRule] {
        progressRules.filter { rule in
            rule.key == "date" || rule.key == "text" || (rule.key == "count" && item["target"] != nil)
        }
    }

    /// The schema's rules of one promise item, and of one 践诺 record in it.
    static let itemRules: [FieldRule] = {
        guard case .list(.mapping(let rules), _)? = ContentKind.promises.rules().first(where: { $0.key == "items" })?.value else { return [] }
        return rules
    }()
    static let progressRules: [FieldRule] = {
        guard case .list(.mapping(let rules), _)? = itemRules.first(where: { $0.key == "progress" })?.value else { return [] }
        return rules
    }()

    static func letterItem(_ path: String, index: Int, account: Account, studio: Studio) -> Result<(EditRoutes.OpenFile, FrontMap), EditRoutes.Refusal> {
        switch EditRoutes.open(path, account: account, studio: studio) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let file):
            guard file.document.kind == .promises, let items = file.document.fields["items"]?.listValue, items.indices.contains(index),
                let item = items[index].mapValue
            else { return .failure(.forbidden("这封承诺书没有这一项承诺事项。")) }
            return .success((file, item))
        }
    }

    static func appending(_ entry: FrontMap, to index: Int, in fields: FrontMap) -> FrontMap {
        guard !entry.entries.isEmpty, var items = fields["items"]?.listValue, items.indices.contains(index), var item = items[index].mapValue
        else { return fields }
        let progress = (item["progress"]?.listValue ?? []) + [.map(entry)]
        FormReader.set("progress", .list(progress), in: &item, order: itemRules.map(\.key))
        items[index] = .map(item)
        var fields = fields
        fields["items"] = .list(items)
        return fields
    }

    static func page(
        _ file: EditRoutes.OpenFile, index: Int, item: FrontMap, values: FrontMap, messages: FieldMessages, context: StudioContext,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let summary = messages.all
        var html = "<p class=\"item\"><span class=\"label\">承诺事项</span> \(HTMLText.escape(item.text("text") ?? ""))</p>"
        if !summary.isEmpty {
            html += "<div class=\"summary\" role=\"alert\"><h2>未保存，请改正</h2><ul>"
            html += summary.map { "<li>\(HTMLText.escape($0.text))</li>" }.joined() + "</ul></div>"
        }
        html += "<form method=\"post\" action=\"/progress/\(HTMLText.escape(file.path))\" class=\"content-form\" novalidate>"
        html += StudioPage.csrfField(context)
        html += "<input type=\"hidden\" name=\"\(EditRoutes.versionField)\" value=\"\(HTMLText.escape(file.version))\">"
        html += "<input type=\"hidden\" name=\"item\" value=\"\(index)\">"
        var renderer = FormRenderer(organisations: [], messages: messages, origins: nil)
        for rule in rules(for: item) {
            html += renderer.single(rule, name: rule.key, path: ["items", "progress", rule.key], value: values[rule.key])
        }
        html += "<p class=\"buttons\"><button type=\"submit\">保存这条践诺记录</button></p></form>"
        html += "<p><a href=\"/view/\(HTMLText.escape(file.path))\">返回承诺书</a></p>"
        return StudioPage.response(title: "记一笔践诺", context: context, main: html, status: status)
    }
}
