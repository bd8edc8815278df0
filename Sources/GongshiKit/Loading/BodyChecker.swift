/// Checks a Markdown body line by line, outside code blocks: placeholder lines left by `gongshi new` (errors) and
/// bullets or numbering pasted from Word (warnings: they are not Markdown lists, so the page shows the raw marks
/// and runs the lines together into one paragraph).
enum BodyChecker {
    /// `firstLine` is the file line of the body's first line.
    static func diagnostics(_ body: String, path: String, firstLine: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var fence: (marker: Character, length: Int)?
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        /// Whether the neighbouring line is text, so that this one runs into the same paragraph.
        func isText(_ index: Int) -> Bool { lines.indices.contains(index) && !lines[index].allSatisfy(\.isWhitespace) }
        for (offset, line) in lines.enumerated() {
            let indent = line.prefix(while: { $0 == " " }).count
            let rest = line.dropFirst(indent)
            if let open = fence {
                let run = rest.prefix(while: { $0 == open.marker }).count
                if indent < 4, run >= open.length, rest.dropFirst(run).allSatisfy(\.isWhitespace) { fence = nil }
                continue
            }
            if indent < 4, let marker = rest.first, marker == "`" || marker == "~" {
                let run = rest.prefix(while: { $0 == marker }).count
                if run >= 3 {
                    fence = (marker, run)
                    continue
                }
            }
            // Indented code, or the continuation of a list item: pasted Word bullets are never indented that far.
            if indent >= 4 || rest.first == "\t" || rest.allSatisfy(\.isWhitespace) { continue }
            let number = firstLine + offset
            let text = quoteStripped(rest)
            if let placeholder = ScaffoldPlaceholder.matching(String(text)), placeholder.isBody {
                diagnostics.append(Diagnostic(.error, path, line: number, placeholder.message(field: nil), kind: .placeholder))
            } else if let bullet = WordBullet(text), !bullet.onlyWithinParagraph || isText(offset - 1) || isText(offset + 1) {
                diagnostics.append(Diagnostic(.warning, path, line: number, bullet.message, kind: .wordBullet))
            }
        }
        return diagnostics
    }

    /// The line without the `>` markers of a block quote.
    private static func quoteStripped(_ line: Substring) -> Substring {
        var rest = line
        while rest.first == ">" { rest = rest.dropFirst().drop(while: { $0 == " " }) }
        return rest
    }
}

/// A line starting the way Word writes a list item: a bullet symbol (`•`, `●`, `·`, `■`, a Symbol-font
/// private-use character…) or numbering that is not a Markdown list (`1）`, `（1）`, `(1)`, `1、`, `（一）`, `一、`,
/// `①`, and `1)` or `1.` directly followed by text). `一、` and `1、` count only inside a paragraph of several lines.
struct WordBullet {
    /// The mark as written, e.g. `•`, `1）`, `（一）`.
    let mark: String
    let isNumbered: Bool
    let isChinese: Bool
    /// `一、`, `1、`: in official documents also the start of a paragraph of its own, which renders well; a problem
    /// only when the next or previous line runs into the same paragraph.
    var onlyWithinParagraph: Bool { mark.hasSuffix("、") }

    /// Symbols that start a line only as a bullet.
    static let symbols: Set<Character> = ["•", "●", "·", "・", "▪", "■", "□", "◆", "◇", "○", "◦", "◎", "►", "▶", "➢", "➤", "❖", "✦"]
    /// Word's Symbol and Wingdings bullets pasted as Latin letters, followed by a Tab.
    static let tabbedSymbols: Set<Character> = ["Ø", "ü", "§"]
    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    init?(_ line: Substring) {
        guard let first = line.first else { return nil }
        let scalar = first.unicodeScalars.first!.value
        if Self.symbols.contains(first) || (0xF000...0xF0FF).contains(scalar) {
            // `○○社区` masks a name; a bullet is followed by its text.
            guard line.count > 1, line.dropFirst().first != first else { return nil }
            (mark, isNumbered, isChinese) = (String(first), false, false)
            return
        }
        if Self.tabbedSymbols.contains(first), line.dropFirst().first == "\t" {
            (mark, isNumbered, isChinese) = (String(first), false, false)
            return
        }
        if ("①"..."⑳").contains(first) {
            (mark, isNumbered, isChinese) = (String(first), true, false)
            return
        }
        guard let numbered = Self.numbering(line) else { return nil }
        (mark, isNumbered, isChinese) = (numbered.mark, true, numbered.chinese)
    }

    /// `1）`, `1、`, `1)text`, `1.text`, `（1）`, `(1)`, `（一）`, `(一)`, `一、`.
    private static func numbering(_ line: Substring) -> (mark: String, chinese: Bool)? {
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        var rest = line
        let opened = rest.first == "（" || rest.first == "("
        if opened { rest = rest.dropFirst() }
        let digits = rest.prefix(while: isDigit)
        let numerals = digits.isEmpty ? rest.prefix(while: chineseNumerals.contains) : ""
        let count = digits.count + numerals.count
        guard (1...3).contains(count) else { return nil }
        rest = rest.dropFirst(count)
        guard let close = rest.first else { return nil }
        let after = rest.dropFirst()
        let chinese = !numerals.isEmpty
        let mark = String(line.prefix(line.count - after.count))
        guard let next = after.first else { return nil }
        if opened { return close == "）" || close == ")" ? (mark, chinese) : nil }
        if close == "、" || close == "）" { return (mark, chinese) }
        // `1) text` and `1. text` are Markdown lists; `1.5 万元` is a number.
        if (close == ")" || close == "."), !chinese, !next.isWhitespace, !isDigit(next) { return (mark, chinese) }
        return nil
    }

    /// The warning: what Markdown writes instead.
    var message: String {
        let problem = "这一行以「\(mark)」开头，像是从 Word 粘贴的\(isNumbered ? "编号" : "项目符号")：网页上不会显示成列表，相邻的几行还会连成一段"
        guard isNumbered else { return problem + "；请改为 Markdown 列表，把「\(mark)」换成「- 」（减号加空格）" }
        if let last = mark.last, last == "." || last == ")", mark.first != "(" {
            return problem + "；Markdown 编号列表的「\(mark)」后面要有一个空格，请写成「\(mark) 」"
        }
        let heading = isChinese ? "；如果这是小标题，写成「## \(mark)……」" : ""
        return problem + "；请改为 Markdown 编号列表，把「\(mark)」换成「1. 」（数字、英文句点加空格）\(heading)"
    }
}
