/// The version of each template as a page renders it: its own text and the text of every partial and parent it
/// uses, directly or through another, so that editing `disclosure.mustache` re-renders only the disclosure pages
/// and editing `layout.mustache` every page.
extension TemplateLibrary {
    /// By template name. A template with a dynamic partial (`{{>*name}}`, named by the context) may use any
    /// template, so its version is that of the whole set.
    func versions() -> [String: String] {
        var versions: [String: String] = [:]
        for name in compiled.keys {
            var used: Set<String> = []
            var dynamic = false
            var pending = [name]
            while let next = pending.popLast() {
                guard used.insert(next).inserted, let nodes = compiled[next] else { continue }
                Self.partials(in: nodes, into: &pending, dynamic: &dynamic)
            }
            versions[name] =
                dynamic ? digest : RecordDigest.hex(parts: used.sorted().flatMap { [$0, textDigests[$0] ?? "missing"] })
        }
        return versions
    }

    /// The names of the partials and parents `nodes` use, added to `names`.
    static func partials(in nodes: [MustacheNode], into names: inout [String], dynamic: inout Bool) {
        for node in nodes {
            switch node {
            case .section(_, let children, _), .blockDefinition(_, let children), .blockExpansion(_, let children, _):
                partials(in: children, into: &names, dynamic: &dynamic)
            case .partial(let name, let isDynamic, _, let overrides):
                if isDynamic { dynamic = true } else { names.append(name) }
                for children in (overrides ?? [:]).values { partials(in: children, into: &names, dynamic: &dynamic) }
            case .text, .variable, .contentType: break
            }
        }
    }
}
