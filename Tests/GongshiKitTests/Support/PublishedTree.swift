import Foundation

/// Every file of a published site (dot files included), path → bytes, for byte-for-byte comparison.
struct PublishedTree: Equatable {
    var files: [String: Data]

    init(_ root: URL) {
        files = [:]
        for path in TestSite.listFiles(under: root) {
            files[path] = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) ?? Data()
        }
    }

    /// What differs from `other`: missing, extra and changed files, sorted.
    func differences(from other: PublishedTree) -> [String] {
        var lines: [String] = []
        for path in Set(files.keys).union(other.files.keys).sorted() {
            switch (files[path], other.files[path]) {
            case (nil, _): lines.append("only in the other tree: \(path)")
            case (_, nil): lines.append("only in this tree: \(path)")
            case (let a?, let b?) where a != b: lines.append("differs: \(path)")
            default: break
            }
        }
        return lines
    }

    /// The files (and paths) holding `text`; for an id, only where it stands alone (not inside a longer id).
    func occurrences(of text: String, isID: Bool) -> [String] {
        let needle = Data(text.utf8)
        let lower = Data(text.lowercased().utf8)
        var found: [String] = []
        for (path, data) in files {
            if Self.contains(Data(path.utf8), needle, bounded: isID) || Self.contains(data, needle, bounded: isID)
                || (!isID && Self.contains(data, lower, bounded: false))
            {
                found.append(path)
            }
        }
        return found.sorted()
    }

    /// Whether `haystack` holds `needle`; `bounded`: not next to a letter, digit or hyphen.
    static func contains(_ haystack: Data, _ needle: Data, bounded: Bool) -> Bool {
        var start = haystack.startIndex
        while let range = haystack.range(of: needle, in: start..<haystack.endIndex) {
            guard bounded else { return true }
            func isWord(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D }
            let before = range.lowerBound > haystack.startIndex ? haystack[range.lowerBound - 1] : 0x20
            let after = range.upperBound < haystack.endIndex ? haystack[range.upperBound] : 0x20
            if !isWord(before) && !isWord(after) { return true }
            start = range.lowerBound + 1
        }
        return false
    }
}
