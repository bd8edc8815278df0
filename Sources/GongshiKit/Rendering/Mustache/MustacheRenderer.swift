/// Renders compiled templates over a `TemplateValue` tree into UTF-8 bytes.
///
/// The semantics are swift-mustache 2.1.1's, which the templates were written against, checked by the Mustache
/// specification's own tests (`MustacheSpecTests`) and by comparing every page with swift-mustache's rendering
/// (`TemplateValueTests`): `false`, a missing value and an empty list are false, anything else is true (`0` and
/// `""` included); a list section repeats for each element; a name is looked up from the innermost context out, its
/// dotted rest only inside what the first part found; transforms (`empty(list)`, `equalzero(n)`, `index()`) as
/// swift-mustache names them. Nothing is cast: every value is a case of one enum.
struct MustacheRenderer {
    /// Where a section over a list is: for `first()`, `last()`, `index()`, `even()`, `odd()`.
    struct SequencePosition {
        var first: Bool
        var last: Bool
        var index: Int
    }

    /// What one template being rendered sees beside the context stack.
    struct Scope {
        var sequence: SequencePosition?
        /// Written before every line a standalone partial or block produces.
        var indentation: [UInt8]
        /// Block overrides of the `{{<parent}}` tags being rendered, the outermost one's winning.
        var overrides: [String: [MustacheNode]]?
        var escapesHTML: Bool
    }

    let templates: [String: [MustacheNode]]
    private var output: [UInt8] = []
    private var stack: [TemplateValue] = []

    private init(templates: [String: [MustacheNode]]) { self.templates = templates }

    /// The bytes of template `name` over `value`; nil when there is no such template.
    static func render(_ value: TemplateValue, template name: String, in templates: [String: [MustacheNode]]) -> [UInt8]? {
        guard let nodes = templates[name] else { return nil }
        var renderer = MustacheRenderer(templates: templates)
        renderer.output.reserveCapacity(16_384)
        renderer.stack.append(value)
        renderer.render(nodes, Scope(sequence: nil, indentation: [], overrides: nil, escapesHTML: true))
        return renderer.output
    }

    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    private mutating func render(_ nodes: [MustacheNode], _ initial: Scope) {
        var scope = initial
        guard !scope.indentation.isEmpty else {
            for node in nodes { render(node, &scope) }
            return
        }
        // Indentation goes before a node's output when this template's output so far ends a line (with `\n`, as
        // swift-mustache compares the last character: after `\r\n` it does not indent).
        let start = output.count
        for node in nodes {
            let before = output.count
            render(node, &scope)
            if output.count > before, before > start, output[before - 1] == Self.newline,
                !(before - 2 >= start && output[before - 2] == Self.carriageReturn)
            {
                output.insert(contentsOf: scope.indentation, at: before)
            }
        }
    }

    private mutating func render(_ node: MustacheNode, _ scope: inout Scope) {
        switch node {
        case .text(let bytes):
            output += bytes
        case .variable(let name, let escaped):
            guard let value = lookUp(name, scope) else { return }
            write(value, escaping: escaped && scope.escapesHTML)
        case .section(let name, let body, let inverted):
            let value = lookUp(name, scope)
            if inverted { renderInverted(value, body, scope) } else { renderSection(value, body, scope) }
        case .blockExpansion(let name, let body, let indentation):
            var inner = scope
            inner.sequence = nil
            inner.indentation += indentation
            render(scope.overrides?[name] ?? body, inner)
        case .partial(let name, let dynamic, let indentation, let overrides):
            renderPartial(name, dynamic: dynamic, indentation: indentation, overrides: overrides, scope)
        case .contentType(let escapesHTML):
            scope.escapesHTML = escapesHTML
        case .blockDefinition:
            // Only inside a parent tag, whose overrides the parser collected.
            break
        }
    }

