import Foundation

/// `manifest.json`: every file of a release with its SHA-256 and size, sorted by path, and how many records of each
/// kind the release publishes (for `ShrinkGuard`).
public struct Manifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let sha256: String
        public let size: Int
    }

    public static let fileName = "manifest.json"
    public var entries: [String: Entry]
    /// Published records per kind (`branches`, `promises`, `disclosures`, `examples`, `pages`); empty in manifests
    /// written before gongshi recorded them.
    public var counts: [String: Int]

    public init(entries: [String: Entry] = [:], counts: [String: Int] = [:]) {
        self.entries = entries
        self.counts = counts
    }

    /// Stable JSON: keys sorted, the counts on one line, one file a line, no timestamps.
    public var json: Data {
        var text = "{\n"
        if !counts.isEmpty {
            let pairs = counts.keys.sorted().map { "\(Self.quoted($0)): \(counts[$0]!)" }
            text += "  \"counts\": {\(pairs.joined(separator: ", "))},\n"
        }
        text += "  \"files\": {\n"
        let lines = entries.keys.sorted().map { path in
            let entry = entries[path]!
            return "    \(Self.quoted(path)): {\"sha256\": \"\(entry.sha256)\", \"size\": \(entry.size)}"
        }
        text += lines.joined(separator: ",\n")
        text += (lines.isEmpty ? "" : "\n") + "  }\n}\n"
        return Data(text.utf8)
    }

    /// Reads a manifest written by `json`; nil when missing or unreadable.
    public static func read(from url: URL) -> Manifest? {
        guard let data = contents(of: url) else { return nil }
        return parse(data)
    }

    /// The bytes of the manifest file at `url`: every manifest gongshi reads is read here (`Reads` counts them).
    static func contents(of url: URL) -> Data? {
        Reads.shared.note(url.path)
        return FileManager.default.contents(atPath: url.path)
    }

    /// Test seam: how often the manifest files of watched paths were read (a build reads the live one once).
    final class Reads: @unchecked Sendable {
        static let shared = Reads()
        private let lock = NSLock()
        private var counts: [String: Int] = [:]

        /// Starts counting the reads of the manifest file at `path`, from zero.
        func watch(_ path: String) {
            lock.lock()
            defer { lock.unlock() }
            counts[path] = 0
        }

        /// The reads of a watched path since `watch`; nil when not watched.
        func count(_ path: String) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            return counts[path]
        }

        func note(_ path: String) {
            lock.lock()
            defer { lock.unlock() }
            if let count = counts[path] { counts[path] = count + 1 }
        }
    }

    /// Parses a manifest: `json`'s own layout directly (an incremental build reads the manifests of 42,000 files
    /// twice, and `JSONSerialization` was 4 % of it), any other valid JSON of the same shape through
    /// `JSONSerialization`.
    static func parse(_ data: Data) -> Manifest? {
        if let manifest = data.withUnsafeBytes({ parseOwnLayout(Array($0.bindMemory(to: UInt8.self))) }) { return manifest }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let files = object["files"] as? [String: [String: Any]]
        else { return nil }
        var manifest = Manifest()
        if let counts = object["counts"] {
            guard let counts = counts as? [String: Int] else { return nil }
            manifest.counts = counts
        }
        for (path, value) in files {
            guard let sha = value["sha256"] as? String, let size = value["size"] as? Int else { return nil }
            manifest.entries[path] = Entry(sha256: sha, size: size)
        }
        return manifest
    }

    /// The lines `json` writes, one file each: `    "path": {"sha256": "…", "size": 12},`. nil for anything else,
    /// including a path with an escape, so that `JSONSerialization` decides.
    static func parseOwnLayout(_ bytes: [UInt8]) -> Manifest? {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)[...]
        let head = Array("{".utf8), files = Array("  \"files\": {".utf8), close = Array("  }".utf8)
        guard lines.count >= 5, lines[0].elementsEqual(head) else { return nil }
        var manifest = Manifest()
        lines = lines.dropFirst()
        if let first = lines.first, !first.elementsEqual(files) {
            guard let counts = parseCounts(first) else { return nil }
            manifest.counts = counts
            lines = lines.dropFirst()
        }
        let count = lines.count
        guard count >= 4, lines.first!.elementsEqual(files), lines[lines.endIndex - 3].elementsEqual(close),
            lines[lines.endIndex - 2].elementsEqual("}".utf8), lines[lines.endIndex - 1].isEmpty
        else { return nil }
        let open = Array("    \"".utf8), middle = Array("\": {\"sha256\": \"".utf8), sizeKey = Array("\", \"size\": ".utf8)
        manifest.entries.reserveCapacity(count - 4)
        for (index, line) in lines[(lines.startIndex + 1)..<(lines.endIndex - 3)].enumerated() {
            let last = index == count - 5
            // path, 64 hex digits, the size, and "}" or "},".
            let minimum = open.count + middle.count + 64 + sizeKey.count + 2 + (last ? 0 : 1)
            guard line.count >= minimum, line.starts(with: open), !line.contains(0x5C) else { return nil }
            var end = line.endIndex
            if !last {
                guard line[end - 1] == UInt8(ascii: ",") else { return nil }
                end -= 1
            }
            guard line[end - 1] == UInt8(ascii: "}") else { return nil }
            end -= 1
            var sizeStart = end
            while sizeStart > line.startIndex, (0x30...0x39).contains(line[sizeStart - 1]) { sizeStart -= 1 }
            guard sizeStart < end, let size = Int(String(decoding: line[sizeStart..<end], as: UTF8.self)) else { return nil }
            let hashEnd = sizeStart - sizeKey.count
            let hashStart = hashEnd - 64
            let pathEnd = hashStart - middle.count
            let pathStart = line.startIndex + open.count
            guard pathEnd > pathStart, line[hashEnd..<sizeStart].elementsEqual(sizeKey), line[pathEnd..<hashStart].elementsEqual(middle),
                line[hashStart..<hashEnd].allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
                !line[pathStart..<pathEnd].contains(0x22)
            else { return nil }
            let path = String(decoding: line[pathStart..<pathEnd], as: UTF8.self)
            guard manifest.entries.updateValue(Entry(sha256: String(decoding: line[hashStart..<hashEnd], as: UTF8.self), size: size), forKey: path) == nil
            else { return nil }
        }
        return manifest
    }

    /// `  "counts": {"branches": 3, "pages": 2},` → the counts; nil for anything else. Keys are plain ASCII words.
    static func parseCounts(_ line: ArraySlice<UInt8>) -> [String: Int]? {
        let prefix = Array("  \"counts\": {".utf8)
        guard line.starts(with: prefix), line.count >= prefix.count + 2, line.suffix(2).elementsEqual("},".utf8) else { return nil }
        let inner = line[(line.startIndex + prefix.count)..<(line.endIndex - 2)]
        var counts: [String: Int] = [:]
        for pair in String(decoding: inner, as: UTF8.self).split(separator: ",") {
            let parts = pair.split(separator: ":")
            guard parts.count == 2 else { return nil }
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            guard key.count >= 3, key.hasPrefix("\""), key.hasSuffix("\""),
                key.dropFirst().dropLast().allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }),
                let value = Int(parts[1].trimmingCharacters(in: .whitespaces)), value >= 0
            else { return nil }
            counts[String(key.dropFirst().dropLast())] = value
        }
        return counts
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
