import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The parse cache on disk: `<cache dir>/parse-<hash of the source path>.cache`, one file per source folder,
/// replaced whole by an atomic rename. Layout:
///
///     gongshi-parse-cache <format> <index bytes> <pieces bytes> <SHA-256 of index and pieces>\n
///     <index: gongshi version, program, settings digest, and per file its path, status, settled flag,
///      text SHA-256, and where its piece lies>
///     <pieces: one value per file, back to back>
///
/// The index and the pieces are written field by field by `BinaryWriter` (format 1 was JSON, whose decoding was
/// about 12 % of a one-edit rebuild's CPU; format 2 went through `Codable` into a tagged binary form, whose decoding
/// was still nearly all of reading the cache back). The first line is checked before anything else is read: a file of another format, cut
/// short or with any byte changed is ignored whole, with a note. Pieces are decoded only for the files that are
/// reused, on every core.
extension ParseCache {
    static let magic = "gongshi-parse-cache"
    static let format = 7

    /// The build of gongshi that wrote a cache: its version and the running program file's size, modification time
    /// and inode, so that a rebuilt program (whose loader may have changed without a new version number) never
    /// trusts an older program's results.
    static let program: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return GongshiVersion.current }
        return "\(GongshiVersion.current) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }()

    struct Index {
        var version: String
        var program: String
        var settings: String
        var files: [IndexEntry]

        func write(to w: inout BinaryWriter) {
            w.string(version)
            w.string(program)
            w.string(settings)
            w.list(files) { $1.write(to: &$0) }
        }

        static func read(_ r: inout BinaryReader) throws -> Index {
            Index(version: try r.string(), program: try r.string(), settings: try r.string(), files: try r.list(IndexEntry.read))
        }
    }

    struct IndexEntry {
        var path: String
        var status: FileStatus
        var settled: Bool
        var sha256: String
        var offset: Int
        var length: Int

        func write(to w: inout BinaryWriter) {
            w.string(path)
            status.write(to: &w)
            w.bool(settled)
            w.string(sha256)
            w.int(offset)
            w.int(length)
        }

        static func read(_ r: inout BinaryReader) throws -> IndexEntry {
            IndexEntry(
                path: try r.string(), status: try FileStatus.read(&r), settled: try r.bool(), sha256: try r.string(), offset: try r.int(),
                length: try r.int())
        }
    }

    /// `<cache dir>/parse-<hash of the source folder's path>.cache`, so sources sharing a `--cache` folder keep apart.
    static func file(in directory: URL, source: URL) -> URL {
        let id = SHA256.hex(source.standardizedFileURL.path).prefix(16)
        return directory.appendingPathComponent("parse-\(id).cache")
    }

    /// The cache saved for `source` in `directory` for loads with `settings`; an empty cache with a `note` when the
    /// file is there but cannot be used (damaged, another program, other settings), and without one when there is none.
    public static func read(from directory: URL, source: URL, settings: LoaderSettings) -> ParseCache {
        let url = file(in: directory, source: source)
        var empty = ParseCache(settings: settings)
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return empty }
        switch decode(data, settings: empty.settings) {
        case .success(let cache):
            return cache
        case .failure(let problem):
            empty.note = problem.message(url.lastPathComponent)
            return empty
        }
    }

    /// Why a cache file is not used.
    enum Problem: Error, Equatable {
        case damaged, otherProgram(String), otherSettings

        func message(_ name: String) -> String {
            switch self {
            case .damaged:
                return "解析缓存 \(name) 已损坏或不完整，已忽略：本次重新读取、解析了全部内容文件，并写入新的缓存"
            case .otherProgram(let version):
                return "解析缓存 \(name) 是另一个版本或另一次编译的 gongshi（\(version)）写的，已忽略：本次重新读取、解析了全部内容文件，并写入新的缓存"
            case .otherSettings:
                return ParseCache.settingsNote
            }
        }
    }

    static func decode(_ data: Data, settings: String) -> Result<ParseCache, Problem> {
        guard let newline = data.prefix(256).firstIndex(of: 0x0A) else { return .failure(.damaged) }
        let fields = String(decoding: data[data.startIndex..<newline], as: UTF8.self).split(separator: " ")
        guard fields.count == 5, fields[0] == magic else { return .failure(.damaged) }
        guard fields[1] == String(format) else { return .failure(.otherProgram("缓存格式 \(fields[1])")) }
        let start = newline + 1
        guard let indexLength = Int(fields[2]), let piecesLength = Int(fields[3]), indexLength >= 0, piecesLength >= 0,
            data.endIndex - start == indexLength + piecesLength, SHA256.hex(data[start...]) == fields[4]
        else { return .failure(.damaged) }
        let piecesStart = start + indexLength
        guard let index = try? BinaryReader.read(data[start..<piecesStart], Index.read) else { return .failure(.damaged) }
        guard index.version == GongshiVersion.current, index.program == program else { return .failure(.otherProgram(index.version)) }
        guard index.settings == settings else { return .failure(.otherSettings) }
        var cache = ParseCache(settingsDigest: settings)
        for file in index.files {
            guard file.offset >= 0, file.length >= 0, file.offset + file.length <= piecesLength else { return .failure(.damaged) }
            let piece = data[(piecesStart + file.offset)..<(piecesStart + file.offset + file.length)]
            cache.entries[file.path] = Entry(status: file.status, settled: file.settled, sha256: file.sha256, stored: piece)
        }
        cache.modified = false
        return .success(cache)
    }

    /// The cache file's bytes: pieces already stored are copied as they are, the others encoded on every core.
    /// Entries whose piece cannot be encoded are left out (their files are parsed again next time). `program` is
    /// the writer's (`program`; tests write another).
    func encoded(program: String = Self.program) -> Data {
        let paths = entries.keys.sorted()
        let pieces: [Data?] = paths.concurrentMap { path in
            let entry = entries[path]!
            return entry.stored ?? entry.content?.binary
        }
        var index = Index(version: GongshiVersion.current, program: program, settings: settings, files: [])
        var body = Data()
        for (path, piece) in zip(paths, pieces) {
            guard let piece, let entry = entries[path] else { continue }
            index.files.append(
                IndexEntry(
                    path: path, status: entry.status, settled: entry.settled, sha256: entry.sha256, offset: body.count, length: piece.count))
            body.append(piece)
        }
        var indexWriter = BinaryWriter(capacity: 128 * index.files.count)
        index.write(to: &indexWriter)
        let indexData = indexWriter.data
        var hasher = SHA256()
        hasher.update(indexData)
        hasher.update(body)
        var data = Data("\(Self.magic) \(Self.format) \(indexData.count) \(body.count) \(hasher.finalizeHex())\n".utf8)
        data.append(indexData)
        data.append(body)
        return data
    }

    /// Writes the cache for `source` into `directory` (readable by the owner only: it holds what the content holds)
    /// through a temporary file and a rename, so a reader sees the old file or the new one. A failure costs only
    /// the next build its reuse. Nothing is written when the entries are those of the file already there.
    public func save(to directory: URL, source: URL) {
        guard modified else { return }
        let target = Self.file(in: directory, source: source)
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).\(UInt64.random(in: 0...UInt64.max))")
        let data = encoded()
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return }
        let written = data.withUnsafeBytes { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return false }
                offset += n
            }
            return true
        }
        close(fd)
        if !written || rename(temporary.path, target.path) != 0 { unlink(temporary.path) }
    }
}
