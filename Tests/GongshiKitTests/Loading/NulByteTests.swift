import Foundation
import Testing

@testable import GongshiKit

/// libcmark and libyaml read C strings, so a NUL byte would silently cut a file short: it is an error instead.
@Suite("NUL bytes in content files")
struct NulByteTests {
    @Test(arguments: [
        ("---\nid: a\nname: 甲\u{0}乙\n---\n正文\n", 3, 20),
        ("---\nid: a\n---\n第一段\n\n第二段\u{0}以后的内容\n", 6, 35),
        ("\u{0}", 1, 1),
    ])
    func aNulByteIsAnErrorWithItsByteAndLine(_ text: String, _ line: Int, _ byte: Int) {
        guard case .failure(let diagnostic) = SourceText.decode(Data(text.utf8), path: "content/pages/a.md") else {
            Issue.record("a NUL byte must not decode")
            return
        }
        #expect(diagnostic.path == "content/pages/a.md")
        #expect(diagnostic.line == line)
        #expect(diagnostic.message.contains("空字符") && diagnostic.message.contains("第 \(byte) 个字节"), "\(diagnostic.message)")
    }

    @Test func aSiteWithANulByteInABodyIsNotBuilt() throws {
        let site = try BuildEndToEndTests.smallSite()
        try site.write("content/pages/about.md", "---\nid: about\ntitle: 关于本站\n---\n本站说明。\u{0}后面的话\n")
        let errors = site.check().filter { $0.severity == .error }
        #expect(errors.map(\.path) == ["content/pages/about.md"])
        #expect(errors.first?.line == 5)
        try site.write("site.yaml", Sample.site + "\ncontact: 电话\u{0}\n")
        #expect(site.check().contains { $0.path == "site.yaml" && $0.severity == .error && $0.message.contains("空字符") })
    }
}
