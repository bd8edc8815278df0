import GongshiKit

/// The page every HTML request gets while the latest build has errors, so the secretary sees the problem
/// instead of the previous site.
public enum ErrorPage {
    /// A complete HTML document listing each diagnostic as `path:line: error|warning: message`, then the summary line.
    /// `failure` is a write failure (disk full, no permission) that happened after the content checked out.
    public static func html(diagnostics: [Diagnostic], failure: String? = nil) -> String {
        var items = ""
        for diagnostic in diagnostics {
            let kind = diagnostic.severity == .error ? "error" : "warning"
            items += "<li class=\"\(kind)\"><code>\(HTMLText.escape(diagnostic.description))</code></li>\n"
        }
        let failureParagraph = failure.map { "<p class=\"error\">\(HTMLText.escape($0))</p>\n" } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>内容有错误，网站未生成 - gongshi 预览</title>
            <style>
            body { font-family: sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.6; color: #222; }
            h1 { color: #b00; font-size: 1.5rem; }
            ul { padding-left: 1.2rem; }
            li { margin: .4rem 0; }
            code { white-space: pre-wrap; word-break: break-all; }
            .error code, p.error { color: #b00; }
            .warning code { color: #8a5a00; }
            </style>
            </head>
            <body>
            <h1>内容有错误，网站未生成</h1>
            <p>请按下面的提示修改文件（路径:行号）。保存后预览会自动重新生成，本页也会自动刷新。</p>
            \(failureParagraph)<ul class="diagnostics">
            \(items)</ul>
            <p class="summary"><strong>\(HTMLText.escape(diagnostics.summary))</strong></p>
            </body>
            </html>

            """
    }
}

/// HTML escaping for text placed in elements or attribute values: the engine's one escaping function.
enum HTMLText {
    static func escape(_ text: String) -> String { text.xmlEscaped }
}
