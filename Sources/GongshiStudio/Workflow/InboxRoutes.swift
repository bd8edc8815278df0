import Foundation
import GongshiKit
import Hummingbird

/// 待办 (`GET /`), a file's page with its workflow panel (`GET /view/<path>`) and its 历史 (`GET /history/<path>`).
/// Every route checks `.read` over the file's organisation on the server.
enum InboxRoutes {
    static let pageSize = 50

    static func register(on router: Router<StudioContext>, studio: Studio) {
        router.get("/") { request, context -> Response in
            guard let account = context.account else { return StudioPage.forbidden(context, "请先登录。") }
            return inbox(request, account: account, context: context, studio: studio)
        }
        router.get("/view/**") { request, context -> Response in
            guard let account = context.account else { return StudioPage.forbidden(context, "请先登录。") }
            let path = context.parameters.getCatchAll().joined(separator: "/")
            let saved = request.uri.queryParameters["saved"].map(String.init)
            return view(path, account: account, context: context, studio: studio, saved: saved)
        }
        router.get("/history/**") { _, context -> Response in
            guard let account = context.account else { return StudioPage.forbidden(context, "请先登录。") }
            let path = context.parameters.getCatchAll().joined(separator: "/")
            guard let (document, _) = try? studio.content.load(path), let org = document.org,
                studio.authorizer.allows(account, .read, org: org)
            else { return StudioPage.forbidden(context, "没有权限查看这份内容，或者它不存在。") }
            let main =
                WorkflowPanel.historyHTML(studio.history.events(for: path))
                + "<p><a href=\"/view/\(HTMLText.escape(path))\">返回这份内容</a></p>"
            return StudioPage.response(title: "历史：\(document.fields.text("title") ?? path)", context: context, main: main)
        }
    }

    /// What waits for `account` (草稿 it may submit, 待审核 it may review, 待审批 it may approve), or with
    /// `?show=all` everything it may read; `state`, `kind`, `q` filter, `page` pages by 50.
    static func inbox(_ request: Request, account: Account, context: StudioContext, studio: Studio) -> Response {
        let query = request.uri.queryParameters
        let showAll = query["show"] == "all"
        let wantedState = query["state"].map(String.init).flatMap(WorkflowState.init(rawValue:))
        let wantedKind = query["kind"].map(String.init).flatMap(ContentKind.init(rawValue:))
        let search = query["q"].map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        let page = max(1, query["page"].flatMap { Int(String($0)) } ?? 1)
        let kinds = [ContentKind.disclosures, .promises, .examples].filter { kind in wantedKind.map { $0 == kind } ?? true }
        let entries = kinds.flatMap { studio.content.list($0) }.filter { entry in
            guard let org = entry.org, let state = entry.state, studio.authorizer.allows(account, .read, org: org) else { return false }
            if let wantedState, state != wantedState { return false }
            if !search.isEmpty, !((entry.title ?? "").contains(search) || (entry.id ?? "").contains(search)) { return false }
            return showAll || waits(state: state, org: org, proposer: entry.proposer, for: account, studio: studio)
        }
        let pages = max(1, (entries.count + pageSize - 1) / pageSize)
        let shown = entries.dropFirst((min(page, pages) - 1) * pageSize).prefix(pageSize)
        var html = filterForm(showAll: showAll, state: wantedState, kind: wantedKind, search: search)
        html += "<p>\(showAll ? "可查看的内容" : "等你处理的")共 \(entries.count) 项\(pages > 1 ? "，第 \(min(page, pages))/\(pages) 页" : "")。</p>"
        if !shown.isEmpty {
            html +=
                "<table class=\"inbox\"><thead><tr><th scope=\"col\">标题</th><th scope=\"col\">类别</th><th scope=\"col\">组织</th><th scope=\"col\">状态</th></tr></thead><tbody>"
            for entry in shown {
                let org = entry.org.map { studio.tree.names[$0] ?? $0 } ?? ""
                html += "<tr><td><a href=\"/view/\(HTMLText.escape(entry.path))\">\(HTMLText.escape(entry.title ?? entry.path))</a></td>"
                html += "<td>\(entry.kind.chineseName)</td><td>\(HTMLText.escape(org))</td><td>\(entry.state?.rawValue ?? "")</td></tr>"
            }
            html += "</tbody></table>"
        }
        html += pager(page: min(page, pages), pages: pages, query: query)
        return StudioPage.response(title: "待办", context: context, main: html)
    }

    /// Whether an item in `state` waits for `account`: its next step is one this account may take.
    static func waits(state: WorkflowState, org: String, proposer: String?, for account: Account, studio: Studio) -> Bool {
        switch state {
        case .draft: return studio.authorizer.allows(account, .write, org: org)
        case .pendingReview:
            return studio.authorizer.allows(account, .review, org: org) && !(proposer.map { SignoffName.same($0, account.name) } ?? false)
        case .pendingApproval: return studio.authorizer.allows(account, .approve, org: org)
        case .approved, .reviewed: return false
        }
    }