    private mutating func renderPartial(
        _ name: String, dynamic: Bool, indentation: [UInt8]?, overrides: [String: [MustacheNode]]?, _ scope: Scope
    ) {
        var partial = name
        if dynamic {
            guard case .string(let named)? = lookUp(MustacheName(name, transforms: []), scope) else { return }
            partial = named
        }
        guard let nodes = templates[partial] else { return }
        var merged = scope.overrides
        if let overrides {
            merged = scope.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
        }
        render(nodes, Scope(sequence: nil, indentation: scope.indentation + (indentation ?? []), overrides: merged, escapesHTML: true))
    }

    private mutating func renderSection(_ value: TemplateValue?, _ body: [MustacheNode], _ scope: Scope) {
        switch value {
        case .none, .bool(false): return
        case .bool(true): render(body, scope)
        case .list(let elements):
            var inner = scope
            for (index, element) in elements.enumerated() {
                inner.sequence = SequencePosition(first: index == 0, last: index == elements.count - 1, index: index)
                stack.append(element)
                render(body, inner)
                stack.removeLast()
            }
        case .some(let value):
            var inner = scope
            inner.sequence = nil
            stack.append(value)
            render(body, inner)
            stack.removeLast()
        }
    }

    private mutating func renderInverted(_ value: TemplateValue?, _ body: [MustacheNode], _ scope: Scope) {
        switch value {
        case .none, .bool(false): render(body, scope)
        case .list(let elements) where elements.isEmpty:
            var inner = scope
            inner.sequence = nil
            stack.append(.list(elements))
            render(body, inner)
            stack.removeLast()
        default: return
        }
    }

    /// The value `name` stands for here, its transforms applied; nil when missing or a transform does not apply.
    private func lookUp(_ name: MustacheName, _ scope: Scope) -> TemplateValue? {
        var transforms = name.transforms[...]
        var value: TemplateValue?
        if name.text.isEmpty, let innermost = transforms.popLast() {
            guard let sequence = scope.sequence else { return nil }
            value = Self.transform(sequence, innermost)
        } else if name.parts.isEmpty {
            value = stack.last
        } else if name.text.first == "." {
            value = Self.descend(stack.last!, name.parts[...])
        } else {
            let first = name.parts[0]
            for object in stack.reversed() {
                if case .object(let fields) = object, let child = fields[first] {
                    value = Self.descend(child, name.parts.dropFirst())
                    break
                }
            }
        }
        while let transform = transforms.popLast() {
            guard let current = value else { return nil }
            value = current.transformed(transform)
        }
        return value
    }

    private static func descend(_ value: TemplateValue, _ parts: ArraySlice<String>) -> TemplateValue? {
        var value = value
        for part in parts {
            guard case .object(let fields) = value, let child = fields[part] else { return nil }
            value = child
        }
        return value
    }

    private static func transform(_ sequence: SequencePosition, _ name: String) -> TemplateValue? {
        switch name {
        case "first": .bool(sequence.first)
        case "last": .bool(sequence.last)
        case "index": .int(sequence.index)
        case "even": .bool(sequence.index & 1 == 0)
        case "odd": .bool(sequence.index & 1 == 1)
        default: nil
        }
    }

    private mutating func write(_ value: TemplateValue, escaping: Bool) {
        switch value {
        case .string(let string): write(string, escaping: escaping)
        case .int(let int): output += String(int).utf8
        case .bool(let bool): output += (bool ? "true" : "false").utf8
        case .double(let double): output += double.description.utf8
        case .list, .object: write(value.description, escaping: escaping)
        }
    }

    /// The text, with `&`, `<`, `>`, `"` and `'` escaped byte by byte when `escaping` (swift-mustache went character
    /// by character and so left a quote or bracket followed by a combining mark unescaped).
    private mutating func write(_ string: String, escaping: Bool) {
        guard escaping else {
            output += string.utf8
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output += "&amp;".utf8
            case UInt8(ascii: "<"): output += "&lt;".utf8
            case UInt8(ascii: ">"): output += "&gt;".utf8
            case UInt8(ascii: "\""): output += "&quot;".utf8
            case UInt8(ascii: "'"): output += "&#39;".utf8
            default: output.append(byte)
            }
        }
    }
}
