import Foundation

/// Collects the pages of one build, rendering a page only when its cache key changed.
struct PlanBuilder {
    let templates: TemplateLibrary
    let previous: [String: String]?
    private(set) var plan = RenderPlan()
    /// Every templated page, in the order added (for the sitemap).
    private(set) var pagePaths: [String] = []
    private let encoder: JSONEncoder

    init(templates: TemplateLibrary, previous: [String: String]?) {
        self.templates = templates
        self.previous = previous
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
    }

    /// Adds the page at `route`, rendered through `template` unless the published page has the same key.
    mutating func add(_ route: Route, _ template: String, _ context: some Encodable) {
        pagePaths.append(route.outputPath)
        let templates = self.templates
        addKeyed(route.outputPath, salt: "\(templates.digest)\0\(template)", inputs: context) {
            Data(templates.render(context, template: template).utf8)
        }
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

    /// Adds a generated file (feed, index, robots.txt) that is not rendered through a template.
    mutating func addFile(_ page: RenderedPage) {
        plan.rendered.append(page)
    }
}
