import Foundation

@testable import GongshiKit

/// A small site written into a fresh temp dir from `[path: contents]`, built with the repo's templates.
struct TestSite {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let templates = repoRoot.appendingPathComponent("templates")
    static let fixtures = repoRoot.appendingPathComponent("Tests/GongshiKitTests/Fixtures")
    static let asOf = Day("2026-11-21")!

    let root: URL
    var output: URL { root.appendingPathComponent("output") }

    /// Writes `files` (paths relative to the site root) under a new temp dir.
    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-test-\(UUID().uuidString)")
        for (path, contents) in files {
            try write(path, contents)
        }
    }

    /// Copies a fixture site from `Fixtures/sites/<name>`.
    init(fixture name: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("sites/\(name)"), to: root)
    }

    func write(_ path: String, _ contents: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    func write(_ path: String, _ contents: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url)
    }

    func remove(_ path: String) throws { try FileManager.default.removeItem(at: root.appendingPathComponent(path)) }

    var options: BuildOptions {
        BuildOptions(sourceDirectory: root, outputDirectory: output, templatesDirectory: Self.templates, asOf: Self.asOf)
    }

    func check() -> [Diagnostic] { SiteBuilder.check(options).2 }

    func build() throws -> BuildOutcome { try SiteBuilder.build(options) }

    /// The text of an output file, e.g. `branches/a/index.html`.
    func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every output file path, relative to the output dir, sorted.
    func outputFiles() -> [String] { Self.listFiles(under: output) }

    /// Every file below `root`, relative to it, sorted.
    static func listFiles(under root: URL) -> [String] {
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files.append(path) }
        }
        return files.sorted()
    }
}

/// Minimal valid content for tests to extend.
enum Sample {
    static let site = """
        title: 测试街道党务公开网
        base_url: https://example.org/site/
        organizer: 测试街道党工委
        """

    static func branch(_ id: String, parent: String? = nil, field: String = "街道社区", extra: String = "") -> String {
        """
        ---
        id: \(id)
        name: \(id)党支部
        type: 党支部
        field: \(field)
        \(parent.map { "parent: \($0)" } ?? "")
        \(extra)
        ---
        \(id) 的简介。
        """
    }

    static func disclosure(
        _ id: String, branch: String = "a", scope: String = "社会公开", approved: Bool = true,
        title: String? = nil, published: String = "2026-03-10", category: String = "组织生活", body: String = "正文。"
    ) -> String {
        """
        ---
        id: \(id)
        branch: \(branch)
        title: \(title ?? "\(id) 公开事项")
        category: \(category)
        scope: \(scope)
        published: \(published)
        reviewed: {by: 组织委员 王某, date: 2026-03-01}
        \(approved ? "approved: {by: 书记 李某, date: 2026-03-02}" : "")
        ---
        \(body)
        """
    }

    /// A promise letter; each item is `(status, due, done?, note?)`.
    static func promise(_ id: String, branch: String = "a", year: Int = 2026, items: [(String, String, String?, String?)]) -> String {
        var text = """
            ---
            id: \(id)
            branch: \(branch)
            year: \(year)
            promiser: 张三
            role: 在职党员
            published: \(year)-02-01
            items:

            """
        for (status, due, done, note) in items {
            text += "  - text: 每月组织一次环境卫生清理\n    service: 服务民生\n    due: \(due)\n    status: \(status)\n"
            if let done { text += "    done: \(done)\n" }
            if let note { text += "    note: \(note)\n" }
        }
        return text + "---\n承诺书正文。\n"
    }
}
