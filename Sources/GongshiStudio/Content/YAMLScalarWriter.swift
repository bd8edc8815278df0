import GongshiKit

/// How the codec writes one scalar: plain when YAML (as GongshiKit reads it) gives back the same text, else in
/// double quotes with escapes; texts of several lines as a `|` block.
enum YAMLScalarWriter {
    /// The words GongshiKit's resolver reads as booleans (and `null` words, which other tools read as null).
    static let specialWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off",
        "Off", "OFF", "y", "Y", "n", "N", "null", "Null", "NULL", "~",
    ]

    /// `text` as a value after `key: ` (block context) for a field of rule `rule` (nil: unknown key, read as text).
    static func inline(_ text: String, rule: ValueRule?, flow: Bool = false) -> String {
        if isPlainSafe(text, flow: flow) && (isTyped(text, rule: rule) || !looksTyped(text)) { return text }
        return quoted(text)
    }

    /// Whether a multi-line text can be written as a literal block (`|` or `|-`) that reads back the same.
    static func literalBlock(_ text: String, indent: Int) -> String? {
        guard text.contains("\n") else { return nil }
        // `|` (keep one final newline) is not used: the front matter ends without a newline before `---`, so the
        // last key would lose it.
        let content = Substring(text)
        let chomp = "|-"
        let lines = content.split(separator: "\n", omittingEmptySubsequences: false)
        guard !content.hasSuffix("\n"), let first = lines.first, !first.isEmpty,
            first.first != " ", !content.contains("\t"), !content.contains("\r")
        else { return nil }
        for line in lines where line.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return nil }
        // A line of spaces only would be read as a shorter blank line.
        for line in lines where !line.isEmpty && line.allSatisfy({ $0 == " " }) { return nil }
        let pad = String(repeating: " ", count: indent)
        return chomp + "\n" + lines.map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
    }

    /// Double-quoted with YAML escapes.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}":
                out += "\\u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(4)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Plain style reads back the same string: no indicator first, no `: ` or ` #`, no edge spaces, one line.
    static func isPlainSafe(_ text: String, flow: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first.properties.isWhitespace || last.properties.isWhitespace { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0.value == 0x85 || $0.value == 0xFEFF }) {
            return false
        }
        if text.unicodeScalars.contains(where: { $0 == "\u{2028}" || $0 == "\u{2029}" }) { return false }
        if text.contains(": ") || text.hasSuffix(":") || text.contains(" #") || text.contains("\t#") { return false }
        if flow && text.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) || $0 == ":" }) { return false }
        if text == "---" || text == "..." || text == "<<" { return false }
        return true
    }

    /// A value another YAML reader would take for a number, date, boolean or null: quoted when it is text.
    static func looksTyped(_ text: String) -> Bool {
        if specialWords.contains(text) { return true }
        guard !text.isEmpty else { return true }
        return typedPatterns.contains { text.wholeMatch(of: $0) != nil }
    }

    /// YAML 1.1 and 1.2 numbers (with `_`, octal, hex, binary, sexagesimal), `.inf`/`.nan`, dates and timestamps.
    nonisolated(unsafe) static let typedPatterns: [Regex<Substring>] = [
        /[-+]?(?:0|[1-9][0-9_]*)/, /[-+]?0[0-7_]+/, /[-+]?0o[0-7_]+/, /[-+]?0x[0-9a-fA-F_]+/, /[-+]?0b[01_]+/,
        /[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?/, /[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+/,
        /[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?/, /[-+]?\.(?:inf|Inf|INF)/, /\.(?:nan|NaN|NAN)/,
        /[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?/,
    ]

    /// The text fits the typed rule, so it is written plain as the sample files do (`published: 2026-10-12`).
    static func isTyped(_ text: String, rule: ValueRule?) -> Bool {
        switch rule {
        case .date: return Day(text) != nil
        case .integer: return Int(text) != nil
        case .number: return Double(text) != nil && !text.lowercased().contains("n")
        case .boolean: return ["true", "false"].contains(text)
        default: return false
        }
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
