import Hummingbird

/// The frame of every studio page: a skip link, the header (site title, the account with its roles, the nav and
/// 退出 as a POST form), the main content, one same-origin stylesheet.
public enum StudioPage {
    /// The nav: 待办, 新建, and 生成 for accounts that may publish.
    static let inbox = "/"
    static let newItem = "/new"
    static let build = "/build"

    public static func html(title: String, context: StudioContext, main: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title)) · 编辑平台</title><link rel="stylesheet" href="/static/studio.css"></head>
        <body><a class="skip" href="#main">跳到正文</a>
        \(header(context))
        <main id="main" tabindex="-1"><h1>\(HTMLText.escape(title))</h1>
        \(main)</main></body></html>
        """
    }

    public static func response(title: String, context: StudioContext, main: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html(title: title, context: context, main: main))))
    }

    /// The hidden CSRF field every `<form method="post">` carries.
    public static func csrfField(_ context: StudioContext) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(HTMLText.escape(context.csrfToken ?? ""))\">"
    }

    /// 403 with a Chinese explanation.
    public static func forbidden(_ context: StudioContext, _ message: String = "没有权限访问这个页面。") -> Response {
        response(title: "没有权限", context: context, main: "<p>\(HTMLText.escape(message))</p>\n<p><a href=\"/\">回到待办</a></p>", status: .forbidden)
    }

    private static func header(_ context: StudioContext) -> String {
        var header = "<header class=\"bar\"><p class=\"site\"><a href=\"/\">党务公开 · 编辑平台</a></p>"
        if let account = context.account {
            let roles = context.roleLabels.map(HTMLText.escape).joined(separator: "、")
            header += """
                <p class="who">\(HTMLText.escape(account.name))<span class="roles">\(roles)</span></p>
                <nav aria-label="主菜单"><ul>\(navItems(context))</ul>
                <form method="post" action="/logout">\(csrfField(context))<button type="submit">退出</button></form></nav>
                """
        }
        return header + "</header>"
    }

    private static func navItems(_ context: StudioContext) -> String {
        var items = [(inbox, "待办"), (inbox + "?show=all", "全部内容"), (newItem, "新建")]
        if context.mayPublish { items.append((build, "生成")) }
        return items.map { path, label in
            let current = context.requestPath == path ? " aria-current=\"page\"" : ""
            return "<li><a href=\"\(path)\"\(current)>\(label)</a></li>"
        }.joined()
    }
}
