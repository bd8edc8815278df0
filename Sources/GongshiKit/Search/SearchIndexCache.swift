import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The search index as the last build left it, read from the cache directory: every document (in number order) with
/// the digest of its fields and the title and text it was tokenised from, and every shard's JSON with the highest
/// document number it holds. Enough to update the index for the documents that changed without tokenising the rest.
///
/// File layout (`SearchIndexCache.Writer` writes it front to back, as the index is made, so it is never held whole):
///
///     gongshi-search-cache <format> <program>\n
///     per document: <id> <digest (64 hex digits)> <title> <text>      each text a u32 length and its UTF-8 bytes
///     per shard:    <u32 highest document number + 1, 0 when empty> <shard JSON>
///     <group key> <digest of the published files' keys>
///     trailer: u64 documents, u64 shards, u64 where the shards start, u64 where the keys start,
///              SHA-256 of everything before it (64 hex digits), "GSEARCH1"
///
/// All numbers are little-endian. A file of another format or program, cut short or with any byte changed is
/// ignored whole.
struct SearchIndexCache {
    static let magic = "gongshi-search-cache"
    static let format = 1
    static let trailerMagic = Array("GSEARCH1".utf8)
    static let trailerSize = 4 * 8 + 64 + 8

    /// One document as it was indexed; the ranges are into `data`.
    struct Document {
        let id: String
        let digest: String
        let title: Range<Int>
        let text: Range<Int>
    }

    /// One shard's JSON (a range into `data`) and the highest document number in it plus one (0 when empty).
    struct Shard {
        let json: Range<Int>
        let end: Int
    }

    /// The whole file.
    let bytes: [UInt8]
    let documents: [Document]
    let shards: [Shard]
    /// The search group's key when this index was made (`SearchIndexUpdater.run`).
    let groupKey: String
    /// `SearchIndexCache.filesDigest` of the index files it describes, as published.
    let filesDigest: String

    /// Why a cache file is not used.
    enum Problem: Error, Equatable {
        case damaged, otherProgram(String)
    }

    /// Reads the cache in `data`; fails when it is damaged or was written by another program.
    static func decode(_ data: Data, program: String) -> Result<SearchIndexCache, Problem> {
        let bytes = [UInt8](data)
        guard bytes.count > trailerSize else { return .failure(.damaged) }
        guard let newline = bytes.prefix(512).firstIndex(of: 0x0A) else { return .failure(.damaged) }
        let header = String(decoding: bytes[..<newline], as: UTF8.self)
        let prefix = "\(magic) "
        guard header.hasPrefix(prefix) else { return .failure(.damaged) }
        let rest = header.dropFirst(prefix.count)
        guard let space = rest.firstIndex(of: " ") else { return .failure(.damaged) }
        guard rest[..<space] == String(format) else { return .failure(.otherProgram("缓存格式 \(rest[..<space])")) }
        let writer = String(rest[rest.index(after: space)...])
        let trailerStart = bytes.count - trailerSize
        guard trailerStart > newline, Array(bytes[(bytes.count - 8)...]) == trailerMagic else { return .failure(.damaged) }
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[..<(trailerStart + 32)])) }
        guard Array(hasher.finalizeHex().utf8) == Array(bytes[(trailerStart + 32)..<(trailerStart + 96)]) else { return .failure(.damaged) }
        guard writer == program else { return .failure(.otherProgram(writer.split(separator: " ").first.map(String.init) ?? writer)) }
        var reader = Reader(bytes: bytes, position: trailerStart)
        guard let documentCount = reader.u64(), let shardCount = reader.u64(), let shardsStart = reader.u64(), let keysStart = reader.u64()
        else { return .failure(.damaged) }
        reader = Reader(bytes: bytes, position: newline + 1, end: shardsStart)
        var documents: [Document] = []
        documents.reserveCapacity(documentCount)
        for _ in 0..<documentCount {
            guard let id = reader.text(), let digest = reader.text(), let title = reader.range(), let text = reader.range() else {
                return .failure(.damaged)
            }
            documents.append(
                Document(id: String(decoding: bytes[id], as: UTF8.self), digest: String(decoding: bytes[digest], as: UTF8.self), title: title, text: text))
        }
        guard reader.position == shardsStart else { return .failure(.damaged) }
        reader = Reader(bytes: bytes, position: shardsStart, end: keysStart)
        var shards: [Shard] = []
        for _ in 0..<shardCount {
            guard let end = reader.u32(), let json = reader.range() else { return .failure(.damaged) }
            shards.append(Shard(json: json, end: end))
        }
        guard reader.position == keysStart else { return .failure(.damaged) }
        reader = Reader(bytes: bytes, position: keysStart, end: trailerStart)
        guard let groupKey = reader.text(), let filesDigest = reader.text(), reader.position == trailerStart, shardCount > 0 else {
            return .failure(.damaged)
        }
        return .success(
            SearchIndexCache(
                bytes: bytes, documents: documents, shards: shards, groupKey: String(decoding: bytes[groupKey], as: UTF8.self),
                filesDigest: String(decoding: bytes[filesDigest], as: UTF8.self)))
    }

    /// The text at `range` of the file.
    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// The digest the cache records of the index files' keys: every `(path, key)`, in path order.
    static func filesDigest(_ keys: [(path: String, key: String)]) -> String {
        var hasher = SHA256()
        for (path, key) in keys.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            hasher.update(Data("\(path)\u{0}\(key)\n".utf8))
        }
        return hasher.finalizeHex()
    }

    /// Reads the little-endian numbers and length-prefixed texts of the file, never past `end`.
    private struct Reader {
        let bytes: [UInt8]
        var position: Int
        var end: Int

        init(bytes: [UInt8], position: Int, end: Int? = nil) {
            self.bytes = bytes
            self.position = position
            self.end = min(end ?? bytes.count, bytes.count)
        }

        mutating func number(_ width: Int) -> Int? {
            guard position >= 0, position + width <= end else { return nil }
            var value: UInt64 = 0
            for index in 0..<width { value |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
            position += width
            return value <= UInt64(Int32.max) ? Int(value) : nil
        }

        mutating func u32() -> Int? { number(4) }
        mutating func u64() -> Int? { number(8) }

        /// The range of a length-prefixed text.
        mutating func range() -> Range<Int>? {
            guard let length = u32(), position + length <= end else { return nil }
            defer { position += length }
            return position..<(position + length)
        }

        mutating func text() -> Range<Int>? { range() }
    }
}

