import Foundation

/// One file of the site as the plan knows it before it is made: where it goes, what its bytes are a function of,
/// and how to make them. Its cache key is the digest of its kind and of the versions of its dependencies
/// (`ModelVersions`), so a build keys every file without making any, and `produce` — which makes the context,
/// renders it and lets it go — runs only for the files whose key changed.
struct PageDescriptor: Sendable {
    /// Relative to the output folder, `/`-separated.
    let path: String
    /// How the bytes are made (`template branch`, `atom`, `csv`…): two producers never share a key.
    let kind: String
    /// The versions of everything the bytes are a function of, in a fixed order (a list's order is part of what a
    /// page shows). Computed in the job, on every core.
    let dependencies: @Sendable () -> [String]
    let produce: @Sendable () -> Data

    /// The one key policy: the digest of the program's version, the kind and the dependencies' versions.
    func key() -> String {
        RecordDigest.hex(parts: [GongshiVersion.current, path, kind] + dependencies())
    }

    /// The job that keys the file and, when the published file's key differs, makes it.
    var job: PageJob {
        PageJob(path: path) { previousKey in
            let key = key()
            guard previousKey != key else { return (key, nil) }
            return (key, produce())
        }
    }

    /// A page rendered through `template`: its key adds the site's settings, the as-of date (every page frame
    /// shows them) and the template's version (with its partials) to `dependencies`, and its context is made by
    /// `context` only when it is rendered.
    static func page<Context: Encodable & Sendable>(
        _ route: Route, _ template: String, versions: ModelVersions, templates: TemplateLibrary,
        dependencies: @escaping @Sendable () -> [String], context: @escaping @Sendable () -> Context
    ) -> PageDescriptor {
        let site = versions.site
        let version = versions.template(template)
        return PageDescriptor(path: route.outputPath, kind: "template \(template)", dependencies: { [site, version] + dependencies() }) {
            // Encoding cannot fail for these plain value types; an empty tree would only render an empty page.
            let tree = (try? TemplateValueEncoder.encode(context())) ?? .object([:])
            return Data(templates.renderBytes(tree, template: template))
        }
    }
}
