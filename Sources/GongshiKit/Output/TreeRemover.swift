import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Deletes a folder and everything in it with plain `readdir`/`unlinkat` calls. Replacing the site removes the
/// previous release (hundreds of thousands of files for a big site); FileManager's `removeItem` spends several
/// system calls and allocations per file on that. Symbolic links are removed, never followed.
enum TreeRemover {
    /// Removes `url` (a folder or a file); missing paths are fine. Returns false if something could not be removed.
    @discardableResult
    static func remove(_ url: URL) -> Bool {
        let path = url.path
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT }
        guard info.st_mode & S_IFMT == S_IFDIR else { return unlink(path) == 0 }
        let parent = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard parent >= 0 else { return false }
        defer { close(parent) }
        return removeEntry(named: url.lastPathComponent, in: parent, isDirectory: true)
    }

    static func removeEntry(named name: String, in parent: Int32, isDirectory: Bool) -> Bool {
        guard isDirectory else { return unlinkat(parent, name, 0) == 0 || errno == ENOENT }
        let fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            // Not a folder after all (a symlink to one, or changed meanwhile): unlink the entry itself.
            return unlinkat(parent, name, 0) == 0 || errno == ENOENT
        }
        guard let dir = fdopendir(fd) else {
            close(fd)
            return false
        }
        var children: [(String, Bool?)] = []
        while let entry = readdir(dir) {
            let child = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if child == "." || child == ".." { continue }
            let type = entry.pointee.d_type
            children.append((child, type == UInt8(DT_DIR) ? true : type == UInt8(DT_UNKNOWN) ? nil : false))
        }
        var ok = true
        for (child, knownDirectory) in children {
            var isDirectory = knownDirectory ?? false
            if knownDirectory == nil {
                var info = stat()
                isDirectory = fstatat(dirfd(dir), child, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            ok = removeEntry(named: child, in: dirfd(dir), isDirectory: isDirectory) && ok
        }
        closedir(dir)
        return (unlinkat(parent, name, AT_REMOVEDIR) == 0 || errno == ENOENT) && ok
    }
}
