/// Finds `# …` comments in front matter, which Yams' node API drops. Conservative: a `#` that might start a
/// comment counts as one (the file then opens read-only, it is never rewritten).
enum YAMLCommentFinder {
    enum Mark: Equatable {
        case comment, anchor, alias, tag
    }

    /// The 0-based line of the first comment.
    static func firstCommentLine(_ yaml: String) -> Int? {
        first(yaml).flatMap { $0.mark == .comment ? $0.line : nil }
    }

    /// The first comment, anchor (`&a`), alias (`*a`) or tag (`!t`) outside quotes and block scalars.
    static func first(_ yaml: String) -> (line: Int, mark: Mark)? {
        var quote: Character?
        var blockIndent: Int?
        for (number, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " }.count
            if let column = blockIndent {
                if line.allSatisfy({ $0 == " " }) || indent > column { continue }
                blockIndent = nil
            }
            var previous: Character?  // the last character before, nil at the line start
            var lastSignificant: Character?
            var index = line.startIndex
            while index < line.endIndex {
                let char = line[index]
                if let open = quote {
                    if open == "\"" && char == "\\" {
                        index = line.index(after: index)
                        if index < line.endIndex { index = line.index(after: index) }
                        continue
                    }
                    if char == open {
                        let next = line.index(after: index)
                        if open == "'" && next < line.endIndex && line[next] == "'" {
                            index = line.index(after: next)
                            continue
                        }
                        quote = nil
                    }
                } else if char == "#" && (previous == nil || previous == " " || previous == "\t") {
                    return (number, .comment)
                } else if "&*!".contains(char) && (lastSignificant == nil || ":-[{,?".contains(lastSignificant!))
                    && (previous == nil || previous == " " || previous == "[" || previous == "{" || previous == ",")
                {
                    return (number, char == "&" ? .anchor : char == "*" ? .alias : .tag)
                } else if (char == "\"" || char == "'") && (lastSignificant == nil || ":-[{,?".contains(lastSignificant!)) {
                    quote = char
                } else if (char == "|" || char == ">") && (lastSignificant == nil || ":-".contains(lastSignificant!)) {
                    blockIndent = indent
                }
                previous = char
                if char != " " { lastSignificant = char }
                index = line.index(after: index)
            }
        }
        return nil
    }
}
