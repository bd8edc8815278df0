import Foundation

/// Collects the pages of one build, rendering a page only when its cache key changed.
struct PlanBuilder {
    let templates: TemplateLibrary
    let previous: [String: String]?
    private(set) var plan = RenderPlan()
    /// Every templated page, in the order added (for the sitemap).
    private(set) var pagePaths: [String] = []
    private var jobs: [PageJob] = []
    private let encoder: JSONEncoder

    init(templates: TemplateLibrary, previous: [String: String]?) {
        self.templates = templates
        self.previous = previous
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
    }

    /// Adds the page at `route`, rendered through `template` unless the published page has the same key.
    /// The context is built, keyed and rendered later, inside a job that runs in parallel with the other pages
    /// (`Publisher`), so contexts are made on every core and each is freed as soon as its page is written.
    mutating func add<Context: Encodable & Sendable>(
        _ route: Route, _ template: String, _ context: @autoclosure @escaping @Sendable () -> Context
    ) {
        pagePaths.append(route.outputPath)
        let templates = self.templates
        addDeferred(route.outputPath, salt: "\(templates.digest)\0\(template)", inputs: context()) { _, tree in
            Data(templates.render(tree, template: template).utf8)
        }
    }

    /// Adds a file whose bytes are a function of `inputs` alone, as a deferred job: the inputs are built and
    /// keyed in the job, and `produce` runs only when the key differs from the published file's.
    mutating func addDeferred<Inputs: Encodable & Sendable>(
        _ path: String, salt: String, inputs: @autoclosure @escaping @Sendable () -> Inputs,
        produce: @escaping @Sendable (Inputs, Any) -> Data
    ) {
        let salt = Data("\(GongshiVersion.current)\0\(salt)\0".utf8)
        jobs.append(
            PageJob(path: path) { previousKey in
                let value = inputs()
                // Encoding cannot fail for these plain value types; an empty tree would only render an empty page.
                let tree = (try? TemplateValueEncoder.encode(value)) ?? [String: Any]()
                var hasher = SHA256()
                hasher.update(salt)
                TemplateValue.digest(tree, into: &hasher)
                let key = hasher.finalizeHex()
                guard previousKey != key else { return (key, nil) }
                return (key, produce(value, tree))
            })
    }

    /// The plan, with the templated pages still to run (`Publisher` runs them, or `RenderPlan.materialized()`).
    func finish() -> RenderPlan {
        var plan = self.plan
        plan.jobs = jobs
        plan.previousKeys = previous
        return plan
    }

    /// Adds a generated file whose bytes are a function of `inputs` alone: produced only when its key changed.
    mutating func addKeyed(_ path: String, salt: String, inputs: some Encodable, produce: () -> Data) {
        var hasher = SHA256()
        hasher.update(Data("\(GongshiVersion.current)\0\(salt)\0".utf8))
        // Encoding cannot fail for these plain value types; an empty encoding only forces a re-render.
        hasher.update((try? encoder.encode(inputs)) ?? Data())
        let key = hasher.finalizeHex()
        plan.keys[path] = key
        if let previous, previous[path] == key {
            plan.reused.append(path)
        } else {
            plan.rendered.append(RenderedPage(path: path, contents: produce()))
        }
    }

    /// Adds a group of generated files under `prefix` that all depend on the same inputs (digested as `key`):
    /// when the published group had the same key, every one of its files is reused; otherwise `produce` runs and
    /// each file is reused when its bytes did not change.
    mutating func addGroup(prefix: String, excluding: String, key: String, produce: () -> [RenderedPage]) {
        let marker = "\(prefix)\u{0}group"
        let groupKey = SHA256.hex("\(GongshiVersion.current)\0\(key)")
        plan.keys[marker] = groupKey
        if let previous, previous[marker] == groupKey {
            let paths = previous.keys.filter { $0.hasPrefix(prefix) && $0 != excluding && $0 != marker }.sorted()
            for path in paths {
                plan.keys[path] = previous[path]
                plan.reused.append(path)
            }
            return
        }
        // The group is recomputed as a whole, but each file is keyed by its own bytes: one edit rewrites only the
        // few shards and documents whose bytes changed, not the whole index.
        for page in produce() { addContent(page) }
    }

    /// Adds a small generated file keyed by its own bytes: cheap to produce, and reused when unchanged.
    mutating func addContent(_ page: RenderedPage) {
        let digest = SHA256.hex(page.contents)
        addKeyed(page.path, salt: "content", inputs: digest) { page.contents }
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
