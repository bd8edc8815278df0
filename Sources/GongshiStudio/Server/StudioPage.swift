import Hummingbird

/// The frame of every studio page: header with the account and 退出, the main content, one stylesheet.
/// (Skeleton: the server helper owns its look, the layout and accessibility.)
public enum StudioPage {
    public static func html(title: String, context: StudioContext, main: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title)) · 编辑平台</title></head>
        <body><main id="main"><h1>\(HTMLText.escape(title))</h1>\(main)</main></body></html>
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
        response(title: "没有权限", context: context, main: "<p>\(HTMLText.escape(message))</p>", status: .forbidden)
    }
}