    static func filterForm(showAll: Bool, state: WorkflowState?, kind: ContentKind?, search: String) -> String {
        func option(_ value: String, _ label: String, _ selected: Bool) -> String {
            "<option value=\"\(HTMLText.escape(value))\"\(selected ? " selected" : "")>\(HTMLText.escape(label))</option>"
        }
        var html = "<form class=\"filters\" method=\"get\" action=\"/\">"
        html += "<label for=\"show\">范围</label><select id=\"show\" name=\"show\">\(option("", "等我处理", !showAll))\(option("all", "全部可查看", showAll))</select>"
        html += "<label for=\"state\">状态</label><select id=\"state\" name=\"state\">\(option("", "全部", state == nil))"
        html += WorkflowState.allCases.map { option($0.rawValue, $0.rawValue, $0 == state) }.joined() + "</select>"
        html += "<label for=\"kind\">类别</label><select id=\"kind\" name=\"kind\">\(option("", "全部", kind == nil))"
        html += [ContentKind.disclosures, .promises, .examples].map { option($0.rawValue, $0.chineseName, $0 == kind) }.joined() + "</select>"
        html += "<label for=\"q\">标题或编号</label><input id=\"q\" name=\"q\" type=\"search\" value=\"\(HTMLText.escape(search))\">"
        return html + "<button type=\"submit\">筛选</button></form>"
    }

    static func pager(page: Int, pages: Int, query: Parameters) -> String {
        guard pages > 1 else { return "" }
        func link(_ target: Int, _ label: String) -> String {
            var items = query.filter { $0.key != "page" }.map { URLQueryItem(name: String($0.key), value: String($0.value)) }
            items.append(URLQueryItem(name: "page", value: String(target)))
            var components = URLComponents()
            components.path = "/"
            components.queryItems = items
            return "<a href=\"\(HTMLText.escape(components.string ?? "/"))\">\(label)</a>"
        }
        var html = "<nav class=\"pager\" aria-label=\"翻页\">"
        if page > 1 { html += link(page - 1, "上一页") }
        if page < pages { html += " " + link(page + 1, "下一页") }
        return html + "</nav>"
    }

    /// One file: its fields and body as written (read-only until the forms land), with the workflow panel.
    static func view(_ path: String, account: Account, context: StudioContext, studio: Studio, saved: String? = nil) -> Response {
        guard let (_, kind) = try? studio.content.location(of: path), let (bytes, version) = try? studio.content.read(path),
            let document = try? ContentCodec.decode(bytes, kind: kind, path: path), let org = document.org,
            studio.authorizer.allows(account, .read, org: org)
        else {
            return StudioPage.forbidden(context, "没有权限查看这份内容，或者它不存在。")
        }
        var html = ""
        if let saved { html += "<p class=\"note\" role=\"status\">已保存。\(saved == "1" ? "" : HTMLText.escape(saved))</p>" }
        if let note = Representability.of(bytes, kind: kind, path: path).note {
            html += "<p class=\"note\" role=\"note\">\(HTMLText.escape(note))</p>"
        } else {
            html += editLinks(document, path: path, account: account, studio: studio)
            html += WorkflowPanel.html(
                document: document, path: path, version: version, account: account, rules: studio.rules, history: studio.history,
                csrfField: StudioPage.csrfField(context))
        }
        html += "<p><a href=\"/preview/\(HTMLText.escape(path))\">预览</a></p>"
        html += "<section aria-labelledby=\"file-title\"><h2 id=\"file-title\">文件内容</h2><pre class=\"source\">"
        html += HTMLText.escape(String(decoding: bytes, as: UTF8.self)) + "</pre></section>"
        return StudioPage.response(title: document.fields.text("title") ?? document.fields.text("promiser") ?? path, context: context, main: html)
    }

    /// 编辑 and, on a promise letter, 记一笔践诺 for each item: for accounts that may write to the file.
    static func editLinks(_ document: EditableDocument, path: String, account: Account, studio: Studio) -> String {
        guard ContentForm.editable.contains(document.kind), let org = document.org, studio.authorizer.allows(account, .write, org: org)
        else { return "" }
        let escaped = HTMLText.escape(path)
        var html = "<p class=\"actions\"><a class=\"button\" href=\"/edit/\(escaped)\">编辑</a>"
        for target in UploadRoutes.Target.allCases where target.belongs(to: document.kind) {
            html += " <a class=\"button secondary\" href=\"/upload/\(escaped)?list=\(target.rawValue)\">上传\(target.noun)</a>"
        }
        html += "</p>"
        if document.kind == .promises, let items = document.fields["items"]?.listValue, !items.isEmpty {
            html += "<section aria-labelledby=\"jiannuo\"><h2 id=\"jiannuo\">践诺记录</h2><ul class=\"items\">"
            for (index, item) in items.enumerated() {
                let text = item.mapValue?.text("text") ?? "第 \(index + 1) 项"
                let count = item.mapValue?["progress"]?.listValue?.count ?? 0
                html += "<li>\(HTMLText.escape(text))（已记 \(count) 条）<a href=\"/progress/\(escaped)?item=\(index)\">记一笔践诺"
                html += "<span class=\"visually-hidden\">：\(HTMLText.escape(text))</span></a></li>"
            }
            html += "</ul></section>"
        }
        return html
    }
}
