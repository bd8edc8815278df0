import Foundation

/// Finds the first line of block YAML that lines up with no open level: a list item or a key indented more or less
/// than its siblings, which libyaml reports only as "did not find expected key" or "'-' indicator".
///
/// It follows the levels the way libyaml does for plain block YAML (keys, `- ` items, plain and `|` scalars) and
/// gives up (nil) on what it does not model, such as flow collections over several lines.
enum YAMLIndentation {
    struct Misaligned: Equatable {
        let line: Int
        let message: String
    }

    /// An open level: a key or a `- ` item starting at `column`.
    private struct Level {
        let column: Int
        let isItem: Bool
        /// The key, or the item's text, for messages.
        let name: String
    }

    /// The first misaligned line among the first `last` lines, if any.
    static func firstMisaligned(_ lines: [String], through last: Int) -> Misaligned? {
        var stack: [Level] = []
        var opensBlock = false
        var scalarContinues = false
        var blockScalarColumn: Int?
        /// The key line before, with the levels it closed: a key moved left out of a list item closes the item, and
        /// the error shows only at the next key of that item.
        var previousKey: (line: Int, level: Level, trimmed: String, popped: [Level])?
        guard last >= 1 else { return nil }
        for number in 1...last {
            let text = lines[number - 1]
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let indent = text.prefix(while: { $0 == " " }).count
            if let column = blockScalarColumn {
                if indent > column { continue }
                blockScalarColumn = nil
            }
            if trimmed.hasPrefix("#") { continue }
            if text.dropFirst(indent).first == "\t" { return nil }
            let parsed = YAMLLine(text)
            let entries = levels(of: parsed, trimmed: trimmed)
            guard let first = entries.first else {
                // A plain line deeper than the key before it continues that key's value.
                if scalarContinues, let top = stack.last, indent > top.column { continue }
                return nil
            }
            var popped: [Level] = []
            while let top = stack.last, top.column > first.column || (top.column == first.column && top.isItem && !first.isItem) {
                popped.append(stack.removeLast())
            }
            let fits: Bool
            if let top = stack.last, top.column == first.column {
                fits = top.isItem == first.isItem || (first.isItem && opensBlock)
                if top.isItem == first.isItem { stack.removeLast() }
            } else if stack.last != nil {
                fits = popped.isEmpty && opensBlock
            } else {
                fits = popped.isEmpty
            }
            if !fits {
                if !first.isItem, let previous = previousKey,
                    let sibling = previous.popped.first(where: { !$0.isItem && $0.column == first.column && $0.column > previous.level.column })
                {
                    return movedOut(previous.line, level: previous.level, trimmed: previous.trimmed, sibling: sibling, next: first)
                }
                return misaligned(number, first: first, trimmed: trimmed, candidates: popped + stack.reversed())
            }
            previousKey = entries.count == 1 && !first.isItem ? (number, first, trimmed, popped) : nil
            stack += entries
            let value = parsed.value
            if let opener = value.first, "[{\"'".contains(opener) {
                // Flow collections and quoted values may run over several lines: not modelled.
                let closer: Character = opener == "[" ? "]" : opener == "{" ? "}" : opener
                if value.count < 2 || value.last != closer { return nil }
            }
            opensBlock = value.isEmpty
            blockScalarColumn = value.hasPrefix("|") || value.hasPrefix(">") ? entries.last?.column : nil
            scalarContinues = !value.isEmpty && blockScalarColumn == nil
        }
        return nil
    }

    /// The items and the key that start on a line, by column.
    private static func levels(of line: YAMLLine, trimmed: String) -> [Level] {
        var levels: [Level] = []
        for (offset, char) in line.prefix.enumerated() where char == "-" {
            levels.append(Level(column: offset, isItem: true, name: trimmed))
        }
        if let key = line.key { levels.append(Level(column: line.prefix.count, isItem: false, name: key)) }
        return levels
    }

    /// The message for a line at the wrong column, against the nearest sibling of the same sort.
    private static func misaligned(_ number: Int, first: Level, trimmed: String, candidates: [Level]) -> Misaligned? {
        let siblings = candidates.filter { $0.isItem == first.isItem }
        guard let sibling = siblings.min(by: { abs($0.column - first.column) < abs($1.column - first.column) }) else { return nil }
        let difference = first.column - sibling.column
        let amount = "\(difference > 0 ? "多" : "少") \(abs(difference)) 个空格"
        let fixed = "「\(String(repeating: " ", count: sibling.column))\(trimmed)」"
        let message: String
        if first.isItem {
            message = "缩进不对：列表项「\(trimmed)」比同一列表的上一项「\(sibling.name)」\(amount)；同一列表的各项要左端对齐，请写成\(fixed)"
        } else {
            message = "缩进不对：字段 \(first.name) 比同一层的字段 \(sibling.name) \(amount)；同一层的字段要左端对齐，请写成\(fixed)"
        }
        return Misaligned(line: number, message: message)
    }

    /// `due:` written at column 0 between two keys of a list item: the item ends at `due`, so YAML trips over the
    /// next key; the line to fix is `due`'s.
    private static func movedOut(_ number: Int, level: Level, trimmed: String, sibling: Level, next: Level) -> Misaligned {
        let fixed = "「\(String(repeating: " ", count: sibling.column))\(trimmed)」"
        return Misaligned(
            line: number,
            message: "缩进不对：字段 \(level.name) 比同一项的字段 \(sibling.name) 少 \(sibling.column - level.column) 个空格，"
                + "YAML 因此认为这一项到此结束，读到下一行的 \(next.name) 时出错：同一项的字段要与 \(sibling.name) 左端对齐，请写成\(fixed)")
    }
}
