import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The entries of one folder with their kinds, from `readdir` (`lstat` where the file system does not say): a
/// symlink is listed as a symlink, never followed, and nothing is opened but the folder itself.
enum DirectoryListing {
    struct Entry: Equatable {
        let name: String
        let kind: FileBytes.EntryKind
    }

    /// The entries of `path` sorted by name, without `.` and `..`; nil when it cannot be listed.
    static func entries(of path: String) -> [Entry]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var entries: [Entry] = []
        while let pointer = readdir(dir) {
            let name = withUnsafePointer(to: &pointer.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard name != ".", name != ".." else { continue }
            entries.append(Entry(name: name, kind: kind(Int32(pointer.pointee.d_type), path: path + "/" + name)))
        }
        return entries.sorted { $0.name < $1.name }
    }

    private static func kind(_ type: Int32, path: String) -> FileBytes.EntryKind {
        switch type {
        case Int32(DT_REG): return .regular
        case Int32(DT_DIR): return .directory
        case Int32(DT_LNK): return .symlink
        case Int32(DT_FIFO): return .fifo
        case Int32(DT_SOCK): return .socket
        case Int32(DT_CHR), Int32(DT_BLK): return .device
        default: return FileBytes.kind(atPath: path)
        }
    }
}
