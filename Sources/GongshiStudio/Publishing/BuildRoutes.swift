import Foundation
import GongshiKit
import HTTPTypes
import Hummingbird

/// 生成: `GET /build` shows 开始生成 and the last report, `POST /build` starts `SiteBuilder.build` on the site's real
/// output and answers 303 to `GET /build`. Only accounts with 审批 or 管理 (`.publish`); everyone else gets 403, a
/// forged POST too (the CSRF token is checked by `StudioGate`).
enum BuildRoutes {
    /// The audit log's action name of a build.
    static let action = "生成"
    static let busy = "另一个生成正在进行"

    static func register(on router: Router<StudioContext>, studio: Studio) {
        router.get(RouterPath(StudioPage.build)) { request, context -> Response in
            guard let account = context.account, studio.authorizer.allows(account, .publish, org: "") else {
                return StudioPage.forbidden(context)
            }
            let busyNote = request.uri.queryParameters["busy"] != nil
            return page(context: context, studio: studio, busyNote: busyNote)
        }
        router.post(RouterPath(StudioPage.build)) { _, context -> Response in
            guard let account = context.account, studio.authorizer.allows(account, .publish, org: "") else {
                return StudioPage.forbidden(context)
            }
            let started = studio.builds.start(options(studio), by: account) { report in
                let event = AuditEvent(
                    time: report.finished, account: account, action: action, path: studio.settings.outputDirectory.path,
                    reason: summary(report))
                try? studio.history.appendOnly(event)
            }
            return Response(status: .seeOther, headers: [.location: StudioPage.build + (started ? "" : "?busy=1")])
        }
    }

    /// The site's real build: the studio's source, templates and output, today's date.
    static func options(_ studio: Studio) -> BuildOptions {
        studio.settings.buildOptions()
    }

    static func page(context: StudioContext, studio: Studio, busyNote: Bool) -> Response {
        let (running, last) = studio.builds.state
        var html = ""
        if busyNote { html += "<p class=\"note\" role=\"status\">\(busy)，本次没有开始。</p>" }
        if running {
            // Refreshes itself until the report is there (no script: the CSP allows none inline).
            html += "<p class=\"note\" role=\"status\">正在生成…</p><p><a href=\"\(StudioPage.build)\">刷新</a></p>"
            var response = StudioPage.response(title: "生成", context: context, main: html)
            response.headers[HTTPField.Name("Refresh")!] = "2"
            return response
        }
        html += """
            <form method="post" action="\(StudioPage.build)">\(StudioPage.csrfField(context))\
            <p>把当前内容生成网站并发布到 <code>\(HTMLText.escape(studio.settings.outputDirectory.path))</code>；有错误时不改动已发布的网站。</p>\
            <button type="submit">开始生成</button></form>
            """
        if let last { html += reportHTML(last) }
        return StudioPage.response(title: "生成", context: context, main: html)
    }

    /// One line for the audit log and the report's heading.
    static func summary(_ report: StudioBuilds.Report) -> String {
        switch report.status {
        case .published:
            let publish = report.publish ?? PublishResult()
            return "已发布：新写 \(publish.written) 个文件，沿用 \(publish.reused) 个，删除 \(publish.removed) 个"
        case .contentErrors: return "有 \(report.errors.count) 个错误，未生成网站，已发布的网站保持不变"
        case .locked: return "\(busy)，本次没有生成：\(report.failure ?? "")"
        case .failed: return "生成失败，已发布的网站保持不变：\(report.failure ?? "")"
        }
    }

    /// Errors first (`path:line: error: message`, as `gongshi check` prints them), then the withheld items with
    /// their reasons, then the counts.
    static func reportHTML(_ report: StudioBuilds.Report) -> String {
        let time = DateFormatter.localizedString(from: report.finished, dateStyle: .short, timeStyle: .medium)
        var html = "<section aria-labelledby=\"report\"><h2 id=\"report\">上一次生成</h2>"
        html += "<p>\(HTMLText.escape(report.name))（\(HTMLText.escape(report.login))）于 \(HTMLText.escape(time)) 完成。</p>"
        html += "<p class=\"note\" role=\"status\">\(HTMLText.escape(summary(report)))。</p>"
        if !report.errors.isEmpty {
            html += "<h3>错误（\(report.errors.count)）</h3><ul class=\"errors\">"
            html += report.errors.map { "<li><code>\(HTMLText.escape($0.description))</code></li>" }.joined()
            html += "</ul>"
        }
        if !report.withheld.isEmpty {
            html += "<h3>未发布（\(report.withheld.count)）</h3><ul class=\"withheld\">"
            html += report.withheld.map { "<li><code>\(HTMLText.escape($0.path))</code>（\(HTMLText.escape($0.id))）：\(HTMLText.escape($0.reason))</li>" }
                .joined()
            html += "</ul>"
        }
        if !report.counts.isEmpty {
            let names = ["branches": "组织", "promises": "承诺书", "disclosures": "党务公开", "examples": "事例", "pages": "页面"]
            html += "<h3>数量</h3><ul class=\"counts\">"
            html += report.counts.sorted { $0.key < $1.key }.map { "<li>\(names[$0.key] ?? HTMLText.escape($0.key))：\($0.value)</li>" }.joined()
            html += "</ul>"
        }
        return html + "</section>"
    }
}
