import Foundation

/// `manifest.json`: every file of a release with its SHA-256 and size, sorted by path.
public struct Manifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let sha256: String
        public let size: Int
    }

    public static let fileName = "manifest.json"
    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) { self.entries = entries }

    /// Stable JSON: keys sorted, one file a line, no timestamps.
    public var json: Data {
        var text = "{\n  \"files\": {\n"
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
        guard let data = FileManager.default.contents(atPath: url.path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let files = object["files"] as? [String: [String: Any]]
        else { return nil }
        var manifest = Manifest()
        for (path, value) in files {
            guard let sha = value["sha256"] as? String, let size = value["size"] as? Int else { return nil }
            manifest.entries[path] = Entry(sha256: sha, size: size)
        }
        return manifest
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
