import Testing

@testable import GongshiPreview

@Suite("Live reload script injection")
struct LiveReloadTests {
    @Test func goesBeforeTheClosingBodyTag() {
        let page = "<html><body><p>正文</p></body></html>"
        let injected = LiveReload.inject(into: page, version: 7)
        #expect(injected.hasPrefix("<html><body><p>正文</p><script>"))
        #expect(injected.hasSuffix("</script>\n</body></html>"))
        #expect(injected.contains("var shown = \"7\";"))
        #expect(injected.contains("fetch(\"/__gongshi/version\""))
    }

    @Test func usesTheLastClosingBodyTagInAnyCase() {
        let page = "<BODY><pre>&lt;/body&gt; </body> in text</pre></BODY>"
        let injected = LiveReload.inject(into: page, version: 1)
        let script = injected.range(of: "<script>")!
        #expect(injected[script.upperBound...].contains("</BODY>"))
        #expect(injected[..<script.lowerBound].contains("</body> in text"))
    }

    @Test func isAppendedWhenThereIsNoBody() {
        let injected = LiveReload.inject(into: "<p>片段</p>", version: 2)
        #expect(injected.hasPrefix("<p>片段</p><script>"))
    }

    @Test func loadsNothingFromOutside() {
        let script = LiveReload.script(version: 3)
        #expect(!script.contains("src="))
        #expect(!script.contains("http"))
        #expect(script.contains("setInterval"))
        #expect(script.contains("location.reload()"))
    }
}
