import Foundation

/// Where the files of a new release go as they are made: each is written (or hard-linked from the published site)
/// into the staging folder at once and let go, and its manifest entry and pending links are kept. Safe to call from
/// several threads at once.
final class StagingSink: @unchecked Sendable {
    private let roots: Roots
    /// The output as the build found it, with the files it verified.
    private let live: PublishedSite
    /// Files of a recycled staging folder that are already the published file (`ReleaseRecycler`).
    private let leftover: Set<String>
    private let hooks: PublishHooks
    private let lock = NSLock()
    private var entries: [String: Manifest.Entry] = [:]
    private var pending: [LinkVerifier.Broken] = []
    private(set) var written = 0
    private(set) var reused = 0

    init(roots: Roots, live: PublishedSite, leftover: Set<String>, hooks: PublishHooks) {
        (self.roots, self.live, self.leftover, self.hooks) = (roots, live, leftover, hooks)
    }

    /// Puts `file` into the staging folder: its bytes written, or the published file linked.
    func put(_ file: StagedFile) throws {
        if let contents = file.contents {
            try Publisher.writeNew(contents, toPath: roots.staging + file.path)
            let entry = Manifest.Entry(sha256: file.sha256 ?? SHA256.hex(contents), size: contents.count)
            let count = record(file.path, entry, written: true, pending: file.pendingLinks)
            try hooks.afterWritingFile?(count)
        } else {
            _ = record(file.path, try reuse(file.path), written: false, pending: [])
        }
    }

    /// The entry of a published file put into the release unchanged.
    private func reuse(_ path: String) throws -> Manifest.Entry {
        let known = live.manifest?.entries[path]
        // A recycled file is only left in place when it is verified to be the published file (so `known` exists).
        if let known, leftover.contains(path) { return known }
        // A published file keeps its recorded entry only when it was verified against it; any other is hashed.
        return try Publisher.link(path, roots, known: live.isVerified(path) ? known : nil)
    }

    /// Records one file; returns how many files were written so far.
    private func record(_ path: String, _ entry: Manifest.Entry, written isWritten: Bool, pending links: [LinkVerifier.Broken]) -> Int {
        lock.lock()
        defer { lock.unlock() }
        entries[path] = entry
        pending += links
        if isWritten { written += 1 } else { reused += 1 }
        return written
    }

    /// The manifest entries of every file put so far.
    var manifestEntries: [String: Manifest.Entry] {
        lock.lock()
        defer { lock.unlock() }
        return entries
    }

    /// The pending links of every file put so far.
    var pendingLinks: [LinkVerifier.Broken] {
        lock.lock()
        defer { lock.unlock() }
        return pending
    }
}
