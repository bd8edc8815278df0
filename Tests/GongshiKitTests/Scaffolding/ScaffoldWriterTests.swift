import Foundation
import Testing

@testable import GongshiKit

@Suite("gongshi new refuses what it must not write")
struct ScaffoldWriterTests {
    static func request(_ site: TestSite, _ id: String, kind: ContentKind = .pages, branch: String? = nil) -> ScaffoldWriter.Request {
        ScaffoldWriter.Request(sourceDirectory: site.root, kind: kind, id: id, branch: branch, today: TestSite.asOf)
    }

    static func failure(_ request: ScaffoldWriter.Request) -> ScaffoldError? {
        do {
            _ = try ScaffoldWriter.write(request)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["", "Bad", "中文", "-lead", "a_b", "a b", "a/b", "../x"])
    func refusesAnInvalidID(id: String) throws {
        let site = try TestSite(["site.yaml": Sample.site])
        let error = Self.failure(Self.request(site, id))
        #expect(error?.reason == .usage)
        #expect(error?.message.contains("不合规") == true)
        #expect(TestSite.listFiles(under: site.root) == ["site.yaml"])
    }

    @Test func refusesReservedIDs() throws {
        let site = try TestSite(["site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a")])
        #expect(Self.failure(Self.request(site, "by-branch", kind: .promises))?.reason == .usage)
        #expect(Self.failure(Self.request(site, "category", kind: .disclosures))?.reason == .usage)
    }

    @Test func neverOverwritesAnExistingFile() throws {
        let site = try TestSite(["site.yaml": Sample.site, "content/pages/about.md": "mine"])
        let error = Self.failure(Self.request(site, "about"))
        #expect(error?.reason == .conflict)
        #expect(error?.message.contains("content/pages/about.md 已存在") == true)
        #expect(try String(contentsOf: site.root.appendingPathComponent("content/pages/about.md"), encoding: .utf8) == "mine")
    }

    @Test func refusesAnIDUsedByAnotherFile() throws {
        let site = try TestSite(["site.yaml": Sample.site, "content/pages/old-name.md": "---\nid: about\ntitle: 关于\n---\n"])
        let error = Self.failure(Self.request(site, "about"))
        #expect(error?.reason == .conflict)
        #expect(error?.message.contains("content/pages/old-name.md") == true)
    }

    @Test func refusesAFolderThatIsNotASite() throws {
        let site = try TestSite(["notes.txt": "x"])
        let error = Self.failure(Self.request(site, "about"))
        #expect(error?.reason == .usage)
        #expect(error?.message.contains("没有 site.yaml") == true)
    }

    @Test func refusesAnUnknownOrPointlessBranch() throws {
        let site = try TestSite(["site.yaml": Sample.site, "content/branches/a.md": Sample.branch("a")])
        let unknown = Self.failure(Self.request(site, "p", kind: .promises, branch: "nope"))
        #expect(unknown?.reason == .usage)
        #expect(unknown?.message.contains("已有的组织：a") == true)
        #expect(Self.failure(Self.request(site, "about", kind: .pages, branch: "a"))?.reason == .usage)
    }

    @Test func createsTheKindFolderWhenMissing() throws {
        let site = try TestSite(["site.yaml": Sample.site])
        let result = try ScaffoldWriter.write(Self.request(site, "about"))
        #expect(result.path == "content/pages/about.md")
        #expect(result.notes.isEmpty)
        #expect(!site.check().contains { $0.severity == .error && $0.kind != .placeholder })
    }

    @Test func kindsHaveSingularCommandLineNames() {
        #expect(ContentKind.allCases.map(\.singular) == ["branch", "promise", "disclosure", "example", "page"])
        #expect(ContentKind.allCases.allSatisfy { ContentKind(singular: $0.singular) == $0 })
        #expect(ContentKind(singular: "branches") == nil)
    }
}
