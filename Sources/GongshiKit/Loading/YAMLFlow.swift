/// Mistakes inside a flow collection (`[a, b]`, `{by: 马丽, date: …}`) that libyaml reports only at a later line or
/// as "did not find expected ',' or ']'": a bracket never closed, one closed twice or with the other kind, a quote
/// never closed, and an unquoted colon inside a value of a flow mapping. The line named is the one where the
/// collection starts, and the fix is for that line alone: the collection stays a list or mapping.
enum YAMLFlow {
    struct Problem: Equatable {
        let line: Int
        let message: String
    }

    /// The first flow collection starting on or before `reported` (1-based) that has one of these mistakes.
    static func problem(_ lines: [String], reported: Int) -> Problem? {
        guard reported >= 1 else { return nil }
        for number in 1...min(reported, lines.count) {
            let line = YAMLLine(lines[number - 1])
            guard let opener = line.value.first, opener == "[" || opener == "{", line.key != nil || line.prefix.contains("-") else { continue }
            if let message = check(line, lines: lines, start: number) { return Problem(line: number, message: message) }
        }
        return nil
    }

    private static func closer(_ opener: Character) -> Character { opener == "[" ? "]" : "}" }
    private static func kind(_ opener: Character) -> String { opener == "[" ? "列表" : "映射" }

    /// The message for the collection that starts with `line.value` on line `start`, nil when it is well formed or
    /// is text after all (`title: [通知] 关于…`, where quoting the value is the fix).
    private static func check(_ line: YAMLLine, lines: [String], start: Int) -> String? {
        let startIndent = line.indentation.count
        let written = "\(line.indentation)\(line.lead)\(line.value)"
        var stack: [Character] = []
        var quote: Character?
        var previous: Character = " "
        var number = start
        var text = Array(line.value)
        var index = 0
        while true {
            if index >= text.count {
                // The line ends inside the collection: go on to the next, unless it starts a new field.
                if quote == nil, stack.isEmpty { return nil }
                number += 1
                let next = number <= lines.count ? YAMLLine(lines[number - 1]) : nil
                if let next, next.key == nil || next.indentation.count > startIndent || lines[number - 1].allSatisfy(\.isWhitespace) {
                    text = Array(lines[number - 1])
                    index = 0
                    previous = " "
                    continue
                }
                if let mark = quote {
                    return "\(kind(line.value.first!))里的引号「\(mark)」没有配对，YAML 把后面的逗号、括号和下一行都读进了引号：请补上另一个 \(mark)（或删去这个引号），写成 \(closedQuote(written, mark: mark))"
                }
                let missing = String(stack.reversed().map(closer))
                return "以「\(line.value.first!)」开始的\(kind(line.value.first!))没有用「\(missing)」结束，YAML 一直读到了后面的行：请在这一行末尾补上「\(missing)」，写成 \(written)\(missing)"
            }
            let char = text[index]
            index += 1
            if let mark = quote {
                if mark == "\"", char == "\\" {
                    index += 1
                } else if char == mark {
                    if mark == "'", index < text.count, text[index] == "'" { index += 1 } else { quote = nil }
                }
                previous = char
                continue
            }
            switch char {
            case "\"",
                "'" where "[{,:".contains(previous) || previous == " " && lastNonSpace(text, before: index - 1).map({ "[{,:".contains($0) }) ?? true:
                quote = char
            case "#" where previous == " ":
                index = text.count
            case "[", "{":
                stack.append(char)
            case "]", "}":
                guard let open = stack.popLast() else {
                    return "多了一个「\(char)」：这个\(char == "]" ? "列表" : "映射")已经结束了，请删去多余的「\(char)」，写成 \(removingExtra(written))"
                }
                if closer(open) != char {
                    return "以「\(open)」开始的\(kind(open))要用「\(closer(open))」结束，不能用「\(char)」：请把这个「\(char)」改为「\(closer(open))」"
                }
                if stack.isEmpty {
                    let rest = String(text[index...]).trimmingCharacters(in: .whitespaces)
                    if let extra = rest.first, extra == "]" || extra == "}" {
                        return "多了一个「\(extra)」：这个\(kind(open))已经结束了，请删去多余的「\(extra)」，写成 \(removingExtra(written))"
                    }
                    if !rest.isEmpty, !rest.hasPrefix("#") { return nil }
                    return number == start && line.value.first == "{" ? colonInValue(line) : nil
                }
            default:
                break
            }
            previous = char
        }
    }

    private static func lastNonSpace(_ text: [Character], before end: Int) -> Character? {
        text[..<end].last(where: { !$0.isWhitespace })
    }

    /// The line with the closing brackets that follow the last one removed (`[a, b]]` → `[a, b]`).
    private static func removingExtra(_ written: String) -> String {
        var text = written.trimmingCharacters(in: .whitespaces)
        var depth = 0
        var kept = ""
        for char in text {
            if char == "[" || char == "{" { depth += 1 }
            if char == "]" || char == "}" {
                if depth == 0 { continue }
                depth -= 1
            }
            kept.append(char)
        }
        text = kept
        return String(written.prefix(while: { $0 == " " })) + text
    }

    /// The line with the quote closed before the trailing brackets (`[a, "b]` → `[a, "b"]`).
    private static func closedQuote(_ written: String, mark: Character) -> String {
        let trimmed = written.trimmingCharacters(in: .whitespaces)
        let closers = trimmed.reversed().prefix(while: { $0 == "]" || $0 == "}" || $0 == " " })
        let body = trimmed.dropLast(closers.count)
        return String(written.prefix(while: { $0 == " " })) + body + String(mark) + String(closers.reversed())
    }

    /// `reviewed: {by: 审核人: 马丽, date: …}`: the value of a key in a one-line flow mapping holding `: ` unquoted.
    private static func colonInValue(_ line: YAMLLine) -> String? {
        let inner = line.value.dropFirst().dropLast()
        var entries: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for char in inner {
            if let mark = quote {
                if char == mark { quote = nil }
            } else if char == "\"" || char == "'", current.trimmingCharacters(in: .whitespaces).hasSuffix(":") || current.allSatisfy(\.isWhitespace) {
                quote = char
            } else if char == "[" || char == "{" {
                depth += 1
            } else if char == "]" || char == "}" {
                depth -= 1
            } else if char == ",", depth == 0 {
                entries.append(current)
                current = ""
                continue
            }
            current.append(char)
        }
        entries.append(current)
        for (position, entry) in entries.enumerated() {
            let trimmed = entry.trimmingCharacters(in: .whitespaces)
            guard let colon = trimmed.range(of: ": ") else { continue }
            let key = trimmed[..<colon.lowerBound]
            let value = trimmed[colon.upperBound...].trimmingCharacters(in: .whitespaces)
            guard let first = value.first, !"\"'[{".contains(first), value.contains(": ") || value.hasSuffix(":") else { continue }
            var fixed = entries
            fixed[position] = (position == 0 ? "" : " ") + "\(key): \(YAMLQuoting.quoted(value))"
            let mapping = "{" + fixed.map { $0.hasPrefix(" ") || $0 == fixed.first ? $0 : " " + $0 }.joined(separator: ",") + "}"
            return "\(key) 的值「\(value)」里有冒号「:」，YAML 会把冒号和空格当成又一个字段：请只给这个值加引号，写成 \(key): \(YAMLQuoting.quoted(value))，"
                + "即 \(line.lead)\(mapping)"
        }
        return nil
    }
}
