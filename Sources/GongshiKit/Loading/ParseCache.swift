import Foundation

/// What loading each content file produced, so that an unchanged file is never read, parsed, rendered by cmark
/// or scanned again. Kept in memory by `gongshi serve` between rebuilds and in a file of the cache directory
/// between builds (`ParseCache+File.swift`).
///
/// An entry is reused without reading the file when the file's `lstat` status is what it was and it was settled
/// then (`FileStatus.isSettled`); otherwise the file is read and its text hashed, and a text with the same SHA-256
/// is reused too. Everything else a file's load depends on is the cache's `settings` (`LoaderSettings`) and the
/// program itself (`ParseCache.program`); when either differs, no entry is used.
public struct ParseCache: Sendable {
    struct Entry: Sendable {
        var status: FileStatus
        var settled: Bool
        /// SHA-256 of the file's text as decoded (`SourceText`), which is all its load reads.
        var sha256: String
        /// The file's piece of `LoadedContent`, once decoded or made.
        var content: LoadedContent?
        /// The piece as stored in the cache file, until it is decoded; written back unchanged by the next save.
        var stored: Data?
    }

    /// By path relative to the source dir.
    var entries: [String: Entry] = [:]
    /// `LoaderSettings.digest` of the settings every entry was loaded with.
    var settings: String
    /// Why a cache file was not used, in Chinese, for the build report; nil when it was used or there was none.
    public internal(set) var note: String?
    /// Whether the entries differ from the cache file they were read from (nothing to save when not).
    var modified = true
    /// What the latest load did.
    public internal(set) var statistics = ParseStatistics()

    /// An empty cache for `settings`.
    public init(settings: LoaderSettings) { self.settings = settings.digest }

    /// An empty cache, for the first load of a caller that keeps the cache in memory.
    public init() { settings = "" }

    init(settingsDigest: String) { settings = settingsDigest }

    /// Reusable with `settings`: the same cache, or an empty one when the settings changed (`note` says so).
    func matching(_ settings: LoaderSettings) -> ParseCache {
        let digest = settings.digest
        guard digest != self.settings else { return self }
        var fresh = ParseCache(settingsDigest: digest)
        if !entries.isEmpty { fresh.note = Self.settingsNote }
        return fresh
    }

    static let settingsNote =
        "site.yaml 中影响读取内容的设置（categories、topics、privacy）改过了，解析缓存中的结果都不再适用：本次重新读取、解析了全部内容文件"
}

/// How many content files a load parsed and how many it took from the parse cache.
public struct ParseStatistics: Sendable, Equatable, Codable {
    /// Read and parsed (new, changed, or not in the cache).
    public var parsed = 0
    /// Taken from the cache.
    public var reused = 0
    /// Of `reused`: read and hashed first, because their status changed or was too recent to trust.
    public var rehashed = 0
}
