import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reuses the oldest archived release, which the build would delete after its swap anyway, as the new staging
/// folder: its folders and its unchanged files are already in place. A fresh staging folder costs one `mkdir` per
/// folder and one `link` per reused file (20k and 42k calls for 1000 organisations), and deleting the pruned
/// release as many calls again; ext4 also slows every new folder down while the freed inodes are recent.
///
/// The recycled folder is cut back to exactly the files that are byte-for-byte the published site's (by the two
/// manifests, and verified on disk: a file edited by hand is not kept) and still part of the new site; every other
/// entry, including anything not in its manifest, is deleted before a single file is written. The published site is never touched: kept files are hard links that
/// are only ever unlinked in staging, never written through (`Publisher.writeNew`).
enum ReleaseRecycler {
    /// What is left in a recycled staging folder.
    struct Leftover: Sendable {
        /// Files identical to the published file of the same path.
        var files: Set<String> = []
        /// Folders, relative to the staging root, without a trailing slash.
        var folders: Set<String> = []
    }

    /// Moves the oldest archived release to `staging` when it is about to be pruned (`keep` releases are kept and
    /// that many exist already) and both it and the published site have a manifest; nil otherwise, and then
    /// nothing was moved.
    static func claim(_ layout: ReleaseLayout, keep: Int, published: Manifest?, to staging: URL) -> Manifest? {
        let names = layout.releaseNames()
        guard keep > 0, names.count >= keep, published != nil, let oldest = names.first else { return nil }
        let release = layout.release(named: oldest)
        guard FileManager.default.fileExists(atPath: release.appendingPathComponent(Publisher.markerName).path),
            let manifest = Manifest.read(from: release.appendingPathComponent(Manifest.fileName)),
            rename(release.path, staging.path) == 0
        else { return nil }
        return manifest
    }

    /// Deletes from `staging` every entry that the new site cannot use as it is: a file is kept only when `wanted`
    /// holds its path, the recycled manifest's entry equals the published one and the file on disk still is that entry;
    /// a folder only when `folders` holds it. Returns what is left.
    ///
    /// An archived file may have been edited by hand, and nothing verified it since: with `live` (the build verified
    /// the published files) it is kept only when it is the very file published now (same inode, verified), else it is
    /// deleted and linked again from the published site; without `live` its SHA-256 decides.
    static func trim(
        _ staging: URL, recycled: Manifest, published: Manifest, wanted: Set<String>, folders: Set<String>, live: PublishedSite? = nil
    ) -> Leftover {
        var leftover = Leftover()
        let root = open(staging.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else { return leftover }
        func keepFile(_ path: String, _ folder: Int32, _ name: String) -> Bool {
            guard wanted.contains(path), let entry = recycled.entries[path], published.entries[path] == entry else { return false }
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == entry.size
            else { return false }
            // Only a verified published file has an identity (`PublishedSite.verify`).
            if let live { return live.identity(of: path) == PublishedSite.FileIdentity(info) }
            let fd = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { return false }
            return SHA256.hex(FileHandle(fileDescriptor: fd, closeOnDealloc: true).readDataToEndOfFile()) == entry.sha256
        }
        trim(folder: root, prefix: "", into: &leftover, keepFile: keepFile, keepFolder: folders.contains)
        return leftover
    }

    /// Walks one folder (`fd`, closed here) whose path relative to the root is `prefix`.
    private static func trim(
        folder fd: Int32, prefix: String, into leftover: inout Leftover, keepFile: (String, Int32, String) -> Bool,
        keepFolder: (String) -> Bool
    ) {
        guard let dir = fdopendir(fd) else {
            close(fd)
            return
        }
        defer { closedir(dir) }
        var children: [(name: String, type: UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                let mode = fstatat(dirfd(dir), name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info.st_mode & S_IFMT : 0
                type = UInt8(mode == S_IFDIR ? DT_DIR : mode == S_IFREG ? DT_REG : DT_UNKNOWN)
            }
            children.append((name, type))
        }
        for (name, type) in children {
            let path = prefix + name
            let isDirectory = type == UInt8(DT_DIR)
            if isDirectory, keepFolder(path) {
                let child = openat(dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if child >= 0 {
                    leftover.folders.insert(path)
                    trim(folder: child, prefix: path + "/", into: &leftover, keepFile: keepFile, keepFolder: keepFolder)
                    continue
                }
            }
            // Only regular files are kept: a symbolic link or anything else under the old name is deleted.
            if type == UInt8(DT_REG), keepFile(path, dirfd(dir), name) {
                leftover.files.insert(path)
                continue
            }
            _ = TreeRemover.removeEntry(named: name, in: dirfd(dir), isDirectory: isDirectory)
        }
    }
}
