import Foundation

/// The cache of incremental builds: the key of every page of the site currently published in one output.
/// It is used only while that output still holds exactly the site it describes (same `manifest.json`),
/// so a rollback or a hand edit of the output simply leads to a full render.
struct PageCache: Codable, Equatable {
    var version: String
    /// SHA-256 of the published `manifest.json` this cache describes.
    var manifest: String
    var pages: [String: String]

    /// `<cache dir>/pages-<hash of the output path>.json`: one file per output, so a preview never spoils a nightly build.
    static func file(in directory: URL, output: URL) -> URL {
        let id = SHA256.hex(output.standardizedFileURL.path).prefix(16)
        return directory.appendingPathComponent("pages-\(id).json")
    }

    static func manifestDigest(of output: URL) -> String? {
        FileManager.default.contents(atPath: output.appendingPathComponent(Manifest.fileName).path).map(SHA256.hex)
    }

    /// The keys of the published pages, when the cache matches the output as it is now.
    static func load(from directory: URL, output: URL) -> [String: String]? {
        guard let data = FileManager.default.contents(atPath: file(in: directory, output: output).path),
            let cache = try? JSONDecoder().decode(PageCache.self, from: data),
            cache.version == GongshiVersion.current, cache.manifest == manifestDigest(of: output)
        else { return nil }
        return cache.pages
    }

    /// Records the keys of the site just published; a failure here only costs the next build its reuse.
    static func save(_ pages: [String: String], to directory: URL, output: URL) {
        guard let manifest = manifestDigest(of: output) else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(PageCache(version: GongshiVersion.current, manifest: manifest, pages: pages)) else { return }
        let target = file(in: directory, output: output)
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
