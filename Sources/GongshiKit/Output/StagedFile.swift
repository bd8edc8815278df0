import Foundation

/// One file of a new release as `Publisher` receives it from the stage that made it: its site path and either its
/// bytes or the instruction to keep the published file of that path.
struct StagedFile: Sendable {
    let path: String
    /// nil: the published file of `path` goes into the release as it is (hard-linked).
    let contents: Data?
    /// SHA-256 of `contents` when its maker has computed it already (a file keyed by its own bytes), so that no bytes
    /// are hashed twice.
    var sha256: String?
    /// Links of the file whose targets are not among the release's known files (`ReleaseOutline.files`): each is broken
    /// unless a file made later (by a group) has that path.
    var pendingLinks: [LinkVerifier.Broken] = []

    init(path: String, contents: Data?, sha256: String? = nil, pendingLinks: [LinkVerifier.Broken] = []) {
        (self.path, self.contents, self.sha256, self.pendingLinks) = (path, contents, sha256, pendingLinks)
    }
}

/// What `Publisher` knows of a new release before its files are made.
struct ReleaseOutline: Sendable {
    /// Every path known in advance.
    var files: Set<String>
    /// Folders whose files are known only as they are made (the search index): created in advance; files of a
    /// recycled release in them are kept only when the new release makes them again.
    var openFolders: Set<String> = []
    /// False when no file can be a reused published one (a full render), so that no recycled file is worth verifying.
    var reusesPublished = true
}
