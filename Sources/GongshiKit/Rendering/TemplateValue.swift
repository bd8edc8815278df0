import Mustache

/// A page context as the templates see it: a closed tree of objects, lists and leaves, made once per rendered page
/// by `TemplateValueEncoder`. An object's child is found by one hash; a value is never inspected by `Mirror`.
enum TemplateValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case double(Double)
    /// A struct or a dictionary of the context, by key.
    case object([String: TemplateValue])
    case list([TemplateValue])
}

// swift-mustache renders `Any` values: these conformances hand it what the old `[String: Any]` trees held, so a
// template (the user's own included) renders byte for byte as before. A leaf goes out as its `String`, `Int`,
// `Bool` or `Double` (whose descriptions, transforms and truthiness swift-mustache knows), a list as an array
// (a section over it iterates, `empty(…)` and `count(…)` work), an object as itself (looked up by name).

extension TemplateValue: MustacheParent {
    /// The value of key `name` of an object, as swift-mustache renders it; nil for a missing key or a non-object.
    func child(named name: String) -> Any? {
        guard case .object(let fields) = self, let value = fields[name] else { return nil }
        return value.mustacheValue
    }

    /// What swift-mustache is handed: the leaf itself, a list's elements as an array, an object as itself.
    var mustacheValue: Any {
        switch self {
        case .string(let string): string
        case .int(let int): int
        case .bool(let bool): bool
        case .double(let double): double
        case .list(let elements): elements
        case .object: self
        }
    }
}

extension TemplateValue: MustacheCustomRepresentation {
    /// A list element is pushed onto the context stack as a `TemplateValue`: `{{.}}` and sections see its leaf.
    var representation: Any? { mustacheValue }
}

extension TemplateValue: MustacheTransformable {
    /// An object's transforms, as swift-mustache gives a dictionary's: `count`, `empty`, and `enumerated`/`sorted` as
    /// key–value pairs (sorted by key).
    func transform(_ name: String) -> Any? {
        guard case .object(let fields) = self else { return nil }
        switch name {
        case "count": return fields.count
        case "empty": return fields.isEmpty
        case "enumerated": return fields.map { (key: $0.key, value: $0.value.mustacheValue) }
        case "sorted": return fields.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value.mustacheValue) }
        default: return nil
        }
    }
}

extension TemplateValue: CustomStringConvertible, CustomDebugStringConvertible {
    /// The description the old `[String: Any]`/`[Any]` trees gave, for a template that prints a list or an object.
    var description: String { String(describing: plain) }
    var debugDescription: String { String(reflecting: plain) }

    /// The value as plain Swift values: leaves, `[Any]` and `[String: Any]`.
    private var plain: Any {
        switch self {
        case .list(let elements): elements.map(\.plain) as [Any]
        case .object(let fields): fields.mapValues(\.plain) as [String: Any]
        default: mustacheValue
        }
    }
}
