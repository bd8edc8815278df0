import GongshiKit
import Testing

@testable import GongshiPreview

@Suite("Error page")
struct ErrorPageTests {
    let diagnostics = [
        Diagnostic(.error, "content/disclosures/<d>.md", line: 6, "字段 scope 的值「<script>alert('x')</script>」不在允许范围内"),
        Diagnostic(.warning, "content/branches/b.md", line: 3, "未知字段 nmae & 其他，已忽略"),
    ]

    @Test func listsEveryDiagnosticAsPathLineSeverityMessage() {
        let page = ErrorPage.html(diagnostics: diagnostics)
        #expect(page.contains("content/disclosures/&lt;d&gt;.md:6: error: 字段 scope 的值「&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;」不在允许范围内"))
        #expect(page.contains("content/branches/b.md:3: warning: 未知字段 nmae &amp; 其他，已忽略"))
        #expect(page.contains("检查完成：1 个错误，1 个警告"))
    }

    @Test func neverEchoesMarkupFromContent() {
        let page = ErrorPage.html(diagnostics: diagnostics, failure: "磁盘已满 <b>")
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<d>"))
        #expect(page.contains("磁盘已满 &lt;b&gt;"))
    }

    @Test func isAChinesePage() {
        let page = ErrorPage.html(diagnostics: diagnostics)
        #expect(page.contains("<html lang=\"zh-CN\">"))
        #expect(page.contains("<h1>内容有错误，网站未生成</h1>"))
        #expect(page.contains("<meta charset=\"utf-8\">"))
    }

    @Test func escapesAllFiveCharacters() {
        #expect(HTMLText.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }
}
