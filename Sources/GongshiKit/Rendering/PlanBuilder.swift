import Foundation

/// Collects the pages of one build, rendering a page only when its cache key changed.
struct PlanBuilder {
    let templates: TemplateLibrary
    let previous: [String: String]?
    private(set) var plan = RenderPlan()
    /// Every templated page, in the order added (for the sitemap).
    private(set) var pagePaths: [String] = []
    private var jobs: [PageJob] = []
    private var groups: [GroupJob] = []
    private let encoder: JSONEncoder

    init(templates: TemplateLibrary, previous: [String: String]?) {
        self.templates = templates
        self.previous = previous
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
    }

    /// Adds the page at `route`, rendered through `template` unless the published page has the same key.
    /// The context is built, keyed and rendered later, inside a job that runs in parallel with the other pages
    /// (`RenderStage`), so contexts are made on every core and each is freed as soon as its page is written.
    mutating func add<Context: Encodable & Sendable>(
        _ route: Route, _ template: String, _ context: @autoclosure @escaping @Sendable () -> Context
    ) {
        add(route, template, context(), completing: { $0 })
    }

    /// Like `add`, for a context with parts that are a function of the rest (the poster's QR codes): the key is made
    /// from `context`, and `complete` adds those parts only when the page is rendered.
    mutating func add<Context: Encodable & Sendable, Complete: Encodable & SendableMetatype>(
        _ route: Route, _ template: String, _ context: @autoclosure @escaping @Sendable () -> Context,
        completing complete: @escaping @Sendable (Context) -> Complete
    ) {
        pagePaths.append(route.outputPath)
        let templates = self.templates
        addDeferred(route.outputPath, salt: "\(templates.digest)\0\(template)", inputs: context()) { context in
            // Encoding cannot fail for these plain value types; an empty tree would only render an empty page.
            let tree = (try? TemplateValueEncoder.encode(complete(context))) ?? .object([:])
            return Data(templates.renderBytes(tree, template: template))
        }
    }

    /// Adds a file whose bytes are a function of `inputs` alone, as a deferred job: the inputs are built and
    /// keyed in the job, and `produce` runs only when the key differs from the published file's.
    /// The key is the canonical bytes of the inputs' template tree (`ContextDigest`), written without building the
    /// tree: most keys are unchanged in an incremental build, and only a page that is rendered needs its tree.
    mutating func addDeferred<Inputs: Encodable & Sendable>(
        _ path: String, salt: String, inputs: @autoclosure @escaping @Sendable () -> Inputs,
        produce: @escaping @Sendable (Inputs) -> Data
    ) {
        let salt = Data("\(GongshiVersion.current)\0\(salt)\0".utf8)
        jobs.append(
            PageJob(path: path) { previousKey in
                let value = inputs()
                var hasher = SHA256()
                hasher.update(salt)
                ContextDigest.digest(value, into: &hasher)
                let key = hasher.finalizeHex()
                guard previousKey != key else { return (key, nil) }
                return (key, produce(value))
            })
    }

    /// The plan, with the templated pages still to run (`RenderStage` runs them, or `RenderPlan.materialized()`).
    func finish() -> RenderPlan {
        var plan = self.plan
        plan.jobs = jobs
        plan.groups = groups
        plan.previousKeys = previous
        return plan
    }

    /// Adds a generated file whose bytes are a function of `inputs` alone: produced only when its key changed.
    mutating func addKeyed(_ path: String, salt: String, inputs: some Encodable, produce: () -> Data) {
        var hasher = SHA256()
        hasher.update(Data("\(GongshiVersion.current)\0\(salt)\0".utf8))
        // Encoding cannot fail for these plain value types; an empty encoding only forces a re-render.
        hasher.update((try? encoder.encode(inputs)) ?? Data())
        place(path, key: hasher.finalizeHex()) { RenderedPage(path: path, contents: produce()) }
    }

    /// Records `path`'s key, and reuses the published file when its key is the same or adds `produce`'s otherwise.
    private mutating func place(_ path: String, key: String, produce: () -> RenderedPage) {
        plan.keys[path] = key
        if let previous, previous[path] == key {
            plan.reused.append(path)
        } else {
            plan.rendered.append(produce())
        }
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

    /// Adds a small generated file keyed by its own bytes: cheap to produce, and reused when unchanged.
    mutating func addContent(_ page: RenderedPage) {
        let digest = SHA256.hex(page.contents)
        plan.digests[page.path] = digest
        place(page.path, key: Self.contentKey(sha256: digest)) { page }
    }

    /// Adds a generated file (feed, index, robots.txt) that is not rendered through a template.
    mutating func addFile(_ page: RenderedPage) {
        plan.rendered.append(page)
    }
}

/// One templated page whose work is deferred: given the published page's key, it returns its own key and,
/// when they differ, its bytes.
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
