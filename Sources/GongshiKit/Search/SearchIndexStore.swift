import Foundation

/// Where one output's search cache lives (`<cache dir>/search-<hash of the output path>.cache`), and what the last
/// build did with it: why the cache was ignored (`note`) and how much of the index it made anew (`statistics`).
/// A build passes one to `PageRenderer.plan`; without one the index is always built whole and nothing is saved.
public final class SearchIndexStore: @unchecked Sendable {
    /// How much work the last build of the index did.
    public struct Statistics: Sendable, Equatable {
        /// `full`: built from every document; `incremental`: updated from the cache; `unchanged`: no document changed.
        public enum Mode: String, Sendable { case full, incremental, unchanged }
        public var mode: Mode = .full
        /// Documents whose text was split into tokens (a changed document counts twice: its old text and its new).
        public var documentsTokenised = 0
        /// Shard files whose JSON was made anew.
        public var shardsMade = 0
        /// Document files whose JSON was made anew.
        public var documentFilesMade = 0
    }

    let file: URL
    /// False with `--clean`: the cache is not read, only written.
    let reads: Bool
    /// The program identity a usable cache must carry (`ParseCache.program`; tests use another).
    let program: String
    private let lock = NSLock()
    private var storedNote: String?
    private var storedStatistics = Statistics()

    /// The store of the cache for `output` in `directory`; `reads: false` (for `--clean`) never uses what is there.
    public convenience init(directory: URL, output: URL, reads: Bool = true) {
        self.init(file: Self.file(in: directory, output: output), reads: reads, program: ParseCache.program)
    }

    init(file: URL, reads: Bool, program: String) {
        self.file = file
        self.reads = reads
        self.program = program
    }

    /// `<cache dir>/search-<hash of the output path>.cache`: like the page cache, one per output.
    static func file(in directory: URL, output: URL) -> URL {
        let id = SHA256.hex(output.standardizedFileURL.path).prefix(16)
        return directory.appendingPathComponent("search-\(id).cache")
    }

    /// Why the cache was not used by the last build, when it was there and could not be trusted.
    public var note: String? { lock.withLock { storedNote } }

    /// What the last build of the index did.
    public var statistics: Statistics { lock.withLock { storedStatistics } }

    func record(_ statistics: Statistics) { lock.withLock { storedStatistics = statistics } }

    /// The cache, when it is there, intact, written by this program and describes exactly the published index files
    /// (`published`: path → key of each, nil when nothing published is known); otherwise nil, with a note unless
    /// there was simply no cache (or it was not to be read).
    func load(published: [(path: String, key: String)]?) -> SearchIndexCache? {
        lock.withLock { storedNote = nil }
        guard reads, let data = try? Data(contentsOf: file, options: .alwaysMapped) else { return nil }
        let name = file.lastPathComponent
        let rebuilt = "已忽略：本次重建了整个搜索索引，并写入新的缓存"
        switch SearchIndexCache.decode(data, program: program) {
        case .failure(.damaged):
            lock.withLock { storedNote = "搜索索引缓存 \(name) 已损坏或不完整，\(rebuilt)" }
            return nil
        case .failure(.otherProgram(let version)):
            lock.withLock { storedNote = "搜索索引缓存 \(name) 是另一个版本或另一次编译的 gongshi（\(version)）写的，\(rebuilt)" }
            return nil
        case .success(let cache):
            guard let published, SearchIndexCache.filesDigest(published) == cache.filesDigest else {
                lock.withLock {
                    storedNote = "搜索索引缓存 \(name) 与输出目录中已发布的搜索索引不符（网站回滚过、发布的文件被改过，或上次生成没有发布），\(rebuilt)"
                }
                return nil
            }
            return cache
        }
    }

    /// A writer of the next cache file, or nil when it cannot be made (the next build then rebuilds the index).
    func makeWriter() -> SearchIndexCache.Writer? { SearchIndexCache.Writer(target: file, program: program) }
}
