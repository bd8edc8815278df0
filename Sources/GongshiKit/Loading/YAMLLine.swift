import Foundation

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
        // Foundation's `range(of: ": ")` and `trimmingCharacters(in: .whitespaces)`, on bytes (`UTF8Text`); a line
        // ending in the character `:` has it as its last scalar.
        if let first = rest.first, !"\"'[{#".contains(first),
            let colon = UTF8Text.range(of: ": ", in: rest) ?? (rest.hasSuffix(":") ? rest.unicodeScalars.index(before: rest.endIndex)..<rest.endIndex : nil)
        {
            key = String(rest[..<colon.lowerBound])
            value = UTF8Text.trimmingWhitespaces(rest[colon.upperBound...])
        } else {
            key = nil
            value = UTF8Text.trimmingWhitespaces(rest)
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

    /// `-text: 每周走访`: a list item without the space after `-`, which YAML reads as a key named `-text`.
    var dashWithoutSpace: String? {
        let rest = key.map { "\($0): \(value)" } ?? value
        guard !prefix.contains("-"), rest.hasPrefix("-"), let next = rest.dropFirst().first, next != "-", !next.isWhitespace,
            !next.isNumber, rest.contains(":")
        else { return nil }
        let fixed = "- " + rest.dropFirst()
        return "「-」后面少了一个空格，YAML 把「\(rest.prefix(while: { $0 != ":" }))」读成了字段名：列表的每一项要以「- 」（减号加空格）开头，请写成「\(indentation)\(fixed)」"
    }

    /// `items: - text: 每月清理一次`: a block list begun on the key's own line.
    var inlineBlockList: String? {
        guard let key, value.hasPrefix("- ") else { return nil }
        let item = "\(indentation)  \(value)"
        return "列表不能写在字段名的同一行：请在「\(key):」后换行，从下一行开始写列表项并多缩进两个空格，写成「\(indentation)\(key):」，下一行「\(item)」"
    }

    /// `id:jinqiao-shequ`, `- text:每周走访`: a key glued to its value without the space after the colon, which YAML
    /// reads as plain text.
    var colonWithoutSpace: String? {
        guard key == nil, let colon = value.firstIndex(of: ":") else { return nil }
        let name = value[..<colon]
        let after = value[value.index(after: colon)...]
        guard let first = name.first, first.isASCII, first.isLetter || first == "_",
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }),
            let next = after.first, !next.isWhitespace, !after.hasPrefix("//")
        else { return nil }
        let markers = prefix.drop(while: { $0 == " " })
        return "冒号后面少了一个空格，YAML 把「\(value)」读成了一段文字而不是字段 \(name)：字段名的冒号后面要有一个空格，请写成 \(markers)\(name): \(after)"
    }

    /// The spaces before the line's first `-` or key.
    var indentation: String { String(prefix.prefix(while: { $0 == " " })) }
}
