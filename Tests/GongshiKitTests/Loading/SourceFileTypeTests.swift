import Foundation
import Testing

@testable import GongshiKit

/// Source files that are not what they claim: symlinks (never followed, their targets never named) and FIFOs,
/// sockets or folders named like content (refused without being opened).
@Suite("Source files that are not what they claim")
struct SourceFileTypeTests {
    /// A personal number in a symlink's target name: it must never appear in any message or output.
    static let targetMark = "zhangsan-110105194912310021"

    static func site() throws -> TestSite {
        try TestSite([
            "site.yaml": Sample.site,
            "content/branches/a.md": Sample.branch("a"),
            "content/pages/about.md": "---\nid: about\ntitle: 关于本站\n---\n本站说明。\n",
        ])
    }

    /// A folder outside every site, holding a valid page whose name carries `targetMark`.
    static func outsideFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("---\nid: waibu\ntitle: OUTSIDE-MARK\n---\nOUTSIDE-MARK 正文\n".utf8).write(to: folder.appendingPathComponent("\(targetMark).md"))
        return folder
    }

    static func link(_ site: TestSite, _ path: String, to target: String) throws {
        let url = site.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    static func errors(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test func aFIFONamedLikeContentIsRefusedWithoutBeingOpened() throws {
        let site = try Self.site()
        let fifo = site.root.appendingPathComponent("content/pages/x.md")
        try makeFIFO(fifo)
        // Opening a FIFO for reading blocks until a writer comes: today's `check` and `build` hung here for ever.
        let diagnostics = try withDeadline(unblocking: [fifo]) { site.check() }
        #expect(
            Self.errors(diagnostics).contains { $0.hasPrefix("content/pages/x.md:1: error: 此文件不是普通文件，而是命名管道（FIFO）；gongshi 没有打开它") },
            "\(diagnostics)")
        let outcome = try withDeadline(unblocking: [fifo]) { try site.build() }
        #expect(outcome.hasErrors)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        // The lock was released: the next build is not refused as locked.
        try FileManager.default.removeItem(at: fifo)
        #expect(!(try site.build().hasErrors))
    }

    /// `x.MD`, `x.txt`: a FIFO gets the warning a regular file of that name gets, and is never opened.
    @Test(arguments: ["content/pages/x.MD", "content/branches/notes.txt", "content/disclosures/sub/y.markdown"])
    func aFIFOWithAMisnamedExtensionIsWarnedAboutLikeAFile(_ path: String) throws {
        let site = try Self.site()
        let fifo = site.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: fifo.deletingLastPathComponent(), withIntermediateDirectories: true)
        try makeFIFO(fifo)
        let diagnostics = try withDeadline(unblocking: [fifo]) { site.check() }
        let warnings = diagnostics.filter { $0.severity == .warning }.map(\.description)
        #expect(warnings.contains { $0.hasPrefix("\(path):1: warning: 内容文件的扩展名必须是小写 .md，此文件已忽略") }, "\(diagnostics)")
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
    }

    /// `--templates tp2`: diagnostics name `tp2/…` (inside the source, relative to it), not `templates/…`.
    @Test func diagnosticsNameTheTemplatesFolderThatWasGiven() throws {
        let site = try Self.site()
        let folder = site.root.appendingPathComponent("tp2")
        try FileManager.default.copyItem(at: TestSite.templates, to: folder)
        try site.write("tp2/home.mustache", "{{#open}}\n")
        try site.remove("tp2/page.mustache")
        var options = site.options
        options.templatesDirectory = folder
        let errors = Self.errors(SiteBuilder.check(options).2)
        #expect(errors.contains { $0.hasPrefix("tp2/home.mustache:") && $0.contains("模板语法错误") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("tp2/page.mustache:1: error: 缺少模板 page.mustache") }, "\(errors)")
        #expect(!errors.contains { $0.hasPrefix("templates/") }, "\(errors)")
    }

    @Test func aFolderNamedLikeContentIsRefusedAndNotEntered() throws {
        let site = try Self.site()
        try site.write("content/pages/y.md/inner.md", "---\nid: inner\ntitle: INNER-MARK\n---\n")
        let diagnostics = site.check()
        #expect(Self.errors(diagnostics).contains { $0.hasPrefix("content/pages/y.md:1: error: 此文件不是普通文件，而是目录") }, "\(diagnostics)")
        #expect(!diagnostics.contains { $0.path.contains("inner") })
        let listed = ContentScanner(sourceDirectory: site.root).list().entries.map(\.path)
        #expect(listed == ["content/branches/a.md", "content/pages/about.md"])
    }

    @Test func symlinkedContentFilesAreRefusedWhereverTheyLead() throws {
        let site = try Self.site()
        let outside = try Self.outsideFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        // Out of the source folder, and inside it (a second name for a file that is already content, or is not).
        try Self.link(site, "content/pages/waibu.md", to: outside.appendingPathComponent("\(Self.targetMark).md").path)
        try site.write("notes/\(Self.targetMark).md", "---\nid: notes\ntitle: NOTES-MARK\n---\n")
        try Self.link(site, "content/pages/notes.md", to: "../../notes/\(Self.targetMark).md")
        let outcome = try site.build()
        let errors = Self.errors(outcome.diagnostics)
        for path in ["content/pages/waibu.md", "content/pages/notes.md"] {
            #expect(errors.contains { $0.hasPrefix("\(path):1: error: 此文件是符号链接：gongshi 不读取符号链接") }, "\(errors)")
        }
        #expect(!outcome.diagnostics.contains { $0.description.contains(Self.targetMark) }, "a target's name is never shown")
        #expect(outcome.publish == nil)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func symlinkedFoldersAreNotEntered() throws {
        let site = try Self.site()
        let outside = try Self.outsideFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        try Self.link(site, "content/pages/more", to: outside.path)
        let diagnostics = site.check()
        #expect(Self.errors(diagnostics).contains { $0.hasPrefix("content/pages/more:1: error: 此目录是符号链接：gongshi 不进入符号链接的目录") }, "\(diagnostics)")
        #expect(!diagnostics.contains { $0.description.contains(Self.targetMark) })
        #expect(!ContentScanner(sourceDirectory: site.root).list().entries.contains { $0.path.contains("more") })
        // A symlinked kind folder, and a symlinked content/ folder.
        let kinds = try Self.site()
        try FileManager.default.moveItem(at: kinds.root.appendingPathComponent("content/pages"), to: outside.appendingPathComponent("pages"))
        try Self.link(kinds, "content/pages", to: outside.appendingPathComponent("pages").path)
        #expect(Self.errors(kinds.check()).contains { $0.hasPrefix("content/pages:1: error: 目录 content/pages 是符号链接") })
        let whole = try Self.site()
        try FileManager.default.moveItem(at: whole.root.appendingPathComponent("content"), to: outside.appendingPathComponent("content"))
        try Self.link(whole, "content", to: outside.appendingPathComponent("content").path)
        #expect(Self.errors(whole.check()).contains { $0.hasPrefix("content:1: error: content 目录是符号链接") })
    }

    @Test func aSymlinkedSiteConfigIsRefused() throws {
        let site = try Self.site()
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("site.yaml"), to: site.root.appendingPathComponent("\(Self.targetMark).yaml"))
        try Self.link(site, "site.yaml", to: "\(Self.targetMark).yaml")
        let diagnostics = site.check()
        #expect(Self.errors(diagnostics).contains { $0.hasPrefix("site.yaml:1: error: site.yaml 是符号链接") }, "\(diagnostics)")
        #expect(!diagnostics.contains { $0.description.contains(Self.targetMark) })
    }

    @Test func symlinksAndFIFOsInTemplatesAreRefused() throws {
        let templates = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestSite.templates, to: templates)
        defer { try? FileManager.default.removeItem(at: templates) }
        let site = try Self.site()
        try site.write("content/disclosures/neibu.md", Sample.disclosure("neibu", scope: "党内公开", title: "NEIBU-MARK"))
        // An asset linked to a withheld item would be published as it is under assets/.
        try FileManager.default.createSymbolicLink(
            atPath: templates.appendingPathComponent("assets/neibu.txt").path,
            withDestinationPath: site.root.appendingPathComponent("content/disclosures/neibu.md").path)
        var options = site.options
        options.templatesDirectory = templates
        let diagnostics = SiteBuilder.check(options).2
        #expect(Self.errors(diagnostics).contains { $0.hasPrefix("\(templates.path)/assets/neibu.txt:1: error: 模板文件是符号链接") }, "\(diagnostics)")
        try FileManager.default.removeItem(at: templates.appendingPathComponent("assets/neibu.txt"))
        let fifo = templates.appendingPathComponent("page.mustache")
        try FileManager.default.removeItem(at: fifo)
        try makeFIFO(fifo)
        let fixed = options
        let withFIFO = try withDeadline(unblocking: [fifo]) { SiteBuilder.check(fixed).2 }
        #expect(Self.errors(withFIFO).contains { $0.hasPrefix("\(templates.path)/page.mustache:1: error: 模板不是普通文件，而是命名管道（FIFO）") }, "\(withFIFO)")
    }

    @Test func readingBelowARootRefusesSymlinksOnTheWay() throws {
        let site = try Self.site()
        let outside = try Self.outsideFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        try Self.link(site, "content/linked", to: outside.path)
        let root = site.root.path
        #expect(FileBytes.read("content/pages/about.md", under: root, limit: 1000) == .bytes(Data("---\nid: about\ntitle: 关于本站\n---\n本站说明。\n".utf8)))
        #expect(FileBytes.read("content/linked/\(Self.targetMark).md", under: root, limit: 1000) == .symlink)
        #expect(FileBytes.read("content/nothing/x.md", under: root, limit: 1000) == .missing)
        #expect(FileBytes.read("content/../site.yaml", under: root, limit: 1000) == .missing)
        #expect(FileBytes.read("content/pages", under: root, limit: 1000) == .notRegular(.directory))
    }
}
