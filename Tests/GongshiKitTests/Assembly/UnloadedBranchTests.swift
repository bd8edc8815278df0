import Foundation
import Testing

@testable import GongshiKit

@Suite("References to a branch whose file has errors")
struct UnloadedBranchTests {
    static func site(branch: String, path: String = "content/branches/hehua.md") throws -> TestSite {
        try TestSite([
            "site.yaml": Sample.site,
            path: branch,
            "content/branches/child.md": Sample.branch("child", parent: "hehua"),
            "content/disclosures/d.md": Sample.disclosure("d", branch: "hehua"),
            "content/examples/e.md": "---\nid: e\nbranch: hehua\ntitle: 事例\ndate: 2026-03-01\n---\n",
        ])
    }

    @Test(
        "no missing-organisation error; one error naming the broken file and the files that refer to it",
        arguments: [
            "---\nid: hehua\nname: 荷花社区: 党委\ntype: 党委\nfield: 街道社区\n---\n",  // YAML error
            "---\nname: 荷花社区党委\nid: 'hehua'\ntype: 党委\nfield: 街道社区\ntitle: \"未闭合\n---\n",  // YAML error after the id
            "---\nid: hehua\nname: 荷花社区党委\ntype: 社区党委\nfield: 街道社区\n---\n",  // schema error
            "---\nid: hehua\n",  // front matter never closed
        ])
    func brokenBranch(text: String) throws {
        let site = try Self.site(branch: text)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let diagnostics = site.check()
        #expect(!diagnostics.contains { $0.message.contains("不存在") }, "\(diagnostics.map(\.description))")
        let named = diagnostics.filter { $0.message.contains("有错误，未能读入") }
        #expect(named.count == 1)
        #expect(named.first?.path == "content/branches/hehua.md")
        for referrer in ["content/branches/child.md", "content/disclosures/d.md", "content/examples/e.md"] {
            #expect(named.first?.message.contains(referrer) == true, "\(named.first?.message ?? "")")
            #expect(!diagnostics.contains { $0.path == referrer && $0.severity == .error })
        }
    }

    @Test func theFileNameStandsInForAnUnreadableID() throws {
        let site = try Self.site(branch: "", path: "content/branches/hehua.md")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let diagnostics = site.check()
        #expect(!diagnostics.contains { $0.message.contains("不存在") })
        #expect(diagnostics.filter { $0.message.contains("组织 hehua 的文件 content/branches/hehua.md 有错误") }.count == 1)
    }

    @Test func aReferenceToNoFileAtAllIsStillMissing() throws {
        let site = try Self.site(branch: "---\nid: other\nname: 荷花社区: 党委\ntype: 党委\nfield: 街道社区\n---\n", path: "content/branches/other.md")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let missing = site.check().filter { $0.message.contains("引用的组织「hehua」不存在") }
        #expect(missing.map(\.path).sorted() == ["content/branches/child.md", "content/disclosures/d.md", "content/examples/e.md"])
    }

    @Test(
        "on the same line the cause is listed before the unloaded-branch error it leads to",
        arguments: [
            "荷花社区党委\n",  // no front matter: both errors on line 1
            "---\nid: hehua\ntype: 党委\nfield: 街道社区\n---\n",  // missing name
            "---\nid: hehua\nname: 荷花社区: 党委\ntype: 党委\nfield: 街道社区\n---\n",  // YAML error
        ])
    func causeBeforeConsequence(text: String) throws {
        let site = try Self.site(branch: text)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let errors = DiagnosticListing(site.check()).errors.filter { $0.path == "content/branches/hehua.md" }
        let consequence = try #require(errors.firstIndex { $0.message.contains("有错误，未能读入") })
        let cause = try #require(errors.firstIndex { !$0.message.contains("有错误，未能读入") })
        #expect(errors[cause].line == errors[consequence].line, "\(errors.map(\.description))")
        #expect(cause < consequence, "\(errors.map(\.description))")
    }
}
