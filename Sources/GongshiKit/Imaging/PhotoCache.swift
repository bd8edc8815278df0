import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Processed photos kept across builds in `<cache>/photos/`: each source (by the SHA-256 of its bytes) is encoded once
/// per settings, into files named from a digest of (source hash, settings, libvips version), so that a changed photo or
/// changed settings make new names and a stale copy is never used. `index.json` records what each encoded file should
/// be (checked against the file before it is trusted: a wrong size or a broken JPEG is encoded again) and, by source
/// path, the status and hash of each source, so an unchanged 4 MB photo is not read and hashed again.
/// Outputs not used by this build or the one before are removed.
struct PhotoCache: Sendable {
    /// Bumped when what is encoded changes in a way the settings do not show.
    static let format = 1
    static let folderName = "photos"
    static let indexName = "index.json"

    /// An encoded file as recorded.
    struct Stored: Codable, Sendable, Hashable {
        var name: String
        var width: Int
        var height: Int
        var bytes: Int
    }

    /// The versions of one source under the current settings.
    struct Outputs: Codable, Sendable {
        var small: Stored
        var large: Stored
        var favicon: Stored?
        /// The build counter of the last build that used them.
        var used: Int
    }

    /// A source file's status when it was hashed.
    struct Source: Codable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int
        var modified: FileTime
        var changed: FileTime
        var hash: String

        init(_ status: FileStatus, hash: String) {
            (device, inode, size, modified, changed, self.hash) =
                (status.device, status.inode, status.size, status.modified, status.changed, hash)
        }

        func matches(_ status: FileStatus) -> Bool {
            device == status.device && inode == status.inode && size == status.size && modified == status.modified
                && changed == status.changed
        }
    }

    struct Index: Codable, Sendable {
        var format = PhotoCache.format
        var settings = ""
        var build = 0
        /// By the name prefix (`PhotoCache.prefix`).
        var outputs: [String: Outputs] = [:]
        /// By source path relative to the source dir.
        var sources: [String: Source] = [:]
    }

    let directory: URL
    /// A digest of everything but the source that decides the encoded bytes.
    let settings: String
    private(set) var index: Index

    /// The cache in `cacheDirectory`; empty with `clean` (then rewritten from scratch by a build).
    init(cacheDirectory: URL, clean: Bool, settings: String = PhotoCache.settingsDigest()) {
        directory = cacheDirectory.appendingPathComponent(Self.folderName)
        self.settings = settings
        var index = Index()
        if !clean, let data = try? Data(contentsOf: directory.appendingPathComponent(Self.indexName)),
            let read = try? JSONDecoder().decode(Index.self, from: data), read.format == Self.format
        {
            index = read
            // Outputs made under other settings are never used (their names differ), only pruned.
            if read.settings != settings { index.outputs = [:] }
        }
        index.settings = settings
        self.index = index
    }

    /// Whether `cacheDirectory` holds a photo cache.
    static func exists(in cacheDirectory: URL) -> Bool {
        FileManager.default.fileExists(atPath: cacheDirectory.appendingPathComponent(folderName).appendingPathComponent(indexName).path)
    }

    /// The digest of the settings (by default `PhotoSettings`' and this libvips'): any change gives new names.
    static func settingsDigest(
        small: Int = PhotoSettings.smallWidth, large: Int = PhotoSettings.largeWidth, quality: Int = PhotoSettings.jpegQuality,
        favicon: Int = ImageStage.faviconSize, library: String = PhotoCodec.version
    ) -> String {
        let parts = [
            "gongshi photos \(format)", "small \(small)", "large \(large)", "quality \(quality)", "favicon \(favicon)",
            "libvips \(library)",
        ]
        return SHA256.hex(parts.joined(separator: "\n"))
    }

    /// The first 20 hex digits of the digest of the source's hash and the settings: the published names' stem.
    func prefix(of hash: String) -> String {
        String(SHA256.hex(hash + "\n" + settings).prefix(20))
    }

    /// The hash of the source at `path` recorded when it had this status.
    func hash(of path: String, status: FileStatus) -> String? {
        guard let source = index.sources[path], source.matches(status) else { return nil }
        return source.hash
    }

    /// The outputs of `hash`, when every recorded file is there and looks whole (its size, and its format's first
    /// and last bytes); `favicon` too when asked.
    func outputs(of hash: String, favicon: Bool) -> Outputs? {
        guard let outputs = index.outputs[prefix(of: hash)] else { return nil }
        if favicon, outputs.favicon == nil { return nil }
        let files = [outputs.small, outputs.large] + (outputs.favicon.map { [$0] } ?? [])
        return files.allSatisfy(isWhole) ? outputs : nil
    }

    func url(of name: String) -> URL { directory.appendingPathComponent(name) }

    /// Whether the file is the recorded size and begins and ends as a JPEG (or PNG) does.
    func isWhole(_ stored: Stored) -> Bool {
        let fd = open(url(of: stored.name).path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == stored.bytes, stored.bytes >= 16
        else { return false }
        var head = [UInt8](repeating: 0, count: 8)
        var tail = [UInt8](repeating: 0, count: 8)
        guard pread(fd, &head, 8, 0) == 8, pread(fd, &tail, 8, off_t(stored.bytes - 8)) == 8 else { return false }
        if stored.name.hasSuffix(".png") {
            return head == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] && Array(tail[0..<4]) == Array("IEND".utf8)
        }
        return head.starts(with: [0xFF, 0xD8, 0xFF]) && tail.suffix(2) == [0xFF, 0xD9]
    }

    /// Writes `data` as the file `name` (through a temporary file and a rename, so a reader never sees half of it).
    func write(_ data: Data, name: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(name).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp")
        try data.write(to: temporary)
        guard rename(temporary.path, url(of: name).path) == 0 else {
            unlink(temporary.path)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// Records what this build used (and nothing else of the sources), bumps the build counter and, with `prune`,
    /// removes outputs not used by this build or the one before, and the files no output names. A build with refused
    /// photos does not prune: it did not see every photo the site has.
    mutating func save(outputs used: [String: Outputs], sources: [String: Source], prune: Bool) {
        let build = index.build + 1
        var kept: [String: Outputs] = [:]
        for (prefix, outputs) in index.outputs where !prune || outputs.used >= build - 1 { kept[prefix] = outputs }
        for (prefix, var outputs) in used {
            outputs.used = build
            kept[prefix] = outputs
        }
        index.outputs = kept
        if prune {
            index.sources = sources
        } else {
            index.sources.merge(sources) { $1 }
        }
        index.build = build
        let names = Set(kept.values.flatMap { [$0.small.name, $0.large.name] + ($0.favicon.map { [$0.name] } ?? []) })
        if prune, let present = try? FileManager.default.contentsOfDirectory(atPath: directory.path) {
            for name in present where name != Self.indexName && !names.contains(name) {
                // Another build's temporary file is left alone unless it is old.
                if name.hasSuffix(".tmp"), !isOld(name) { continue }
                unlink(url(of: name).path)
            }
        }
        guard let data = try? JSONEncoder().encode(index) else { return }
        try? write(data, name: Self.indexName)
    }

    private func isOld(_ name: String) -> Bool {
        var info = stat()
        guard lstat(url(of: name).path, &info) == 0 else { return false }
        return Int(info.st_mtim.tv_sec) < Int(Date().timeIntervalSince1970) - 3600
    }
}
