/// Where a record came from: its file relative to the source dir and the line of every front-matter key.
public struct SourceRef: Sendable, Hashable, Codable {
    public let path: String
    /// Dotted key path (`items.2.done`) → 1-based line in the file.
    public let keyLines: [String: Int]

    public init(path: String, keyLines: [String: Int] = [:]) {
        self.path = path
        self.keyLines = keyLines
    }

    /// The line of `keyPath`, else of its nearest ancestor key, else 1.
    public func line(_ keyPath: String) -> Int {
        var key = keyPath
        while true {
            if let line = keyLines[key] { return line }
            guard let dot = key.lastIndex(of: ".") else { return 1 }
            key = String(key[..<dot])
        }
    }
}
