/// The lines of a YAML skeleton: every key preceded by a Chinese comment line.
///
/// Commented-out keys keep their YAML indentation after `# `, so deleting the `# ` restores valid YAML.
struct SkeletonText {
    private(set) var lines: [String] = []

    /// A line as is, e.g. `items:`.
    mutating func line(_ text: String) {
        lines.append(text)
    }

    /// A comment line.
    mutating func note(_ text: String, indent: String = "") {
        lines.append("\(indent)# \(text)")
    }

    /// The comment, then `key: value`; `key:` alone (YAML null, i.e. not filled in) when `value` is empty.
    mutating func field(_ key: String, _ value: String, _ comment: String, indent: String = "") {
        note(comment, indent: indent)
        lines.append(value.isEmpty ? "\(indent)\(key):" : "\(indent)\(key): \(value)")
    }

    /// The comment, then each YAML line commented out.
    mutating func commentedOut(_ yaml: [String], _ comment: String, indent: String = "") {
        note(comment, indent: indent)
        lines += yaml.map { "\(indent)# \($0)" }
    }

    /// `可选值：a、b、c`
    static func choices(_ values: [String]) -> String {
        "可选值：" + values.joined(separator: "、")
    }
}
