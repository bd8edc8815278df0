import Foundation

/// Why writing the site failed; the previously published site is left as it was.
public struct OutputError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Test seams: called while the staging folder is written, to simulate a full disk or a killed process.
public struct PublishHooks: Sendable {
    public var afterWritingFile: (@Sendable (Int) throws -> Void)?
    public init(afterWritingFile: (@Sendable (Int) throws -> Void)? = nil) { self.afterWritingFile = afterWritingFile }
}

/// What a publish did.
public struct PublishResult: Sendable {
    public var written = 0
    public var reused = 0
    public var removed = 0
    /// The name under `output.releases/` of the site this publish replaced, if it was kept.
    public var archivedRelease: String?

    public init() {}
}

/// Writes a new release into a staging folder beside the output, verifies it, then swaps it in with one
/// atomic rename; the replaced site is kept under `output.releases/` (the newest `keep` of them).
/// On any failure the published site is untouched and the staging folder removed.
public struct Publisher: Sendable {
    /// Written into every output so that a later build knows the folder is safe to replace.
    public static let markerName = ".gongshi-site"

    public let layout: ReleaseLayout
    public var keepReleases: Int
    public var hooks: PublishHooks

    public init(outputDirectory: URL, keepReleases: Int = 3, hooks: PublishHooks = PublishHooks()) {
        self.layout = ReleaseLayout(output: outputDirectory)
        self.keepReleases = keepReleases
        self.hooks = hooks
    }

    public var outputDirectory: URL { layout.output }

    /// Refuses to replace a folder that gongshi did not create (unless it is empty or holds only dotfiles).
    public func checkReplaceable() throws(OutputError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: outputDirectory.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw OutputError(message: "输出路径 \(outputDirectory.path) 已存在且不是目录，拒绝覆盖") }
        let entries = (try? fm.contentsOfDirectory(atPath: outputDirectory.path)) ?? []
        if entries.contains(Self.markerName) || entries.allSatisfy({ $0.hasPrefix(".") }) { return }
        throw OutputError(
            message: "输出目录 \(outputDirectory.path) 不是 gongshi 生成的站点（没有 \(Self.markerName) 标记），为防止误删，拒绝覆盖；请换一个空目录")
    }

    /// Publishes `pages` plus the files of `reusing` hard-linked from the current site (unchanged pages).
    @discardableResult
    public func publish(_ pages: [RenderedPage], reusing: [String] = [], baseURL: String? = nil) throws(OutputError) -> PublishResult {
        try checkReplaceable()
        let fm = FileManager.default
        for abandoned in layout.abandonedStagings() { try? fm.removeItem(at: abandoned) }
        let staging = layout.staging()
        var result = PublishResult()
        do {
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            let previous = Manifest.read(from: outputDirectory.appendingPathComponent(Manifest.fileName))
            var manifest = Manifest()
            for page in pages {
                try write(page.contents, to: staging.appendingPathComponent(page.path))
                manifest.entries[page.path] = Manifest.Entry(sha256: SHA256.hex(page.contents), size: page.contents.count)
                result.written += 1
                try hooks.afterWritingFile?(result.written)
            }
            for path in reusing {
                manifest.entries[path] = try link(path, into: staging, known: previous?.entries[path])
                result.reused += 1
            }
            try keepDotfiles(into: staging)
            try write(manifest.json, to: staging.appendingPathComponent(Manifest.fileName))
            try write(Data("gongshi output; this folder is replaced on every build\n".utf8), to: staging.appendingPathComponent(Self.markerName))
            if let baseURL {
                try verify(pages, files: Set(manifest.entries.keys), baseURL: baseURL)
            }
            result.removed = previous.map { Set($0.entries.keys).subtracting(manifest.entries.keys).count } ?? 0
            result.archivedRelease = try swapIn(staging)
        } catch let error as OutputError {
            try? fm.removeItem(at: staging)
            throw error
        } catch {
            try? fm.removeItem(at: staging)
            throw OutputError(message: "写入输出目录失败（原站点保持不变）：\(error.localizedDescription)")
        }
        pruneReleases()
        return result
    }

    private func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Hard-links an unchanged file from the published site (copies where links are not possible).
    private func link(_ path: String, into staging: URL, known: Manifest.Entry?) throws -> Manifest.Entry {
        let fm = FileManager.default
        let source = outputDirectory.appendingPathComponent(path)
        let target = staging.appendingPathComponent(path)
        try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        do { try fm.linkItem(at: source, to: target) } catch { try fm.copyItem(at: source, to: target) }
        if let known { return known }
        let data = try Data(contentsOf: target)
        return Manifest.Entry(sha256: SHA256.hex(data), size: data.count)
    }

    private func verify(_ pages: [RenderedPage], files: Set<String>, baseURL: String) throws {
        let broken = LinkVerifier.brokenLinks(pages: pages, files: files, baseURL: baseURL)
        guard broken.isEmpty else {
            let sample = broken.prefix(5).joined(separator: "；")
            throw OutputError(message: "生成的网站有 \(broken.count) 个站内链接指向不存在的页面（原站点保持不变）：\(sample)")
        }
    }

    /// Swaps the staged site in; returns the release name the old site was archived under, if any.
    private func swapIn(_ staging: URL) throws -> String? {
        let fm = FileManager.default
        guard fm.fileExists(atPath: outputDirectory.path) else {
            try fm.createDirectory(at: outputDirectory.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.moveItem(at: staging, to: outputDirectory)
            return nil
        }
        try AtomicExchange.exchange(staging, outputDirectory)
        // `staging` now holds the replaced site.
        let isSite = fm.fileExists(atPath: staging.appendingPathComponent(Self.markerName).path)
        guard keepReleases > 0, isSite else {
            try? fm.removeItem(at: staging)
            return nil
        }
        try fm.createDirectory(at: layout.releases, withIntermediateDirectories: true)
        let name = layout.newReleaseName()
        try fm.moveItem(at: staging, to: layout.releases.appendingPathComponent(name))
        return name
    }

    /// Deletes archived releases beyond the newest `keepReleases`.
    func pruneReleases() {
        let names = layout.releaseNames()
        for name in names.dropLast(max(keepReleases, 0)) {
            try? FileManager.default.removeItem(at: layout.releases.appendingPathComponent(name))
        }
    }

    /// Keeps hand-placed dotfiles of the old output's top level (e.g. `.gitkeep`, `.htaccess`).
    private func keepDotfiles(into staging: URL) throws {
        let fm = FileManager.default
        let entries = (try? fm.contentsOfDirectory(atPath: outputDirectory.path)) ?? []
        for entry in entries.sorted() where entry.hasPrefix(".") && entry != Self.markerName {
            try fm.copyItem(at: outputDirectory.appendingPathComponent(entry), to: staging.appendingPathComponent(entry))
        }
    }
}
