import Foundation
import GongshiKit
import Testing

@testable import GongshiStudio

/// The sample site at the repository root.
let sampleSite = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func sampleFiles() throws -> [(path: String, kind: ContentKind, bytes: [UInt8])] {
    var files: [(String, ContentKind, [UInt8])] = []
    for kind in ContentKind.allCases {
        let folder = sampleSite.appendingPathComponent("content/\(kind.rawValue)")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".md") {
            files.append(("content/\(kind.rawValue)/\(name)", kind, [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))))
        }
    }
    return files
}

@Suite struct ContentCodecTests {
    @Test func everySampleFileIsEditableAndWrittenBackByteForByte() throws {
        let files = try sampleFiles()
        #expect(files.count >= 50)
        var changed: [String] = []
        var readOnly: [String] = []
        for file in files {
            if !Representability.of(file.bytes, kind: file.kind, path: file.path).isEditable {
                readOnly.append(file.path)
                continue
            }
            let document = try ContentCodec.decode(file.bytes, kind: file.kind, path: file.path)
            let written = ContentCodec.encode(document)
            if written != file.bytes {
                let a = String(decoding: file.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let b = String(decoding: written, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let line = Array(zip(a, b)).firstIndex { $0.0 != $0.1 } ?? min(a.count, b.count)
                changed.append("\(file.path):\(line + 1): \(a.count > line ? a[line] : "") | \(b.count > line ? b[line] : "")")
            }
        }
        // The one sample file with comments (it explains how its photo was made) opens read-only.
        #expect(readOnly == ["content/promises/jinqiao-shequ-2026.md"])
        #expect(changed == [])
    }

    @Test func encodingIsStableAndLoadsAsTheSameRecords() throws {
        let config = try #require(
            ContentLoader.loadSiteConfig(String(decoding: try Data(contentsOf: sampleSite.appendingPathComponent("site.yaml")), as: UTF8.self)).0)
        var originals: [SourceFile] = []
        var rewritten: [SourceFile] = []
        for file in try sampleFiles() {
            var document = try ContentCodec.decode(file.bytes, kind: file.kind, path: file.path)
            // Reordered to the schema, as new files are: same records, same stable bytes.
            document.fields = ContentCodec.ordered(document.fields, kind: file.kind)
            let once = ContentCodec.encode(document)
            let twice = ContentCodec.encode(try ContentCodec.decode(once, kind: file.kind, path: file.path))
            #expect(once == twice, "\(file.path)")
            originals.append(SourceFile(path: file.path, kind: file.kind, text: String(decoding: file.bytes, as: UTF8.self)))
            rewritten.append(SourceFile(path: file.path, kind: file.kind, text: String(decoding: once, as: UTF8.self)))
        }
        let before = ContentLoader.load(originals, config: config)
        let after = ContentLoader.load(rewritten, config: config)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(before.disclosures) == encoder.encode(after.disclosures))
        #expect(try encoder.encode(before.promises) == encoder.encode(after.promises))
        #expect(try encoder.encode(before.examples) == encoder.encode(after.examples))
        #expect(try encoder.encode(before.branches) == encoder.encode(after.branches))
        #expect(before.diagnostics.map(\.message) == after.diagnostics.map(\.message))
    }

    @Test(arguments: [
        "2026", "2026-10-12", "yes", "No", "null", "~", "a: b", "标题 #1", " 前导空格", "尾随空格 ", "", "-开头", "[通知] 关于",
        "引号\"里", "反斜杠\\", "3.14", ".5", "1e3", "tab\tin", "@某人", "%", "`代码`", "！感叹", "：冒号", "\u{3000}全角空格",
    ])
    func awkwardTextsSurviveAsText(_ text: String) throws {
        var fields = FrontMap()
        fields["id"] = .text("a")
        fields["title"] = .text(text)
        fields["people"] = .list([.text(text), .text("张三")])
        fields["proposed"] = .map(FrontMap([.init(key: "by", value: .text(text)), .init(key: "date", value: .text("2026-01-02"))]))
        let document = EditableDocument(kind: .examples, fields: fields, body: "正文\n")
        let bytes = ContentCodec.encode(document)
        #expect(try ContentCodec.decode(bytes, kind: .examples) == document, "\(String(decoding: bytes, as: UTF8.self))")
        #expect(Representability.of(bytes, kind: .examples) == .editable)
        // GongshiKit reads it as text too (a plain `yes` would be a boolean).
        let yaml = try ContentCodec.split(bytes, path: "").yaml
        let title = try #require(try ContentCodec.compose(yaml)?.mapping?["title"])
        #expect(title.tag.rawValue == "tag:yaml.org,2002:str")
    }

