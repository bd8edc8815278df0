import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Checks an archived release against its own `manifest.json` before `rollback` puts it back on the site.
///
/// The live site and the archived releases share their unchanged files as hard links, so a hand edit made in place
/// on the live site (same inode) changes every release that holds the file as well; the next build repairs the live
/// site, but the releases keep the edit. A release is therefore only restored when every file is the one its manifest
/// records (size and SHA-256 — a rollback is rare, hashing every file is fine) and it holds no other files.
enum ReleaseVerifier {
    /// Files of `release` that differ from `manifest` (edited, missing, not a regular file) or that the manifest does
    /// not list, sorted. Top-level dotfiles (hand-placed `.htaccess`, the marker) and `manifest.json` are not site
    /// files and are not checked.
    static func changedFiles(in release: URL, manifest: Manifest) -> [String] {
        let root = release.path + "/"
        var changed: [String] = []
        for (path, entry) in manifest.entries where !matches(root + path, entry) { changed.append(path) }
        for path in files(under: release) where manifest.entries[path] == nil { changed.append(path) }
        return changed.sorted()
    }

    /// True when `path` is a regular file (not a link) with the entry's size and SHA-256.
    static func matches(_ path: String, _ entry: Manifest.Entry) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == entry.size else { return false }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        let data = FileHandle(fileDescriptor: fd, closeOnDealloc: true).readDataToEndOfFile()
        return data.count == entry.size && SHA256.hex(data) == entry.sha256
    }

    /// Every non-folder entry under `release`, relative to it; top-level dot entries and `manifest.json` skipped.
    static func files(under release: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: release.path) else { return [] }
        var found: [String] = []
        while let path = enumerator.nextObject() as? String {
            let isTop = !path.contains("/")
            if isTop, path.hasPrefix(".") || path == Manifest.fileName {
                if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            if enumerator.fileAttributes?[.type] as? FileAttributeType != .typeDirectory { found.append(path) }
        }
        return found
    }

    /// The Chinese refusal for a release with changed files: up to ten of them by name.
    static func refusal(_ name: String, changed: [String]) -> String {
        let sample = changed.prefix(10).joined(separator: "、")
        let more = changed.count > 10 ? " 等 \(changed.count) 个文件" : "（共 \(changed.count) 个文件）"
        return "旧版本 \(name) 中有文件与它的 manifest.json 记录的不一致（可能是有人直接改动过输出目录中的文件，"
            + "网站上的文件和旧版本共用同一份数据）：\(sample)\(more)。为防止把改动过的文件放回网站，拒绝回滚，网站保持不变；"
            + "请用 gongshi rollback --list 另选一个版本，或直接重新生成（gongshi build）"
    }
}
