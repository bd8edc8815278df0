import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What `lstat` says of a regular source file, recorded in the parse cache: a file whose status is unchanged (and
/// was settled when recorded, see `isSettled`) is taken to hold the text it held then.
struct FileStatus: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int
    var modified: FileTime
    /// The status-change time, which `touch` cannot set back: an edit that restores size and modification time
    /// still changes it.
    var changed: FileTime

    /// The status of the regular file at `path` (never following a symlink); nil for anything else.
    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        modified = FileTime(info.st_mtim)
        changed = FileTime(info.st_ctim)
    }

    /// Whether both times are safely before `start`, a time taken before the file was examined
    /// (`FileTime.now(in:)`): any later change then gives the file a later time, so an equal status means an equal
    /// file. A file changed in the same clock tick as it was read could keep its times and size; it is not
    /// settled, and is read and hashed again by the next build.
    func isSettled(before start: FileTime?) -> Bool {
        guard let start else { return false }
        return modified < start && changed < start
    }
}

extension FileStatus {
    /// A status as the parse cache stored it.
    init(device: UInt64, inode: UInt64, size: Int, modified: FileTime, changed: FileTime) {
        (self.device, self.inode, self.size, self.modified, self.changed) = (device, inode, size, modified, changed)
    }

    func write(to w: inout BinaryWriter) {
        w.unsigned(device)
        w.unsigned(inode)
        w.int(size)
        for time in [modified, changed] {
            w.int(time.seconds)
            w.int(time.nanoseconds)
        }
    }

    static func read(_ r: inout BinaryReader) throws -> FileStatus {
        func time() throws -> FileTime { FileTime(timespec(tv_sec: try r.int(), tv_nsec: try r.int())) }
        return FileStatus(device: try r.unsigned(), inode: try r.unsigned(), size: try r.int(), modified: try time(), changed: try time())
    }
}
