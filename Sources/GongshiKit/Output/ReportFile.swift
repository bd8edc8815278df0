import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The `--report` file. It lists the withheld items and why, so it must never land in the site: it is checked before
/// the build (`problem`) and again when written (`write`). The report path itself must not be a symlink (dangling or
/// not), a FIFO, a folder, a device or a second name of another file (a hard link); its parent folder must exist and
/// its real path (symlinks resolved) must lie outside the output and `.<output>.gongshi/`. The file is opened with
/// `O_NOFOLLOW | O_NONBLOCK`, so a symlink swapped in is not followed and a FIFO never blocks the process.
public enum ReportFile {
    /// Why `report` cannot be the report of a build into `output`, in Chinese; nil when it can.
    /// `report` is the path as typed, not a `URL` (which resolves `..` lexically): `link/../r.json` is checked and
    /// written where the kernel resolves it, through the link.
    public static func problem(_ report: String, output: URL) -> String? {
        let path = report.hasPrefix("/") ? report : FileManager.default.currentDirectoryPath + "/" + report
        let slash = path.lastIndex(of: "/")!
        let name = String(path[path.index(after: slash)...])
        let parent = slash == path.startIndex ? "/" : String(path[..<slash])
        guard !name.isEmpty, name != ".", name != "..", !path.hasSuffix("/") else {
            return "报告文件 \(report) 不是文件路径；请写一个文件的路径，如 /var/log/gongshi/last.json"
        }
        let layout = ReleaseLayout(output: output)
        let inside =
            "报告文件 \(report) 在输出目录 \(output.path) 或其旧版本目录之内：报告列出未发布事项及原因，"
            + "不能放在网站里；请写到网站之外，如 /var/log/gongshi/last.json"
        // First, so that a path into the site is named as such even where its folder does not exist yet.
        if layout.holds(path) { return inside }
        if let refusal = entryProblem(path) { return "报告文件 \(report) \(refusal)" }
        if let missing = parentProblem(parent) { return "报告文件 \(report) 无法写入：\(missing)" }
        let writable = access(path, F_OK) == 0 ? access(path, W_OK) == 0 : access(parent, W_OK | X_OK) == 0
        if !writable { return "报告文件 \(report) 无法写入：没有写入权限；请换一个路径，或以有权限的用户运行" }
        guard let real = ReleaseLayout.realPath(parent) else { return "报告文件 \(report) 无法写入：无法确定它所在目录的实际位置" }
        let file = (real as NSString).appendingPathComponent(name)
        if layout.holds(file) { return inside }
        return nil
    }

    /// Writes `data` to `report` (checked again first), replacing what it held; the reason in Chinese when it fails.
    public static func write(_ data: Data, to report: String, output: URL) -> String? {
        let path = report.hasPrefix("/") ? report : FileManager.default.currentDirectoryPath + "/" + report
        if let problem = problem(report, output: output) { return problem }
        let fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return "无法写入报告文件 \(report)：\(reason(errno))" }
        var info = stat()
        guard fstat(fd, &info) == 0, FileBytes.EntryKind(mode: info.st_mode) == .regular, info.st_nlink == 1 else {
            close(fd)
            return "无法写入报告文件 \(report)：它在生成期间被换成了普通文件以外的东西，gongshi 没有写入"
        }
        var failure: Int32 = 0
        if ftruncate(fd, 0) != 0 { failure = errno }
        if failure == 0 {
            data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0, errno == EINTR || errno == EAGAIN { continue }
                    guard n > 0 else {
                        failure = n < 0 ? errno : ENOSPC
                        return
                    }
                    offset += n
                }
            }
        }
        if failure == 0, fsync(fd) != 0, errno != EINVAL { failure = errno }
        if close(fd) != 0, failure == 0 { failure = errno }
        return failure == 0 ? nil : "无法写入报告文件 \(report)：\(reason(failure))"
    }

    /// Why the entry at `path` itself (not followed) cannot be the report; nil when it is missing or a plain file.
    static func entryProblem(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch FileBytes.EntryKind(mode: info.st_mode) {
        case .regular:
            guard info.st_nlink > 1 else { return nil }
            return "有多个名字（硬链接）：写入它会同时改动另一个名字下的文件（可能在网站里）；请先删除它，或换一个路径"
        case .symlink:
            return "是符号链接：gongshi 不通过符号链接写报告（它可能指向网站之内），也不显示它指向哪里；请删除它，或换一个普通文件的路径"
        case let kind:
            return "不是普通文件，而是\(kind.label)；gongshi 没有打开它，请换一个普通文件的路径"
        }
    }

    /// Why the folder `parent` cannot hold the report: missing, or a file on the way; nil when it is a folder.
    static func parentProblem(_ parent: String) -> String? {
        var info = stat()
        if stat(parent, &info) == 0 {
            return FileBytes.EntryKind(mode: info.st_mode) == .directory ? nil : "\(parent) 是一个文件，不是目录；请换一个路径"
        }
        // Find what stands in the way, for the message.
        var path = URL(fileURLWithPath: parent).standardizedFileURL.deletingLastPathComponent()
        while stat(path.path, &info) != 0, path.path != "/" { path.deleteLastPathComponent() }
        if FileBytes.EntryKind(mode: info.st_mode) != .directory { return "\(path.path) 是一个文件，不是目录；请换一个路径" }
        return "它所在的目录 \(parent) 不存在；请先创建它，或换一个路径"
    }

    /// `errno` in Chinese, for the messages above.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "磁盘已满（或超出配额）"
        case ENOENT: return "它所在的目录不存在（可能在生成期间被删除）"
        case EACCES, EPERM: return "没有写入权限"
        case EROFS: return "文件系统是只读的"
        case ELOOP: return "它在生成期间被换成了符号链接，gongshi 没有写入"
        case ENXIO: return "它在生成期间被换成了命名管道（FIFO），gongshi 没有写入"
        case EISDIR: return "它是一个目录"
        default: return "系统错误 \(code)（\(String(cString: strerror(code)))）"
        }
    }
}
