import GongshiKit

/// The page every HTML request gets while the latest build has errors, so the secretary sees the problem
/// instead of the previous site.
public enum ErrorPage {
    /// A complete HTML document listing the errors, then the count of warnings by kind, then the warnings, each as
    /// `path:line: error|warning: message`, then the summary line: the same order as the terminal (`DiagnosticListing`).
    /// `failure` is why the site could not be made although the content checked out (disk full, no permission, the
    /// lock): the page then says so instead of a summary of "0 errors".
    public static func html(diagnostics: [Diagnostic], failure: String? = nil) -> String {
        let listing = DiagnosticListing(diagnostics)
        func items(_ list: [Diagnostic]) -> String {
            list.map { "<li class=\"\($0.severity.rawValue)\"><code>\(HTMLText.escape($0.description))</code></li>\n" }.joined()
        }
        var sections = ""
        if !listing.errors.isEmpty {
            sections += "<h2>错误（\(listing.errors.count) 个）</h2>\n<ul class=\"diagnostics errors\">\n\(items(listing.errors))</ul>\n"
        }
        if let counts = listing.warningCountLine {
            sections += "<h2>警告（\(listing.warnings.count) 个）</h2>\n<p class=\"warning-counts\">\(HTMLText.escape(counts))</p>\n"
            sections += "<ul class=\"diagnostics warnings\">\n\(items(listing.warnings))</ul>\n"
        }
        let contentFailed = failure == nil || !listing.errors.isEmpty
        let heading = contentFailed ? "内容有错误，网站未生成" : "网站未能生成（不是内容的错误）"
        let failureParagraph = failure.map { "<p class=\"error\">原因：\(HTMLText.escape($0))</p>\n" } ?? ""
        let summary =
            contentFailed
            ? listing.summary : "内容检查没有发现错误（\(listing.warnings.count) 个警告），但网站未能生成，原因见上；排除后保存任意文件即可重新生成"
        let advice = contentFailed ? "请按下面的提示修改文件（路径:行号）。" : "内容本身没有错误。"
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(heading) - gongshi 预览</title>
            <style>
            body { font-family: sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.6; color: #222; }
            h1 { color: #b00; font-size: 1.5rem; }
            h2 { font-size: 1.2rem; }
            ul { padding-left: 1.2rem; }
            li { margin: .4rem 0; }
            code { white-space: pre-wrap; word-break: break-all; }
            .error code, p.error { color: #b00; }
            .warning code { color: #8a5a00; }
            </style>
            </head>
            <body>
            <h1>\(heading)</h1>
            <p>\(advice)保存后预览会自动重新生成，本页也会自动刷新。</p>
            \(failureParagraph)\(sections)<p class="summary"><strong>\(HTMLText.escape(summary))</strong></p>
            </body>
            </html>

            """
    }
}

/// HTML escaping for text placed in elements or attribute values: the engine's one escaping function.
enum HTMLText {
    static func escape(_ text: String) -> String { text.xmlEscaped }
}
