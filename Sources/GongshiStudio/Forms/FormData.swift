import Foundation

/// A submitted `application/x-www-form-urlencoded` form: field name → values, in the order sent. Decoded by
/// Foundation's `URLComponents`.
public struct FormData: Sendable {
    public private(set) var values: [String: [String]] = [:]

    public init(_ pairs: [(String, String)]) {
        for (name, value) in pairs { values[name, default: []].append(value) }
    }

    /// Decodes a urlencoded body (`+` is a space).
    public init(urlEncoded body: String) {
        var components = URLComponents()
        components.percentEncodedQuery = body.replacingOccurrences(of: "+", with: "%20")
        self.init((components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
    }

    /// The first value sent for `name`, nil when the form had no such field.
    public subscript(name: String) -> String? { values[name]?.first }

    public func has(_ name: String) -> Bool { values[name] != nil }
}

/// How a form field is named: the key path with list indices, dot-separated (`items.0.progress.1.date`), the
/// same scheme as `check`'s key paths, so a diagnostic's field and the input it belongs to have one name.
enum FieldName {
    static func child(_ parent: String, _ key: String) -> String { parent.isEmpty ? key : parent + "." + key }

    /// The element id of the input for `name` (`f-items-0-text`).
    static func inputID(_ name: String) -> String { "f-" + name.replacingOccurrences(of: ".", with: "-") }

    /// Control fields the reader understands: row count, row origin, row removal, checkbox group presence.
    static func rows(_ list: String) -> String { list + ".__rows" }
    static func origin(_ row: String) -> String { row + ".__from" }
    static func remove(_ row: String) -> String { row + ".__remove" }
    static func present(_ group: String) -> String { group + ".__present" }

    /// `items.0.progress.1.date` → `["items", "progress", "date"]`: the path `FieldLabels` looks up.
    static func schemaPath(_ name: String) -> [String] {
        name.split(separator: ".").map(String.init).filter { Int($0) == nil }
    }
}
