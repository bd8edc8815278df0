/// Mistakes in the raw lines of block YAML that libyaml either reports far from the line at fault or accepts
/// silently with a different meaning:
///
/// - a full-width (U+3000), no-break or other Unicode space in the indentation, which YAML counts as text (error);
/// - a list item of plain text indented deeper than the item before it, which YAML silently joins to that item
///   (`- 张桂兰… - 杨志华…`) (error);
/// - ` #` inside an unquoted value, which silently starts a comment and drops the rest of the value (warning).
enum YAMLLayoutLint {
    /// `lineOffset` is added to the 1-based line within `yaml`.
    static func diagnostics(_ yaml: String, path: String, lineOffset: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let lines = UTF8Text.lines(yaml).map(String.init)
        var previousItem: (indent: Int, text: String)?
        var blockScalarIndent: Int?
        for (index, text) in lines.enumerated() {
            let number = index + 1 + lineOffset
            let indent = text.prefix(while: { $0 == " " }).count
            // The text of a `|` or `>` block may start its paragraphs with full-width spaces.
            if let column = blockScalarIndent {
                if indent > column || text.allSatisfy(\.isWhitespace) { continue }
                blockScalarIndent = nil
            }
            let lead = text.prefix(while: \.isWhitespace)
            if let space = lead.first(where: { !$0.isASCII }) {
                let name = spaceName(space)
                let message =
                    lead.count == text.count
                    ? "这一行看起来是空行，其实有\(name)：请删去这一行的\(name)"
                    : "这一行的缩进里有\(name)：YAML 的缩进只能用半角空格（英文输入法的空格键），请删去这一行开头的空白，重新用半角空格缩进，与同一层的字段对齐"
                diagnostics.append(Diagnostic(.error, path, line: number, "YAML 格式错误：\(message)"))
                continue
            }
            let trimmed = UTF8Text.trimmingWhitespaces(text)
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("#") { continue }
            let line = YAMLLine(text)
            if line.value.hasPrefix("|") || line.value.hasPrefix(">") { blockScalarIndent = indent }
            if let comment = hiddenComment(line) {
                diagnostics.append(Diagnostic(.warning, path, line: number, comment, kind: .yamlComment))
            }
            // A bare `- 文字` item (no key) deeper than the bare item before it is joined to that item.
            let isBareItem = trimmed.hasPrefix("- ") && line.key == nil && line.prefix.filter({ $0 == "-" }).count == 1
            if isBareItem, let previous = previousItem, indent > previous.indent {
                let fixed = String(repeating: " ", count: previous.indent) + trimmed
                diagnostics.append(
                    Diagnostic(
                        .error, path, line: number,
                        "YAML 格式错误：列表项「\(trimmed)」比上一项「\(previous.text)」多缩进了 \(indent - previous.indent) 个空格，"
                            + "YAML 会把它并进上一项，读成一项「\(previous.text.dropFirst(2)) \(trimmed)」：同一列表的各项要左端对齐，请写成「\(fixed)」"))
                continue
            }
            if isBareItem, !line.value.isEmpty, !"\"'[{|>".contains(line.value.first!) {
                previousItem = (indent, trimmed)
            } else {
                previousItem = nil
            }
        }
        return diagnostics
    }

    /// `title: 第 #3 期 #通知`: an unquoted value with ` #` followed by text, which YAML drops as a comment. A comment
    /// written as one (`# 说明`, with a space after `#`) is left alone.
    static func hiddenComment(_ line: YAMLLine) -> String? {
        let value = line.value
        // Only a `#` scalar can be the character `#`: most values have none and are not taken apart.
        guard value.utf8.contains(UInt8(ascii: "#")), let first = value.first, !"\"'[{|>".contains(first) else { return nil }
        let chars = Array(value)
        for index in chars.indices where chars[index] == "#" && (index == 0 || chars[index - 1] == " " || chars[index - 1] == "\t") {
            guard index + 1 < chars.count, !chars[index + 1].isWhitespace else { continue }
            let kept = String(chars[..<index]).trimmingCharacters(in: .whitespaces)
            let dropped = String(chars[index...])
            let shown = kept.isEmpty ? "这个值是空的" : "网页上只有「\(kept)」"
            let fullWidth = value.replacingOccurrences(of: "#", with: "＃")
            return "值里「 #」之后的「\(dropped)」被 YAML 当作注释删掉了，\(shown)：如果 # 是内容的一部分，请给整个值加引号，写成 \(line.lead)\(YAMLQuoting.quoted(value))，"
                + "或改用全角「＃」：\(line.lead)\(fullWidth)"
        }
        return nil
    }

    /// `全角空格（U+3000）`, `不换行空格（U+00A0）`, else `Unicode 空格（U+2003）`.
    static func spaceName(_ char: Character) -> String {
        let scalar = char.unicodeScalars.first!.value
        let code = "U+" + String(scalar, radix: 16, uppercase: true).leftPadded(to: 4)
        switch scalar {
        case 0x3000: return "全角空格（\(code)）"
        case 0xA0, 0x202F: return "不换行空格（\(code)）"
        default: return "其他 Unicode 空格（\(code)）"
        }
    }
}

extension String {
    /// The text with `0` in front up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
