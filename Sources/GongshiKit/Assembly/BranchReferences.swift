/// Checks `branch` and `parent` references against the loaded branches, and against the branch files that failed
/// to load, so a broken branch file is reported once instead of as a missing organisation in every file using it.
struct BranchReferences {
    let known: Set<String>
    /// Id → the unloaded file that seems to hold it (the first, when several do).
    private let unloaded: [String: String]
    /// Unloaded file → the files referring to it, in the order found.
    private var referrers: [String: [String]] = [:]
    /// Unloaded file → the id the referring files used.
    private var referencedID: [String: String] = [:]

    init(known: Set<String>, unloaded files: [UnloadedBranch]) {
        self.known = known
        var unloaded: [String: String] = [:]
        for file in files {
            for id in file.ids where !known.contains(id) && unloaded[id] == nil { unloaded[id] = file.path }
        }
        self.unloaded = unloaded
    }

    /// Nothing for a known id; for an id of a file that failed to load, nothing yet (see `unloadedReport`); else the
    /// missing-organisation error.
    /// `hint` follows the missing-organisation message (which organisations the field may name).
    mutating func check(_ id: String, field: String, _ source: SourceRef, hint: String? = nil) -> [Diagnostic] {
        if known.contains(id) { return [] }
        if let file = unloaded[id] {
            if referrers[file]?.contains(source.path) != true { referrers[file, default: []].append(source.path) }
            if referencedID[file] == nil { referencedID[file] = id }
            return []
        }
        var message = SiteAssembler.missingBranch(id, field: field, known: known)
        if known.sorted().nearest(to: id) == nil, let guess = unloaded.keys.sorted().nearest(to: id), let file = unloaded[guess] {
            message += "；是否应为 \(guess)？（它的文件 \(file) 有错误，还没有读入）"
        }
        if let hint { message += message.hasSuffix("？") || message.hasSuffix("）") ? hint : "；\(hint)" }
        return [.error(source, field, message)]
    }

    /// One error per unloaded branch file that others refer to, at the line of that file's first error, naming the
    /// files that wait for it.
    func unloadedReport(firstErrorLines diagnostics: [Diagnostic]) -> [Diagnostic] {
        referrers.keys.sorted().map { file in
            let users = referrers[file] ?? []
            let shown: String
            switch users.count {
            case 1: shown = users[0]
            case 2, 3: shown = "\(users.joined(separator: "、")) 这 \(users.count) 个文件"
            default: shown = "\(users.prefix(3).joined(separator: "、")) 等 \(users.count) 个文件"
            }
            let line = diagnostics.filter { $0.path == file && $0.severity == .error }.map(\.line).min() ?? 1
            let id = referencedID[file] ?? file
            return Diagnostic(
                .error, file, line: line,
                "组织 \(id) 的文件 \(file) 有错误，未能读入：\(shown) 引用了这个组织（branch 或 parent），"
                    + "改正本文件的错误后才能核对这些引用；这些文件本身不用改", kind: .unloadedBranch)
        }
    }
}
