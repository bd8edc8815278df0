import GongshiKit

/// 增加一项: a blank row appended to the list of records at a field name (`items`, `items.0.progress`).
enum RowEditing {
    /// `fields` with an empty record appended to the list at `name` (created when absent); unchanged when `name`
    /// does not lead to a list of records (a forged button value).
    static func appendingBlankRow(to name: String, in fields: FrontMap) -> FrontMap {
        let parts = name.split(separator: ".").map(String.init)
        guard !parts.isEmpty, parts.count <= 8 else { return fields }
        return append(parts[...], in: .map(fields))?.mapValue ?? fields
    }

    private static func append(_ parts: ArraySlice<String>, in value: FrontValue?) -> FrontValue? {
        guard let first = parts.first else {
            switch value {
            case .none: return .list([.map(FrontMap())])
            case .list(let rows)? where rows.count < 500: return .list(rows + [.map(FrontMap())])
            default: return nil
            }
        }
        let rest = parts.dropFirst()
        switch value {
        case .map(var map)?:
            guard Int(first) == nil, let child = append(rest, in: map[first]) else { return nil }
            map[first] = child
            return .map(map)
        case .list(var rows)?:
            guard let index = Int(first), rows.indices.contains(index), let child = append(rest, in: rows[index]) else { return nil }
            rows[index] = child
            return .list(rows)
        default:
            return nil
        }
    }

    /// The row origins after the append: the new row has none.
    static func appendingOrigin(to name: String, in origins: [String: [Int?]], fields: FrontMap) -> [String: [Int?]] {
        var origins = origins
        origins[name, default: []].append(nil)
        return origins
    }
}
