import Foundation
import Testing

@testable import GongshiKit

@Suite("Reading awkward files")
struct SourceTextTests {
    @Test func invalidUTF8IsReportedWithItsByteAndLine() {
        let bytes = Data("---\nid: a\n".utf8) + Data([0xBD, 0xF0, 0xC7, 0xC5]) + Data("\n---\n".utf8)
        let result = SourceText.decode(bytes, path: "content/branches/a.md")
        guard case .failure(let diagnostic) = result else {
            Issue.record("GBK bytes must not decode as UTF-8")
            return
        }
        #expect(diagnostic.description == "content/branches/a.md:3: error: 文件不是 UTF-8 编码（第 11 个字节无法识别，可能是 GBK 编码）：请在编辑器中“另存为”UTF-8 编码后再生成")
    }

    @Test func validatorAgreesWithFoundation() {
        let samples: [[UInt8]] = [
            Array("公示 ok".utf8), [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8],
            [0x41, 0xFF], Array("𠀀".utf8),
        ]
        for sample in samples {
            let valid = String(validating: sample, as: UTF8.self) != nil
            #expect((SourceText.firstInvalidUTF8Offset(Data(sample)) == nil) == valid, "\(sample)")
        }
        #expect(SourceText.firstInvalidUTF8Offset(Data([0x41, 0x42, 0xFF])) == 2)
    }

    @Test func hugeFilesAreRefusedWithoutReadingThem() throws {
        let site = try TestSite(["site.yaml": Sample.site])
        let url = site.root.appendingPathComponent("content/pages/huge.md")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: url.path, contents: Data("---\nid: huge\ntitle: 大\n---\n".utf8))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 50 * 1024 * 1024)  // a 50 MB body (sparse, so the test itself stays cheap)
        try handle.close()
        let started = Date()
        let diagnostics = site.check()
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(diagnostics.map(\.description).contains("content/pages/huge.md:1: error: 文件过大（50.0 MB），上限为 5 MB：请把附件等大文件放在 content 之外，或拆分内容"))
    }
}
