import Foundation
import GongshiKit
import Testing

@testable import GongshiStudio

/// The form and its reader agree: every editable sample file, shown as a form and submitted as a browser would
/// without a change, reads back to exactly the same front matter, so saving it writes the same bytes.
@Suite struct FormRoundTripTests {
    @Test func everyEditableSampleFileSurvivesAnUnchangedSubmit() throws {
        let studio = TestStudio.make(source: sampleSite)
        let account = try #require(TestStudio.accounts.account(login: "jiedao-guanli"))
        var checked = 0
        var different: [String] = []
        for file in try sampleFiles() where ContentForm.editable.contains(file.kind) {
            guard Representability.of(file.bytes, kind: file.kind, path: file.path).isEditable else { continue }
            let document = try ContentCodec.decode(file.bytes, kind: file.kind, path: file.path)
            let form = ContentForm(kind: file.kind, studio: studio, account: account)
            var messages = FieldMessages()
            let html =
                "<form method=\"post\" action=\"/x\">"
                + form.fieldsHTML(values: document.fields, messages: &messages, origins: nil, isNew: false) + "</form>"
            let submitted = FormData(FormScraper.fields(in: html))
            let (fields, _) = form.read(submitted, over: document.fields, isNew: false)
            checked += 1
            if fields != document.fields { different.append(file.path) }
        }
        #expect(checked >= 50)
        #expect(different == [])
    }

    @Test func anEmptiedOptionalFieldIsRemovedAndARemovedRowIsDropped() throws {
        let studio = TestStudio.make(source: sampleSite)
        let account = try #require(TestStudio.accounts.account(login: "jinqiao-shuji"))
        let path = "content/promises/liufang-2026.md"
        let bytes = [UInt8](try Data(contentsOf: sampleSite.appendingPathComponent(path)))
        let document = try ContentCodec.decode(bytes, kind: .promises, path: path)
        let form = ContentForm(kind: .promises, studio: studio, account: account)
        var messages = FieldMessages()
        let html =
            "<form method=\"post\" action=\"/x\">" + form.fieldsHTML(values: document.fields, messages: &messages, origins: nil, isNew: false) + "</form>"
        var fields = FormScraper.fields(in: html)
        fields.append(("items.0.__remove", "1"))
        fields = fields.map { $0.0 == "items.1.progress.0.text" ? ($0.0, "  改写的践诺记录  ") : $0 }
        let (read, origins) = form.read(FormData(fields), over: document.fields, isNew: false)
        let items = try #require(read["items"]?.listValue)
        let oldItems = try #require(document.fields["items"]?.listValue)
        #expect(items.count == oldItems.count - 1)
        #expect(items[0].mapValue?["progress"]?.listValue?.first?.mapValue?.text("text") == "改写的践诺记录")
        #expect(items[0].mapValue?.text("text") == oldItems[1].mapValue?.text("text"))
        #expect(origins["items"]?.first == 1)
    }
}
