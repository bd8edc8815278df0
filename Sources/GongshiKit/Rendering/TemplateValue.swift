import Foundation

/// A page context as the templates see it: a closed tree of objects, lists and leaves, made once per rendered page
/// by `TemplateValueEncoder` and rendered by `MustacheRenderer`. An object's child is found by one hash; a value is
/// never inspected by `Mirror` or cast.
enum TemplateValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case double(Double)
    /// A struct or a dictionary of the context, by key.
    case object([String: TemplateValue])
    case list([TemplateValue])
}

extension TemplateValue {
    /// The transform `name(…)` of the value, with swift-mustache's names and results; nil when it has none by that
    /// name (the tag then renders as a missing value). Strings: `empty`, `capitalized`, `lowercased`, `uppercased`,
    /// `reversed`; integers: `equalzero`, `plusone`, `minusone`, `even`, `odd`; lists: `first`, `last`, `reversed`,
    /// `count`, `empty`; objects: `count`, `empty`, and `enumerated`/`sorted` (by key) as `key`–`value` objects.
    func transformed(_ name: String) -> TemplateValue? {
        switch self {
        case .string(let string):
            switch name {
            case "empty": .bool(string.isEmpty)
            case "capitalized": .string(string.capitalized)
            case "lowercased": .string(string.lowercased())
            case "uppercased": .string(string.uppercased())
            case "reversed": .string(String(string.reversed()))
            default: nil
            }
        case .int(let int):
            switch name {
            case "equalzero": .bool(int == 0)
            case "plusone": .int(int + 1)
            case "minusone": .int(int - 1)
            case "even": .bool(int & 1 == 0)
            case "odd": .bool(int & 1 == 1)
            default: nil
            }
        case .list(let elements):
            switch name {
            case "first": elements.first
            case "last": elements.last
            case "reversed": .list(elements.reversed())
            case "count": .int(elements.count)
            case "empty": .bool(elements.isEmpty)
            default: nil
            }
        case .object(let fields):
            switch name {
            case "count": .int(fields.count)
            case "empty": .bool(fields.isEmpty)
            case "enumerated": .list(fields.map { .object(["key": .string($0.key), "value": $0.value]) })
            case "sorted": .list(fields.sorted { $0.key < $1.key }.map { .object(["key": .string($0.key), "value": $0.value]) })
            default: nil
            }
        case .bool, .double: nil
        }
    }
}

extension TemplateValue: CustomStringConvertible, CustomDebugStringConvertible {
    /// What a list or an object prints as (no template of ours prints one): the description of the plain
    /// `[Any]`/`[String: Any]` value, as swift-mustache printed the trees it was given before.
    var description: String { String(describing: plain) }
    var debugDescription: String { String(reflecting: plain) }

    /// The value as plain Swift values: leaves, `[Any]` and `[String: Any]`.
    var plain: Any {
        switch self {
        case .string(let string): string
        case .int(let int): int
        case .bool(let bool): bool
        case .double(let double): double
        case .list(let elements): elements.map(\.plain) as [Any]
        case .object(let fields): fields.mapValues(\.plain) as [String: Any]
        }
    }
}
