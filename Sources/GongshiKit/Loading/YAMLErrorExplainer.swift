/// Turns libyaml's English error into a Chinese explanation with the likely fix and the line that holds the mistake.
///
/// libyaml reports where its parser gave up, which is not always where the mistake is: a Tab in a nested list is
/// reported on the line before it, and a misplaced quote or colon only as "did not find expected key". The
/// explainer looks at the text around the reported line for the mistakes secretaries make: a Tab in the
/// indentation, a quote inside a quoted value or one never closed, a colon inside a value, a list item or key not
/// aligned with its siblings, and the full-width characters of Chinese input methods.
enum YAMLErrorExplainer {
    /// The line (1-based, within the YAML text) and the message after `YAML 格式错误：`.
    struct Explanation: Equatable {
        let line: Int
        let message: String
    }

    /// `line` is the line libyaml reports (1-based), `problem` its English description.
    static func explain(yaml: String, line: Int, problem: String) -> Explanation {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let reported = min(max(line, 1), max(lines.count, 1))
        let text = { (number: Int) in number >= 1 && number <= lines.count ? lines[number - 1] : "" }
        if let tab = tabLine(lines, reported: reported) {
            if text(tab).allSatisfy(\.isWhitespace) {
                return Explanation(line: tab, message: "这一行看起来是空行，其实有 Tab 制表符：YAML 中不能用 Tab，请删去这一行的 Tab")
            }
            return Explanation(line: tab, message: "这一行用 Tab 制表符缩进：YAML 只能用空格缩进，请把这一行开头的 Tab 换成空格，并与同一层的字段对齐")
        }
        for number in 1...reported {
            if let quote = YAMLLine(text(number)).quoteProblem { return Explanation(line: number, message: quote) }
        }
        if let colon = YAMLLine(text(reported)).colonProblem { return Explanation(line: reported, message: colon) }
        if let indicator = YAMLLine(text(reported)).indicatorProblem { return Explanation(line: reported, message: indicator) }
        if let hint = characterHint(text(reported)) { return Explanation(line: reported, message: hint) }
        if let misaligned = YAMLIndentation.firstMisaligned(lines, through: min(reported + 1, lines.count)) {
            return Explanation(line: misaligned.line, message: misaligned.message)
        }
        return Explanation(line: reported, message: "请检查这一行和上一行的缩进、冒号后的空格和引号是否成对（YAML 解析器的原文：\(problem)）")
    }

    /// The line with a Tab in its indentation (or a blank line holding one): libyaml names a line before it, so
    /// the reported line and the few after it are tried first, then every line up to there.
    static func tabLine(_ lines: [String], reported: Int) -> Int? {
        func hasIndentTab(_ number: Int) -> Bool {
            guard number >= 1, number <= lines.count else { return false }
            return lines[number - 1].prefix(while: { $0 == " " || $0 == "\t" }).contains("\t")
        }
        if let near = (reported...(reported + 3)).first(where: hasIndentTab) { return near }
        return (1...reported).first(where: hasIndentTab)
    }

    /// The hints for characters typed with a Chinese input method.
    static func characterHint(_ text: String) -> String? {
        if text.contains("\t") { return "这一行有 Tab 制表符：YAML 中请用空格，不要用 Tab" }
        if text.contains("：") { return "冒号写成了全角「：」：字段名后面要用半角冒号「:」再加一个空格" }
        if text.contains("\u{3000}") { return "这一行有全角空格：请改为半角空格" }
        if text.contains("“") || text.contains("”") { return "引号是中文引号「“”」：需要引号时请用半角 \"" }
        return nil
    }
}

/// One line of block YAML taken apart: indentation, `- ` markers, key and value.
struct YAMLLine {
    /// Everything before the key (or the value of a bare list item): spaces and `- ` markers.
    let prefix: String
    let key: String?
    /// The text after `key: ` (or after the `- ` markers), without surrounding spaces.
    let value: String

