import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Checks that an output path can be a folder at all, creates the folders gongshi needs beside it, and explains in
/// Chinese why a folder could not be made or written: every `--output` failure names the path and the reason, never a
/// raw Foundation error.
public enum OutputLocation {
    /// A Chinese explanation when the output, or a folder above it, already exists as something other than a folder
    /// (`--output 某文件/out`) or is a symbolic link to nothing (`--output 断开的链接/out`); nil otherwise.
    public static func problem(_ output: URL) -> String? {
        let output = output.standardizedFileURL
        var path = output
        while true {
            var info = stat()
            if lstat(path.path, &info) == 0 {
                let what = path == output ? "输出路径本身" : "它的上级 \(path.path)"
                var target = stat()
                if info.st_mode & S_IFMT == S_IFLNK, stat(path.path, &target) != 0 {
                    return unusable(output, "\(what) 是一个符号链接，指向的位置不存在。请用 --output 另选一个目录，或先修好这个链接")
                }
                if info.st_mode & S_IFMT == S_IFDIR || (info.st_mode & S_IFMT == S_IFLNK && target.st_mode & S_IFMT == S_IFDIR) {
                    return nil
                }
                return unusable(output, "\(what) 是一个文件，不是目录。请用 --output 另选一个目录，或先移走这个文件")
            }
            let parent = path.deletingLastPathComponent()
            if parent.path == path.path { return nil }
            path = parent
        }
    }

    /// Creates `folder` and its missing parents (for the output `output`), or throws a Chinese explanation naming the
    /// folder and the reason (no permission, read-only file system, a system folder such as /proc, a full disk…).
    static func createFolder(_ folder: URL, for output: URL) throws(OutputError) {
        var missing: [String] = []
        var path = folder.standardizedFileURL.path
        var info = stat()
        while stat(path, &info) != 0 {
            missing.append(path)
            let parent = (path as NSString).deletingLastPathComponent
            if parent == path || parent.isEmpty { break }
            path = parent
        }
        if !missing.isEmpty || info.st_mode & S_IFMT == S_IFDIR {
            for path in missing.reversed() where mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw OutputError(message: unusable(output, "无法创建目录 \(path)：\(reason(errno: errno))"))
            }
            if let problem = problem(folder) { throw OutputError(message: problem) }
            return
        }
        throw OutputError(message: problem(folder) ?? unusable(output, "\(path) 不是目录"))
    }

    /// `输出目录 … 无法使用：…`
    static func unusable(_ output: URL, _ why: String) -> String {
        "输出目录 \(output.path) 无法使用：\(why)"
    }

    /// A Chinese reason for a failed file operation: a `POSIXFailure`, a Foundation (`NSCocoaErrorDomain`) or POSIX error.
    static func reason(of error: any Error) -> String {
        if let failure = error as? POSIXFailure { return "\(failure.operation)：\(reason(errno: failure.code))" }
        if let error = error as? OutputError { return error.message }
        let nsError = error as NSError
        let path = (nsError.userInfo[NSFilePathErrorKey] as? String).map { "\($0)：" } ?? ""
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return path + reason(errno: Int32(underlying.code))
        }
        if nsError.domain == NSPOSIXErrorDomain { return path + reason(errno: Int32(nsError.code)) }
        guard nsError.domain == NSCocoaErrorDomain else { return path + nsError.localizedDescription }
        switch nsError.code {
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return path + "路径不存在，或所在位置不允许创建文件"
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return path + "没有写入权限"
        case NSFileWriteFileExistsError: return path + "同名的文件或符号链接已存在"
        case NSFileWriteVolumeReadOnlyError: return path + "所在的文件系统是只读的"
        case NSFileWriteOutOfSpaceError: return path + "磁盘空间已满"
        default: return path + "文件操作失败（错误码 \(nsError.code)）"
        }
    }

    /// A Chinese reason for an `errno`, with what to do.
    static func reason(errno code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "没有写入权限（或该位置不允许创建文件），请换一个有写入权限的目录"
        case EROFS: return "所在的文件系统是只读的，请换一个可写的目录"
        case ENOENT: return "上级路径不存在或不允许在此创建（如 /proc 这类系统目录），请换一个普通目录"
        case ENOTDIR: return "路径中有一段是文件而不是目录"
        case EEXIST: return "同名的文件或符号链接已存在"
        case ENOSPC, EDQUOT: return "磁盘空间已满（或超出配额），请清理磁盘后重试"
        case ELOOP: return "路径中的符号链接层数过多（可能是循环链接）"
        case ENAMETOOLONG: return "路径太长"
        case EOPNOTSUPP, EXDEV, EINVAL: return "该位置的文件系统不支持所需的操作，请换一个普通目录"
        case EIO: return "磁盘读写错误"
        default: return "系统错误 \(code)（\(String(cString: strerror(code)))）"
        }
    }
}
