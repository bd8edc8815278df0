/// The workflow panel the record page (`GET /edit/<path>`, `Content/`) embeds: the state, the procedure record,
/// the latest 退回 reason, and only the buttons this account may press (each a form posting to `/action` with `csrfField`, i.e. `StudioPage.csrfField(context)`).
public enum WorkflowPanel {
    public static func html(
        document: EditableDocument, path: String, version: String, account: Account, rules: WorkflowRules,
        history: ChangeRecorder, csrfField: String
    ) -> String {
        guard let state = WorkflowState(of: document) else { return "" }
        var html = "<section class=\"workflow\" aria-labelledby=\"workflow-title\"><h2 id=\"workflow-title\">审核流程</h2>"
        html += "<p>当前状态：<strong class=\"state\">\(state.rawValue)</strong></p><dl>"
        for (key, label) in [("proposed", "提出"), ("reviewed", "审核"), ("approved", "审批")] {
            guard case .map(let signoff) = document.fields[key], let by = signoff.text("by") else { continue }
            let date = signoff.text("date").map { "，\($0)" } ?? ""
            html += "<dt>\(label)</dt><dd>\(HTMLText.escape(by))\(HTMLText.escape(date))</dd>"
        }
        html += "</dl>"
        if state == .draft, let returned = history.lastReturn(of: path) {
            html += "<p class=\"returned\" role=\"status\">被 \(HTMLText.escape(returned.name)) 退回：\(HTMLText.escape(returned.reason ?? ""))</p>"
        }
        for action in rules.actions(on: document, by: account, creator: history.creator(of: path)) {
            html += "<form method=\"post\" action=\"/action\">\(csrfField)"
            html += hidden("path", path) + hidden("version", version) + hidden("action", action.rawValue)
            if action == .reject {
                html += "<label>退回原因 <textarea name=\"reason\" required></textarea></label>"
            }
            html += "<button type=\"submit\">\(action.label)</button></form>"
        }
        html += "<p><a href=\"/history/\(HTMLText.escape(path))\">查看历史</a></p></section>"
        return html
    }

    /// The 历史 list of a file: who did what when, newest first, with reasons.
    public static func historyHTML(_ events: [AuditEvent]) -> String {
        guard !events.isEmpty else { return "<p>还没有记录。</p>" }
        var html = "<ol class=\"history\">"
        for event in events {
            let reason = event.reason.map { "：\(HTMLText.escape($0))" } ?? ""
            html += "<li><time>\(HTMLText.escape(event.time))</time> \(HTMLText.escape(event.name))（\(HTMLText.escape(event.login))）"
            html += " \(HTMLText.escape(event.action))\(reason)</li>"
        }
        return html + "</ol>"
    }

    private static func hidden(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(name)\" value=\"\(HTMLText.escape(value))\">"
    }
}
