import Foundation

#if canImport(Glibc)
    import Glibc
#endif

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
    /// The name under `ReleaseLayout.releases` of the site this publish replaced, if it was kept.
    public var archivedRelease: String?
    /// SHA-256 of the `manifest.json` just published.
    public var manifestDigest: String?

    public init() {}
}

/// Writes a new release into a staging folder beside the output, verifies it, then swaps it in with one
/// atomic rename; the replaced site is kept under `ReleaseLayout.releases` (the newest `keep` of them).
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

    /// The two files every release has besides the site's own (written anew by every publish, never recycled).
    static let ownFiles: Set<String> = [Manifest.fileName, markerName]

    /// Publishes a new release: `produce` hands every file of it to the sink it is given (from any number of threads),
    /// each written into the staging folder at once; then the links still pending are checked against the final file
    /// set, `manifest.json` (with `counts`, records per kind) is written, and the release is swapped in. `outline`
    /// names the files known in advance. `live` is the output as the build read it, once: its manifest is not read
    /// again, and a reused file keeps its manifest entry only when `live` verified it (any other is hashed). The first
    /// error `produce` throws stops the publish; the published site is untouched and the staging folder removed.
    @discardableResult
    func publish(
        _ outline: ReleaseOutline, counts: [String: Int] = [:], live: PublishedSite, files produce: (StagingSink) throws -> Void
    ) throws(OutputError) -> PublishResult {
        try checkReplaceable()
        let fm = FileManager.default
        layout.migrateLegacyReleases()
        for abandoned in layout.abandonedStagings() { TreeRemover.remove(abandoned) }
        let staging = layout.staging()
        var result = PublishResult()
        do {
            TreeRemover.remove(staging)
            try layout.prepare()
            let previous = live.manifest
            let files = outline.files
            // With the two files every release has, which a recycled release must not keep (they are written anew).
            let folders = Self.folders(for: files.union(Self.ownFiles), plus: outline.openFolders)
            var leftover = ReleaseRecycler.Leftover()
            if let previous, let recycled = ReleaseRecycler.claim(layout, keep: keepReleases, published: previous, to: staging) {
                // A group's files are known only when it runs; any it does not make again are deleted below.
                let wanted = files.union(recycled.entries.keys.filter { outline.openFolders.contains(Self.folder(of: $0)) })
                leftover = ReleaseRecycler.trim(
                    staging, recycled: recycled, published: previous, wanted: outline.reusesPublished ? wanted : [], folders: folders,
                    live: live.wasVerified ? live : nil)
            } else {
                try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            }
            try Self.makeDirectories(folders.subtracting(leftover.folders), in: staging)
            let roots = Roots(staging: staging, output: outputDirectory)
            let sink = StagingSink(roots: roots, live: live, leftover: leftover.files, hooks: hooks)
            try produce(sink)
            let manifest = Manifest(entries: sink.manifestEntries, counts: counts)
            (result.written, result.reused) = (sink.written, sink.reused)
            // Recycled files that the new site does not have (a search file no longer made).
            for path in leftover.files where manifest.entries[path] == nil { unlink(roots.staging + path) }
            // Links to files made late (the search index) are known only now.
            let finalFiles = Set(manifest.entries.keys).union(Self.ownFiles)
            let broken = sink.pendingLinks.filter { !LinkVerifier.exists($0.target, in: finalFiles) }
            guard broken.isEmpty else {
                let sample = broken.map(\.shown).sorted().prefix(5).joined(separator: "；")
                throw OutputError(message: "生成的网站有 \(broken.count) 个站内链接指向不存在的页面（原站点保持不变）：\(sample)")
            }
            try keepDotfiles(into: staging)
            let manifestJSON = manifest.json
            try Self.writeNew(manifestJSON, toPath: roots.staging + Manifest.fileName)
            result.manifestDigest = SHA256.hex(manifestJSON)
            try Self.writeNew(Data("gongshi output; this folder is replaced on every build\n".utf8), toPath: roots.staging + Self.markerName)
            // One flush of the whole file system before the swap, instead of one per file: after a crash the
            // new site is either complete on disk or not live.
            Self.syncFileSystem(of: staging)
            result.removed = previous.map { Set($0.entries.keys).subtracting(finalFiles).count } ?? 0
            result.archivedRelease = try swapIn(staging)
        } catch let error as OutputError {
            TreeRemover.remove(staging)
            throw error
        } catch {
            TreeRemover.remove(staging)
            throw OutputError(message: "写入输出目录 \(outputDirectory.path) 失败（原站点保持不变）：\(OutputLocation.reason(of: error))")
        }
        pruneReleases()
        return result
    }

    /// Every folder the files need and the `extra` folders, with their parents.
    static func folders(for files: Set<String>, plus extra: Set<String>) -> Set<String> {
        var folders: Set<String> = []
        func insert(_ parts: ArraySlice<Substring>) {
            var parts = parts
            while !parts.isEmpty, folders.insert(parts.joined(separator: "/")).inserted { parts = parts.dropLast() }
        }
        for path in files { insert(path.split(separator: "/").dropLast()) }
        for folder in extra { insert(folder.split(separator: "/")[...]) }
        return folders
    }

    /// The folder part of a site path ("" at the top).
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: 0x2F) else { return "" }
        return String(path[..<slash])
    }

    /// Creates `folders`, parents first: one `mkdir` call per folder, the folders of each depth in parallel.
    private static func makeDirectories(_ folders: Set<String>, in staging: URL) throws {
        let root = staging.path + "/"
        let byDepth = Dictionary(grouping: folders) { $0.utf8.count(where: { $0 == 0x2F }) }
        for depth in byDepth.keys.sorted() {
            let failures = byDepth[depth]!.concurrentMap { folder -> POSIXFailure? in
                let path = root + folder
                return mkdir(path, 0o755) != 0 && errno != EEXIST ? POSIXFailure(operation: "mkdir \(path)", code: errno) : nil
            }
            if let failure = failures.compactMap({ $0 }).first { throw failure }
        }
    }

    private static func writeAll(_ data: Data, to fd: Int32, path: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) throws in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { throw POSIXFailure(operation: "write \(path)", code: errno) }
                offset += n
            }
        }
    }

    /// Writes a new file in the staging folder with plain system calls, creating its folder if needed; no per-file
    /// fsync (see `syncFileSystem`). A file already there under that name (left by a recycled release)
    /// is a hard link to a published file, so it is unlinked, never truncated: `O_EXCL` makes writing through a
    /// link impossible.
    static func writeNew(_ data: Data, toPath path: String) throws {
        var fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0, errno == EEXIST {
            guard unlink(path) == 0 else { throw POSIXFailure(operation: "unlink \(path)", code: errno) }
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        if fd < 0, errno == ENOENT {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw POSIXFailure(operation: "open \(path)", code: errno) }
        defer { close(fd) }
        try writeAll(data, to: fd, path: path)
    }

    /// Flushes the file system holding `folder` to disk.
    private static func syncFileSystem(of folder: URL) {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        #if os(Linux)
            _ = linuxSyncfs(fd)
        #else
            _ = fsync(fd)
        #endif
    }

    /// Hard-links an unchanged file from the published site (copies where links are not possible).
    static func link(_ path: String, _ roots: Roots, known: Manifest.Entry?) throws -> Manifest.Entry {
        let fm = FileManager.default
        let sourcePath = roots.output + path
        let targetPath = roots.staging + path
        // One link(2) call: the folders exist already (`makeDirectories`). FileManager's linkItem and
        // createDirectory cost several system calls each, for every reused file.
        if Glibc.link(sourcePath, targetPath) != 0 {
            let (source, target) = (URL(fileURLWithPath: sourcePath), URL(fileURLWithPath: targetPath))
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            do { try fm.linkItem(at: source, to: target) } catch { try fm.copyItem(at: source, to: target) }
        }
        if let known { return known }
        let data = try Data(contentsOf: URL(fileURLWithPath: targetPath))
        return Manifest.Entry(sha256: SHA256.hex(data), size: data.count)
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
            TreeRemover.remove(staging)
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
            TreeRemover.remove(layout.release(named: name))
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

/// The staging folder and the published site as path prefixes ending in "/": files are joined as strings because
/// `URL.appendingPathComponent` was 2 % of a build.
struct Roots: Sendable {
    let staging: String
    let output: String

    init(staging: URL, output: URL) {
        (self.staging, self.output) = (staging.path + "/", output.path + "/")
    }
}

/// A failed system call, with its `errno` text.
struct POSIXFailure: Error, LocalizedError {
    let operation: String
    let code: Int32
    var errorDescription: String? { "\(operation)：\(String(cString: strerror(code)))" }
}

#if os(Linux)
    /// glibc's `syncfs(2)`, which the Glibc module hides behind `_GNU_SOURCE`.
    @_silgen_name("syncfs")
    private func linuxSyncfs(_ fd: Int32) -> Int32
#endif
