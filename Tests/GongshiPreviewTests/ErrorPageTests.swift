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

    @Test func listsErrorsFirstThenTheCountOfWarningsByKindThenTheWarnings() {
        var many = (0..<30).map { Diagnostic(.warning, "content/disclosures/d\($0).md", line: 6, "未发布 \($0)", kind: .unpublished) }
        many.append(Diagnostic(.warning, "content/branches/a.md", line: 3, "手机号", kind: .mobileMasked))
        many.append(Diagnostic(.error, "content/pages/zz.md", line: 1, "缺少必填字段 title"))
        let page = ErrorPage.html(diagnostics: many)
        let error = page.range(of: "content/pages/zz.md:1: error: 缺少必填字段 title")
        let counts = page.range(of: "警告：未发布 30 条，手机号打码 1 条")
        let firstWarning = page.range(of: ": warning: ")
        #expect(error != nil && counts != nil && firstWarning != nil)
        if let error, let counts, let firstWarning {
            #expect(error.upperBound < counts.lowerBound)
            #expect(counts.upperBound < firstWarning.lowerBound)
        }
        #expect(page.contains("检查完成：1 个错误，31 个警告"))
    }

    @Test func aFailureThatIsNotAContentErrorSaysWhatFailed() {
        let warning = [Diagnostic(.warning, "content/disclosures/d.md", line: 6, "未发布", kind: .unpublished)]
        let page = ErrorPage.html(diagnostics: warning, failure: "写入输出目录失败（原站点保持不变）：No space left on device")
        #expect(!page.contains("0 个错误"))
        #expect(!page.contains("内容有错误"))
        #expect(page.contains("<h1>网站未能生成（不是内容的错误）</h1>"))
        #expect(page.contains("原因：写入输出目录失败（原站点保持不变）：No space left on device"))
        #expect(page.contains("内容检查没有发现错误（1 个警告）"))
    }
}
