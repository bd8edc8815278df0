/// The expected shape of one front-matter key, used to report every problem of a file at once.
public struct FieldRule: Sendable {
    public let key: String
    public let required: Bool
    public let value: ValueRule

    public static func required(_ key: String, _ value: ValueRule) -> FieldRule {
        FieldRule(key: key, required: true, value: value)
    }

    public static func optional(_ key: String, _ value: ValueRule) -> FieldRule {
        FieldRule(key: key, required: false, value: value)
    }
}

/// The expected shape of a YAML value.
public indirect enum ValueRule: Sendable {
    case text
    case identifier
    case integer(min: Int)
    case number(ClosedRange<Double>)
    case date
    case boolean
    case absoluteURL
    case oneOf([String])
    case list(of: ValueRule, nonEmpty: Bool)
    case mapping([FieldRule])
    /// A mapping whose keys must come from a closed list, all values of one shape.
    case keyedBy([String], ValueRule)

    /// The Chinese name of the expected type, for messages.
    var expectation: String {
        switch self {
        case .text, .identifier, .absoluteURL: return "文本"
        case .integer(let min): return min == 1 ? "大于 0 的整数" : "不小于 \(min) 的整数"
        case .number(let range): return "\(Int(range.lowerBound))–\(Int(range.upperBound)) 之间的数字"
        case .date: return "日期（YYYY-MM-DD）"
        case .boolean: return "true 或 false"
        case .oneOf: return "枚举值"
        case .list: return "列表"
        case .mapping, .keyedBy: return "键值映射"
        }
    }
}
