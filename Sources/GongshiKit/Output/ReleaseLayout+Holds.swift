import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension ReleaseLayout {
    /// Whether `path` (symlinks of its existing part resolved) is the output, gongshi's folder beside it or the
    /// earlier layout's releases, or lies inside one of them.
    public func holds(_ path: String) -> Bool {
        let path = Self.resolved(path)
        return [output, stateDirectory, legacyReleases].map { Self.resolved($0.path) }.contains { folder in
            path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
        }
    }

    /// `path` made absolute, with its existing part resolved by the kernel (symlinks and `..` through them) and the
    /// rest, which does not exist yet and will be created as plain folders, resolved lexically.
    static func resolved(_ path: String) -> String {
        var existing = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var rest: [String] = []
        var info = stat()
        while lstat(existing, &info) != 0, existing != "/" {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        var parts = (realPath(existing) ?? existing).split(separator: "/").map(String.init)
        for part in rest {
            switch part {
            case ".", "": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The real path of an existing entry (`realpath(3)`), nil when it cannot be resolved.
    static func realPath(_ path: String) -> String? {
        guard let resolved = Glibc.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

}
