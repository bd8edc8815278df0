import Foundation

/// A branch file that could not be loaded (YAML, schema or encoding errors), and the ids it seems to hold.
///
/// Every file referring to it would otherwise get a false "引用的组织不存在" error; the assembler instead names this
/// file once. The id is read from the raw `id:` line when there is one, and the file name is tried too (README
/// suggests naming files after their id).
public struct UnloadedBranch: Sendable, Equatable, Codable {
    public let path: String
    public let ids: [String]

    /// A branch file at `path` known by `ids` (as the parse cache stores it).
    init(path: String, ids: [String]) {
        (self.path, self.ids) = (path, ids)
    }

    /// The ids of the file at `path` with the text (front matter or whole file) `text`, when it has any.
    init(path: String, text: String?) {
        self.path = path
        var ids: [String] = []
        if let text, let id = Self.rawID(in: text) { ids.append(id) }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        if !ids.contains(stem) { ids.append(stem) }
        self.ids = ids
    }

    /// The value of the first top-level `id:` line, without quotes or a trailing comment.
    static func rawID(in text: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(200) {
            guard line.hasPrefix("id:") else { continue }
            var value = line.dropFirst(3)
            if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
            let id = value.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return id.isEmpty ? nil : id
        }
        return nil
    }
}

extension LoadedContent {
    /// Records a branch file that gave no record; other kinds are not referred to, so they are not kept.
    mutating func noteUnloaded(path: String, text: String?) {
        guard path.hasPrefix("content/\(ContentKind.branches.rawValue)/") else { return }
        unloadedBranches.append(UnloadedBranch(path: path, text: text))
    }
}
