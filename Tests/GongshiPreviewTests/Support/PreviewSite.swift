import Foundation
import GongshiKit
import GongshiPreview

/// A small site in a fresh temp dir, written from `[path: contents]`, previewed with the repo's templates.
struct PreviewSite {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let templates = repoRoot.appendingPathComponent("templates")
    static let asOf = Day("2026-11-21")!

    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-preview-test-\(UUID().uuidString)")
        for (path, contents) in files { try write(path, contents) }
    }

    /// The usual small site: one branch, one published disclosure.
    static func standard() throws -> PreviewSite {
        try PreviewSite([
            "site.yaml": Sample.site,
            "content/branches/a.md": Sample.branch("a"),
            "content/disclosures/d.md": Sample.disclosure("d"),
        ])
    }

    func write(_ path: String, _ contents: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Preview options with short polling so tests stay fast.
    func options(settle: Duration = .milliseconds(100)) -> PreviewOptions {
        var options = PreviewOptions(sourceDirectory: root, templatesDirectory: Self.templates, asOf: Self.asOf, port: 0)
        options.pollInterval = .milliseconds(50)
        options.settle = settle
        return options
    }
}

/// Minimal valid content (the same shapes as GongshiKitTests' `Sample`).
enum Sample {
    static let site = """
        title: 测试街道党务公开网
        base_url: https://example.org/site/
        organizer: 测试街道党工委
        """

    static func branch(_ id: String) -> String {
        """
        ---
        id: \(id)
        name: \(id)党支部
        type: 党支部
        field: 街道社区
        ---
        \(id) 的简介。
        """
    }

    static func disclosure(_ id: String, title: String? = nil, scope: String = "社会公开") -> String {
        """
        ---
        id: \(id)
        branch: a
        title: \(title ?? "\(id) 公开事项")
        category: 组织生活
        scope: \(scope)
        published: 2026-03-10
        reviewed: {by: 组织委员 王某, date: 2026-03-01}
        approved: {by: 书记 李某, date: 2026-03-02}
        ---
        正文。
        """
    }
}

/// Polls `condition` every 50 ms until it holds, for at least `timeout`; returns whether it held. The wait is counted
/// in polls, not read off the clock: when tests that block threads starve the cooperative pool (2 cores, ASan), the
/// awaited work gets no turn either, and a clock deadline would pass before it had one.
func eventually(timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let polls = Int(timeout / .milliseconds(50))
    for _ in 0..<max(polls, 1) {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}