    @Test func textsOfSeveralLinesAreLiteralBlocks() throws {
        for text in ["第一行\n第二行", "第一行\n\n第三行", "  缩进开头\n第二行", "末尾两个换行\n\n", "# 不是注释\n第二行"] {
            var fields = FrontMap()
            fields["summary"] = .text(text)
            let document = EditableDocument(kind: .examples, fields: fields, body: "")
            let bytes = ContentCodec.encode(document)
            #expect(try ContentCodec.decode(bytes, kind: .examples) == document, "\(String(decoding: bytes, as: UTF8.self))")
            #expect(Representability.of(bytes, kind: .examples) == .editable, "\(String(decoding: bytes, as: UTF8.self))")
        }
        let bytes = ContentCodec.encode(EditableDocument(kind: .examples, fields: FrontMap([.init(key: "summary", value: .text("甲\n乙"))]), body: ""))
        #expect(String(decoding: bytes, as: UTF8.self) == "---\nsummary: |-\n  甲\n  乙\n---\n")
    }

    @Test func typedFieldsArePlainAndTextLookingTypedIsQuoted() throws {
        var fields = FrontMap()
        fields["id"] = .text("x-2026")
        fields["branch"] = .text("jinqiao")
        fields["year"] = .text("2026")
        fields["promiser"] = .text("2026")
        fields["published"] = .text("2026-02-12")
        let text = String(decoding: ContentCodec.encode(EditableDocument(kind: .promises, fields: fields, body: "")), as: UTF8.self)
        #expect(text == "---\nid: x-2026\nbranch: jinqiao\nyear: 2026\npromiser: \"2026\"\npublished: 2026-02-12\n---\n")
    }

    @Test(arguments: [
        ("---\nid: a # 注释\ntitle: 标题\n---\n", "注释"),
        ("---\n# 整行注释\nid: a\n---\n", "注释"),
        ("---\nid: &x a\ntitle: *x\n---\n", "锚点"),
        ("---\nid: !!str a\n---\n", "标签"),
        ("---\nid: a\ntitle:\n---\n", "没有值"),
        ("---\nid: a\ntitle: yes\n---\n", "含义会变"),
        ("---\n%YAML 1.1\nid: a\n---\n", "指令"),
        ("---\nid: [a\n---\n", "YAML"),
    ])
    func lossyFilesOpenReadOnly(_ text: String, _ reason: String) {
        let result = Representability.of(Array(text.utf8), kind: .examples)
        #expect(result.note?.contains(reason) == true, "\(result)")
    }

    @Test func hashInsideQuotesOrWordsIsNotAComment() {
        for text in ["---\nid: a\ntitle: \"第 #1 号\"\n---\n", "---\nid: a\ntitle: C#语言\n---\n", "---\nid: a\ntitle: 'it''s # x'\n---\n"] {
            #expect(Representability.of(Array(text.utf8), kind: .examples) == .editable, "\(text)")
        }
    }

    @Test func newKeysGoToTheirSchemaPlace() {
        var fields = FrontMap([.init(key: "id", value: .text("a")), .init(key: "title", value: .text("t")), .init(key: "date", value: .text("2026-01-01"))])
        ContentCodec.set("branch", .text("b"), in: &fields, kind: .examples)
        ContentCodec.set("summary", .text("s"), in: &fields, kind: .examples)
        #expect(fields.keys == ["id", "title", "branch", "date", "summary"])
    }
}
