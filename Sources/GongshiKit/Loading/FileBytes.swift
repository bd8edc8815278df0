import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads one source file with plain system calls, and only when it is what it claims to be: a regular file, not a
/// symlink, a folder, a FIFO, a socket or a device. The entry is examined with `lstat` before anything is opened
/// (opening a FIFO blocks until someone writes to it), then opened with `O_NOFOLLOW | O_NONBLOCK` and checked again
/// with `fstat`, so an entry swapped in between cannot be followed or block the build. A file larger than the limit is
/// refused before reading. `FileManager.attributesOfItem` looked up the owner's and group's names for every file.
enum FileBytes {
    enum Outcome: Equatable {
        case bytes(Data)
        /// The size `fstat` reported, or the bytes read so far when the file grew past the limit while being read.
        case tooLarge(Int)
        case missing
        /// A symlink, never followed; its target's name is never read (it may hold a personal number).
        case symlink
        /// Not a regular file, and never opened.
        case notRegular(EntryKind)
        /// A regular file that cannot be opened or read (permissions).
        case unreadable
    }

    /// What a directory entry is, from `lstat` (a symlink is reported as such, never followed).
    enum EntryKind: Equatable, Sendable {
        case regular, directory, symlink, fifo, socket, device, missing, other

        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: self = .regular
            case S_IFDIR: self = .directory
            case S_IFLNK: self = .symlink
            case S_IFIFO: self = .fifo
            case S_IFSOCK: self = .socket
            case S_IFCHR, S_IFBLK: self = .device
            default: self = .other
            }
        }

        /// The kind in Chinese, for messages.
        var label: String {
            switch self {
            case .regular: return "普通文件"
            case .directory: return "目录"
            case .symlink: return "符号链接"
            case .fifo: return "命名管道（FIFO）"
            case .socket: return "套接字"
            case .device: return "设备文件"
            case .missing: return "不存在的文件"
            case .other: return "特殊文件"
            }
        }
    }

    /// The kind of the entry at `path` itself (`lstat`: a symlink is not followed).
    static func kind(atPath path: String) -> EntryKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        return EntryKind(mode: info.st_mode)
    }

    /// The kind of what a symlink at `path` leads to (`stat`, which neither opens it nor reveals its name).
    static func followedKind(atPath path: String) -> EntryKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return EntryKind(mode: info.st_mode)
    }

    /// Reads the file at `path`; its last component must be a regular file (earlier components are trusted, as the
    /// content scanner walks folders without following symlinks).
    static func read(_ path: String, limit: Int) -> Outcome {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable }
        if let refusal = refusal(info) { return refusal }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        return read(fd, expected: info, limit: limit)
    }

    /// Reads `relative` (components separated by `/`) below the folder `root`, refusing a symlink in any component,
    /// so that a symlinked folder on the way cannot lead out of `root`. `root` itself may be a symlink.
    static func read(_ relative: String, under root: String, limit: Int) -> Outcome {
        let parts = relative.split(separator: "/").map(String.init)
        guard let last = parts.last, !parts.contains(".."), !parts.contains(".") else { return .missing }
        var folder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return .missing }
        defer { close(folder) }
        for part in parts.dropLast() {
            var info = stat()
            guard fstatat(folder, part, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .missing }
            let kind = EntryKind(mode: info.st_mode)
            guard kind == .directory else { return kind == .symlink ? .symlink : .missing }
            let next = openat(folder, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else { return errno == ELOOP || errno == ENOTDIR ? .symlink : .unreadable }
            close(folder)
            folder = next
        }
        var info = stat()
        guard fstatat(folder, last, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable
        }
        if let refusal = refusal(info) { return refusal }
        let fd = openat(folder, last, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        return read(fd, expected: info, limit: limit)
    }

    /// Why an entry examined with `lstat` is not read, if it is not a regular file.
    private static func refusal(_ info: stat) -> Outcome? {
        switch EntryKind(mode: info.st_mode) {
        case .regular: return nil
        case .symlink: return .symlink
        case let kind: return .notRegular(kind)
        }
    }

    /// Reads an opened descriptor to its end, when it is still the regular file `expected` described.
    private static func read(_ fd: Int32, expected: stat, limit: Int) -> Outcome {
        guard fd >= 0 else { return errno == ELOOP ? .symlink : .unreadable }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .unreadable }
        // Replaced since `lstat` (by a FIFO, say): refused, never read.
        guard info.st_dev == expected.st_dev, info.st_ino == expected.st_ino else { return .unreadable }
        if let refusal = refusal(info) { return refusal }
        let size = Int(info.st_size)
        guard size <= limit else { return .tooLarge(size) }
        // One byte more than the size, so a file that grew since `fstat` is still read to its end.
        var buffer = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == buffer.count {
                guard count <= limit else { return .tooLarge(count) }
                buffer += [UInt8](repeating: 0, count: max(4096, count))
            }
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { return .unreadable }
            if n == 0 { break }
            count += n
        }
        guard count <= limit else { return .tooLarge(count) }
        return .bytes(Data(buffer[0..<count]))
    }
}

extension FileBytes.Outcome {
    /// Why the file was not read, in Chinese, to follow a name (「此文件」, 「附件「x」」); nil when it was read.
    /// Never names a symlink's target.
    var problem: String? {
        switch self {
        case .bytes: return nil
        case .tooLarge(let size): return "太大（\(size) 字节）"
        case .missing: return "不存在"
        case .symlink:
            return "是符号链接：gongshi 不读取符号链接（链接可能指向源目录之外或不该公开的文件），也不显示它指向哪里；请把文件本身放在这里"
        case .notRegular(let kind):
            return "不是普通文件，而是\(kind.label)；gongshi 没有打开它，请换成普通文件或删除"
        case .unreadable: return "无法读取（权限不足，或读取时被替换）"
        }
    }
}