extension SearchIndexCache {
    /// Writes a cache file front to back into a temporary file beside `target`, which `commit` renames into place.
    /// Any failure leaves the old file as it was (and `commit` does nothing).
    final class Writer {
        private let target: URL
        private let temporary: URL
        private var fd: Int32
        private var buffer: [UInt8] = []
        private var hasher = SHA256()
        private var offset = 0
        private var failed = false
        private var documents = 0
        private var shards = 0
        private var shardsStart: Int?

        /// Opens the temporary file; nil when it cannot be made.
        init?(target: URL, program: String) {
            self.target = target
            temporary = target.deletingLastPathComponent().appendingPathComponent(
                ".\(target.lastPathComponent).\(getpid()).\(UInt64.random(in: 0...UInt64.max))")
            try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            guard fd >= 0 else { return nil }
            buffer.reserveCapacity(1 << 20)
            append(Array("\(SearchIndexCache.magic) \(SearchIndexCache.format) \(program)\n".utf8))
        }

        deinit {
            if fd >= 0 {
                close(fd)
                unlink(temporary.path)
            }
        }

        /// Adds the next document (they come in number order, before any shard).
        func addDocument(id: String, digest: String, title: some Collection<UInt8>, text: some Collection<UInt8>) {
            documents += 1
            appendText(id.utf8)
            appendText(digest.utf8)
            appendText(title)
            appendText(text)
        }

        /// Adds the next shard (in shard order, after every document): its JSON and its highest document + 1.
        func addShard(json: some Collection<UInt8>, end: Int) {
            if shardsStart == nil { shardsStart = offset }
            shards += 1
            appendNumber(end, width: 4)
            appendText(json)
        }

        /// Finishes the file and renames it over the target.
        func commit(groupKey: String, filesDigest: String) {
            let keysStart = offset
            if shardsStart == nil { shardsStart = offset }
            appendText(groupKey.utf8)
            appendText(filesDigest.utf8)
            for value in [documents, shards, shardsStart!, keysStart] { appendNumber(value, width: 8) }
            flush()
            buffer += Array(hasher.finalizeHex().utf8) + SearchIndexCache.trailerMagic
            flush(hashing: false)
            let ok = !failed && close(fd) == 0
            fd = -1
            if !ok || rename(temporary.path, target.path) != 0 { unlink(temporary.path) }
        }

        private func appendText(_ bytes: some Collection<UInt8>) {
            appendNumber(bytes.count, width: 4)
            append(bytes)
        }

        private func appendNumber(_ value: Int, width: Int) {
            for index in 0..<width { buffer.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
            offset += width
            if buffer.count >= 1 << 20 { flush() }
        }

        private func append(_ bytes: some Collection<UInt8>) {
            buffer.append(contentsOf: bytes)
            offset += bytes.count
            if buffer.count >= 1 << 20 { flush() }
        }

        /// Writes the buffer out (hashing it first); a failed write marks the file as not to be committed.
        private func flush(hashing: Bool = true) {
            guard !buffer.isEmpty else { return }
            buffer.withUnsafeBytes { bytes in
                if hashing { hasher.update(bytes) }
                var written = 0
                while !failed, written < bytes.count {
                    let n = write(fd, bytes.baseAddress! + written, bytes.count - written)
                    if n < 0, errno == EINTR { continue }
                    if n <= 0 { failed = true } else { written += n }
                }
            }
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
