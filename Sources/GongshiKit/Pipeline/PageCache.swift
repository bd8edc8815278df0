import Foundation

/// The cache of incremental builds: the key of every page of the site currently published in one output.
/// It is used only while that output still holds the site it describes (same `manifest.json`), so a rollback or an
/// edit of `manifest.json` leads to a full render; a published file edited by hand loses its key and is made again.
struct PageCache: Equatable {
    var version: String
    /// SHA-256 of the published `manifest.json` this cache describes.
    var manifest: String
    var pages: [String: String]
    /// The file system's time when the cache was saved, after the publish: a published file changed since then is
    /// hashed before it is reused (`PublishedSite.verify`).
    var savedAt: FileTime?

    /// `<cache dir>/pages-<hash of the output path>.bin`: one file per output, so a preview never spoils a nightly build.
    static func file(in directory: URL, output: URL) -> URL {
        let id = SHA256.hex(output.standardizedFileURL.path).prefix(16)
        return directory.appendingPathComponent("pages-\(id).bin")
    }

    /// The first bytes of a page cache file (and its format's number). The keys of 35,000 files took 0.3 s to read as
    /// JSON (`JSONDecoder`) and as long to write; this is a list of length-prefixed strings (`BinaryWriter`).
    static let magic = Data("gongshi page cache 2\n".utf8)

    /// The file's bytes: `magic`, then the program, the manifest digest, the save time and the keys, path-sorted.
    var encoded: Data {
        var writer = BinaryWriter(capacity: 96 * pages.count + 256)
        writer.string(version)
        writer.string(manifest)
        writer.optional(savedAt) { writer, time in
            writer.int(time.seconds)
            writer.int(time.nanoseconds)
        }
        writer.dictionary(pages) { writer, key in writer.string(key) }
        return Self.magic + writer.bytes
    }

    /// Reads `encoded`'s bytes; nil when they are not a whole cache of this format.
    init?(encoded data: Data) {
        guard data.starts(with: Self.magic), let cache = try? BinaryReader.read(data.dropFirst(Self.magic.count), Self.read) else {
            return nil
        }
        self = cache
    }

    private static func read(_ reader: inout BinaryReader) throws -> PageCache {
        let version = try reader.string()
        let manifest = try reader.string()
        let savedAt = try reader.optional { reader -> FileTime in
            let (seconds, nanoseconds) = (try reader.int(), try reader.int())
            guard (0..<1_000_000_000).contains(nanoseconds) else { throw BinaryReader.Damaged() }
            return FileTime(seconds: seconds, nanoseconds: nanoseconds)
        }
        let pages = try reader.dictionary { try $0.string() }
        return PageCache(version: version, manifest: manifest, pages: pages, savedAt: savedAt)
    }

    init(version: String, manifest: String, pages: [String: String], savedAt: FileTime?) {
        (self.version, self.manifest, self.pages, self.savedAt) = (version, manifest, pages, savedAt)
    }

    /// The build of gongshi that wrote a cache: its version and the running program file's size, modification time
    /// and inode. Keys are digests of what each page reads, as this program declares it; a rebuilt program may
    /// declare (or render) differently without a new version number, so it never trusts another program's keys.
    static let program: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "\(GongshiVersion.current) pages" }
        return "\(GongshiVersion.current) pages \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }()

    /// The keys of the published pages, when the cache matches the output as it is now. The published files are
    /// verified first (`site` records what was found): a file that is no longer the manifest's loses its key, and so
    /// does the group it belongs to (the search index), so that it is made again.
    /// Also returns the note for the build report when a cache file was there but is not used (never trusted):
    /// damaged, written by another program, or describing another site than the one published now.
    static func load(from directory: URL, site: inout PublishedSite) -> (pages: [String: String]?, note: String?) {
        let target = file(in: directory, output: site.output)
        guard let data = FileManager.default.contents(atPath: target.path) else { return (nil, nil) }
        let name = target.lastPathComponent
        let redone = "本次重新渲染了全部页面，并写入新的缓存"
        guard let cache = PageCache(encoded: data), let savedAt = cache.savedAt else {
            return (nil, "页面缓存 \(name) 已损坏或不完整，已忽略：\(redone)")
        }
        guard cache.version == program else {
            return (nil, "页面缓存 \(name) 是另一个版本或另一次编译的 gongshi 写的，已忽略：\(redone)")
        }
        guard let digest = site.manifestDigest, cache.manifest == digest else {
            return (nil, "页面缓存 \(name) 描述的不是现在发布的网站（回滚过、manifest.json 被改动或输出目录被换过），已忽略：\(redone)")
        }
        site.verify(since: savedAt)
        return (withoutAltered(cache.pages, altered: site.altered), nil)
    }

    /// `pages` without the keys of `altered` files and of the groups (`<prefix>\0group`) holding one.
    static func withoutAltered(_ pages: [String: String], altered: Set<String>) -> [String: String] {
        guard !altered.isEmpty else { return pages }
        let marker = "\u{0}group"
        let groups = pages.keys.filter { $0.hasSuffix(marker) }.filter { key in
            let prefix = key.dropLast(marker.count)
            return altered.contains { $0.hasPrefix(prefix) }
        }
        return pages.filter { !altered.contains($0.key) && !groups.contains($0.key) }
    }

    /// Records the keys of the site just published; a failure here only costs the next build its reuse.
    /// `manifest` is the SHA-256 of the `manifest.json` just published (never read back from the output).
    static func save(_ pages: [String: String], to directory: URL, output: URL, manifest: String) {
        guard let savedAt = FileTime.now(in: directory) else { return }
        let data = PageCache(version: program, manifest: manifest, pages: pages, savedAt: savedAt).encoded
        let target = file(in: directory, output: output)
        // The JSON file of earlier versions (same name, `.json`) is never read again.
        unlink(target.deletingPathExtension().appendingPathExtension("json").path)
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(getpid())")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: temporary)
            _ = try? FileManager.default.removeItem(at: target)
            try FileManager.default.moveItem(at: temporary, to: target)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }
}
