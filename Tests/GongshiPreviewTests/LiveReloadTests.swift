import Testing

@testable import GongshiPreview

@Suite("Live reload script injection")
struct LiveReloadTests {
    @Test func goesBeforeTheClosingBodyTag() {
        let page = "<html><body><p>正文</p></body></html>"
        let injected = LiveReload.inject(into: page, version: 7)
        #expect(injected == "<html><body><p>正文</p><script src=\"/__gongshi/reload.js\" data-version=\"7\"></script>\n</body></html>")
    }

    @Test func usesTheLastClosingBodyTagInAnyCase() {
        let page = "<BODY><pre>&lt;/body&gt; </body> in text</pre></BODY>"
        let injected = LiveReload.inject(into: page, version: 1)
        let script = injected.range(of: "<script src=")!
        #expect(injected[script.upperBound...].contains("</BODY>"))
        #expect(injected[..<script.lowerBound].contains("</body> in text"))
    }

    @Test func isAppendedWhenThereIsNoBody() {
        let injected = LiveReload.inject(into: "<p>片段</p>", version: 2)
        #expect(injected.hasPrefix("<p>片段</p><script src="))
    }

    @Test func loadsNothingFromOutside() {
        let source = LiveReload.source
        #expect(!source.contains("http"))
        #expect(source.contains("fetch(\"/__gongshi/version\""))
        #expect(source.contains("setInterval"))
        #expect(source.contains("location.reload()"))
        #expect(PreviewRequest.target(forRawPath: "/__gongshi/reload.js") == .reloadScript)
    }
}
