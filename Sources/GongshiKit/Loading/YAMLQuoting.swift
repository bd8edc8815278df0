/// Writing a text as a YAML scalar for a suggested fix.
enum YAMLQuoting {
    /// In double quotes unless it holds `"` or `\`, else in single quotes (`'` doubled).
    static func quoted(_ text: String) -> String {
        if !text.contains("\"") && !text.contains("\\") { return "\"\(text)\"" }
        return "'\(text.replacingOccurrences(of: "'", with: "''"))'"
    }

    /// ASCII quotes inside replaced by Chinese ones, opening and closing in turn, then quoted.
    static func chineseQuoted(_ text: String) -> String {
        var double = false
        var single = false
        let replaced = text.map { char -> String in
            switch char {
            case "\"":
                double.toggle()
                return double ? "“" : "”"
            case "'":
                single.toggle()
                return single ? "‘" : "’"
            default:
                return String(char)
            }
        }.joined()
        return quoted(replaced)
    }
}
