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