    init(_ text: String) {
        var rest = Substring(text)
        var prefix = ""
        while true {
            let spaces = rest.prefix(while: { $0 == " " })
            prefix += spaces
            rest = rest.dropFirst(spaces.count)
            guard rest.hasPrefix("- ") || rest == "-" else { break }
            prefix += rest.prefix(2)
            rest = rest.dropFirst(min(2, rest.count))
        }
        if let first = rest.first, !"\"'[{#".contains(first),
            let colon = rest.range(of: ": ") ?? (rest.hasSuffix(":") ? rest.range(of: ":", options: .backwards) : nil)
        {
            key = String(rest[..<colon.lowerBound])
            value = rest[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        } else {
            key = nil
            value = rest.trimmingCharacters(in: .whitespaces)
        }
        self.prefix = prefix
    }

    /// `title: ` or `- `: what goes before a corrected value (the line's own indentation is kept by the writer).
    var lead: String {
        let markers = prefix.drop(while: { $0 == " " })
        return key.map { "\(markers)\($0): " } ?? String(markers)
    }

    /// A quote inside a value in the same quotes (`"他说"好""`), or a quote never closed (`"荷花社区`).
    var quoteProblem: String? {
        guard let quote = value.first, quote == "\"" || quote == "'" else { return nil }
        let chars = Array(value)
        var index = 1
        var closing: Int?
        while index < chars.count {
            if quote == "\"", chars[index] == "\\" {
                index += 2
                continue
            }
            if chars[index] == quote {
                if quote == "'", index + 1 < chars.count, chars[index + 1] == "'" {
                    index += 2
                    continue
                }
                closing = index
                break
            }
            index += 1
        }
        let mark = String(quote)
        guard let closing else {
            let content = String(chars.dropFirst()).trimmingCharacters(in: .whitespaces)
            return "这一行的引号「\(mark)」没有配对，值会一直延续到后面的行：请在值的末尾补上 \(mark)，写成 \(lead)\(mark)\(content)\(mark)"
        }
        let after = String(chars[(closing + 1)...]).trimmingCharacters(in: .whitespaces)
        guard !after.isEmpty, !after.hasPrefix("#") else { return nil }
        // `"他说"好""`: the outer quotes were meant for YAML; `"通知" 第二版`: the quotes belong to the text.
        var content = value.count > 1 && value.last == quote ? String(value.dropFirst().dropLast()) : value
        if quote == "\"" { content = content.replacingOccurrences(of: "\\\"", with: "\"") }
        return "引号「\(mark)」里面又有同样的引号，YAML 在第二个引号处就认为值已结束：值里面的引号请改为中文引号，写成 \(lead)\(YAMLQuoting.chineseQuoted(content))"
            + "（或者外面改用另一种引号：\(lead)\(YAMLQuoting.quoted(content))）"
    }

    /// `secretary: @王芳`, `title: [通知] 关于…`, `title: *重要*`: an unquoted value starting with a character that
    /// means something to YAML.
    var indicatorProblem: String? {
        guard key != nil, let first = value.first, "@`*!%&|>[{-".contains(first) else { return nil }
        if first == "-", !value.hasPrefix("- ") { return nil }
        return "值以「\(first)」开头，这个符号在 YAML 中有特殊含义：请给整个值加引号，写成 \(lead)\(YAMLQuoting.quoted(value))"
    }

    /// `title: 荷花社区: 敲门行动`: an unquoted value with `: ` in it, which YAML reads as another key.
    var colonProblem: String? {
        guard key != nil, let first = value.first, !"\"'[{|>".contains(first), value.contains(": ") || value.hasSuffix(":") else {
            return nil
        }
        return "值里有冒号「:」，YAML 会把冒号和空格当成又一个字段：请给整个值加引号，写成 \(lead)\(YAMLQuoting.quoted(value))"
    }
}

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
