import Foundation

/// Collects the files of one build as descriptors (`PageDescriptor`), each made only when its key changed, and the
/// groups of files made together (the search index).
struct PlanBuilder {
    let templates: TemplateLibrary
    let versions: ModelVersions
    let previous: [String: String]?
    /// Every file added, in the order added (for the sitemap).
    private(set) var paths: [String] = []
    private var jobs: [PageJob] = []
    private var groups: [GroupJob] = []

    init(templates: TemplateLibrary, versions: ModelVersions, previous: [String: String]?) {
        self.templates = templates
        self.versions = versions
        self.previous = previous
    }

    /// Adds a file: keyed, and made when its key differs from the published file's, in a job that runs in parallel
    /// with the others (`RenderStage`), so contexts are made on every core and each is freed once its page is written.
    mutating func add(_ descriptor: PageDescriptor) {
        paths.append(descriptor.path)
        jobs.append(descriptor.job)
    }

    /// Adds the page at `route`, rendered through `template` (`PageDescriptor.page`): keyed by the site's settings,
    /// the as-of date, the template's version and `dependencies` — the versions of every record the context reads,
    /// none only for a page that shows nothing but the site's settings (search, 404) — and its context made only
    /// when it is rendered.
    mutating func add<Context: Encodable & Sendable>(
        _ route: Route, _ template: String, _ context: @autoclosure @escaping @Sendable () -> Context,
        dependencies: @escaping @Sendable () -> [String] = { [] }
    ) {
        add(.page(route, template, versions: versions, templates: templates, dependencies: dependencies, context: context))
    }

    /// The plan, with every file still to run (`RenderStage` runs them, or `RenderPlan.materialized()`).
    func finish() -> RenderPlan {
        var plan = RenderPlan()
        plan.jobs = jobs
        plan.groups = groups
        plan.previousKeys = previous
        return plan
    }

    /// Adds a group of generated files under `prefix` that all depend on the same inputs, as one deferred job that
    /// runs beside the page jobs (the search index takes seconds; built here it kept a core idle). When the published
    /// group had the same key (`key` of the inputs), every one of its files is reused; otherwise `produce` runs and
    /// each file is keyed by its own bytes, so one edit rewrites only the few files whose bytes changed.
    /// `folders` are where the files go, created before any job runs.
    mutating func addGroup<Inputs: Sendable>(
        prefix: String, excluding: String, folders: [String], inputs: @escaping @Sendable () -> Inputs,
        key: @escaping @Sendable (Inputs) -> String,
        produce: @escaping @Sendable (Inputs, (RenderedPage) throws -> Void) throws -> Void
    ) {
        let marker = "\(prefix)\u{0}group"
        groups.append(
            GroupJob(folders: folders) { previous, emit in
                let value = inputs()
                let groupKey = SHA256.hex("\(GongshiVersion.current)\0\(key(value))")
                try emit(GroupJob.File(path: marker, key: groupKey, contents: nil, isFile: false))
                if let previous, previous[marker] == groupKey {
                    for path in previous.keys.filter({ $0.hasPrefix(prefix) && $0 != excluding && $0 != marker }).sorted() {
                        try emit(GroupJob.File(path: path, key: previous[path]!, contents: nil))
                    }
                    return
                }
                try produce(value) { page in
                    let digest = SHA256.hex(page.contents)
                    let fileKey = Self.contentKey(sha256: digest)
                    let changed = previous?[page.path] != fileKey
                    try emit(GroupJob.File(path: page.path, key: fileKey, contents: changed ? page.contents : nil, sha256: changed ? digest : nil))
                }
            })
    }

    /// Adds a group of files that keys its files itself (the search index, `SearchIndexUpdater`).
    mutating func addGroup(_ job: GroupJob) {
        groups.append(job)
    }

    /// The key of a file keyed by its own bytes.
    static func contentKey(_ contents: Data) -> String {
        contentKey(sha256: SHA256.hex(contents))
    }

    /// The key of a file keyed by its own bytes, from their SHA-256 (which its manifest entry reuses).
    static func contentKey(sha256: String) -> String {
        SHA256.hex(Data("\(GongshiVersion.current)\0content\0\(sha256)".utf8))
    }
}

/// One file whose work is deferred (`PageDescriptor.job`): given the published file's key, it returns its own key
/// and, when they differ, its bytes.
struct PageJob: Sendable {
    let path: String
    let run: @Sendable (_ previousKey: String?) -> (key: String, contents: Data?)
}

/// A family of files produced together (the search index), whose paths are known only once it runs.
struct GroupJob: Sendable {
    struct File: Sendable {
        let path: String
        let key: String
        /// nil when the published file with this key is reused.
        let contents: Data?
        /// false for the group's own key, which is recorded with the keys but is not a file.
        var isFile = true
        /// SHA-256 of `contents` when the group computed it for the key, so that the manifest does not hash them again.
        var sha256: String?
    }

    /// Folders the files go in, relative to the site's root.
    let folders: [String]
    /// Given the published keys, hands every file of the group to `emit`, one at a time as it is made (so it can be
    /// written and let go), with its key and, when it changed, its bytes; rethrows `emit`'s error.
    let run: @Sendable (_ previousKeys: [String: String]?, _ emit: (File) throws -> Void) throws -> Void
}
