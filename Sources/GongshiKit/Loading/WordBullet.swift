/// A line starting the way Word writes a list item: a bullet symbol (`•`, `●`, `·`, `■`, a check mark `✓ √`, a star
/// `★ ☆`, an arrow `→`, `※`, a Symbol-font private-use character…) or numbering that is not a Markdown list (`1）`,
/// `（1）`, `(1)`, `1、`, `1．`, `（一）`, `一、`, `①`, `⑴`, `⒈`, `A.`, `a)`, `（A）`, and `1)` or `1.` directly followed
/// by text). Full-width digits and letters (`１）`, `Ａ．`) count as their ASCII forms. `一、` and `1、` count only
/// inside a paragraph of several lines.
struct WordBullet {
    /// The mark as written, e.g. `•`, `1）`, `（一）`.
    let mark: String
    let isNumbered: Bool
    let isChinese: Bool
    /// `A.`, `a)`: Markdown has no lettered lists.
    var isLettered = false
    /// `一、`, `1、`: in official documents also the start of a paragraph of its own, which renders well; a problem
    /// only when the next or previous line runs into the same paragraph.
    var onlyWithinParagraph: Bool { mark.hasSuffix("、") }

    /// Symbols that start a line only as a bullet.
    static let symbols: Set<Character> = [
        "•", "●", "·", "・", "▪", "■", "□", "◆", "◇", "○", "◦", "◎", "►", "▶", "▸", "▹", "➢", "➤", "❖", "✦", "◉", "◼", "◻",
        "♦", "✓", "✔", "√", "✗", "✘", "☑", "★", "☆", "→", "⇒", "➔", "➜", "➙", "※",
    ]
    /// Word's Symbol and Wingdings bullets pasted as Latin letters, followed by a Tab.
    static let tabbedSymbols: Set<Character> = ["Ø", "ü", "§"]
    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    private static let chineseNumeralScalars = chineseNumerals.compactMap(\.unicodeScalars.first)
    /// `①…⑳`, `⑴…⒇`, `⒈…⒛`, `❶…❿`, `➀…➓`, `㈠…㈩`, `Ⅰ…Ⅻ`: numbering in one character.
    static let numberCharacters: [ClosedRange<UInt32>] = [
        0x2460...0x249B, 0x2776...0x2793, 0x3220...0x3229, 0x2160...0x216B, 0x2170...0x217B,
    ]

    init?(_ line: Substring) {
        // Most lines start with an ideograph: unless it is a Chinese numeral it starts no mark, whatever follows it.
        if let lead = line.unicodeScalars.first, (0x4E00...0x9FFF).contains(lead.value), !Self.chineseNumeralScalars.contains(lead) { return nil }
        self.init(parsing: line)
    }

    /// The line read character by character.
    init?(parsing line: Substring) {
        guard let first = line.first else { return nil }
        let scalar = first.unicodeScalars.first!.value
        if Self.symbols.contains(first) || (0xF000...0xF0FF).contains(scalar) {
            // `○○社区` masks a name, `★★★☆☆` rates; a bullet is followed by its text.
            guard line.count > 1, let next = line.dropFirst().first, next != first, !Self.symbols.contains(next) else { return nil }
            (mark, isNumbered, isChinese) = (String(first), false, false)
            return
        }
        if Self.tabbedSymbols.contains(first), line.dropFirst().first == "\t" {
            (mark, isNumbered, isChinese) = (String(first), false, false)
            return
        }
        if first.unicodeScalars.count == 1, Self.numberCharacters.contains(where: { $0.contains(scalar) }) {
            // `①报名`; a Roman `Ⅱ` only with a mark or a space after it (`Ⅱ级响应` is text).
            guard let next = line.dropFirst().first else { return nil }
            let roman = (0x2160...0x217B).contains(scalar)
            guard !roman || "、.．".contains(next) || next.isWhitespace else { return nil }
            var written = String(first)
            if "、.．".contains(next) { written.append(next) }
            (mark, isNumbered, isChinese) = (written, true, false)
            return
        }
        guard let numbered = Self.numbering(line) else { return nil }
        (mark, isNumbered, isChinese) = (numbered.mark, true, numbered.chinese)
        isLettered = numbered.lettered
    }

    /// The ASCII form of a full-width digit or letter (`１` → `1`, `Ａ` → `A`), else the character itself.
    private static func folded(_ char: Character) -> Character {
        guard let scalar = char.unicodeScalars.first, char.unicodeScalars.count == 1, (0xFF10...0xFF5A).contains(scalar.value),
            let ascii = Unicode.Scalar(scalar.value - 0xFEE0)
        else { return char }
        return Character(ascii)
    }

    /// `1）`, `1、`, `1．`, `1)text`, `1.text`, `（1）`, `(1)`, `（一）`, `(一)`, `一、`, `A.`, `a)`, `（A）`.
    private static func numbering(_ line: Substring) -> (mark: String, chinese: Bool, lettered: Bool)? {
        let isDigit: (Character) -> Bool = { folded($0).isASCII && folded($0).isNumber }
        let isLetter: (Character) -> Bool = { folded($0).isASCII && folded($0).isLetter }
        var rest = line
        let opened = rest.first == "（" || rest.first == "("
        if opened { rest = rest.dropFirst() }
        let digits = rest.prefix(while: isDigit)
        let numerals = digits.isEmpty ? rest.prefix(while: chineseNumerals.contains) : ""
        let letters = digits.isEmpty && numerals.isEmpty ? rest.prefix(while: isLetter) : ""
        // One letter only: `ABC.` or `e.g.` are words.
        guard letters.count <= 1 else { return nil }
        let count = digits.count + numerals.count + letters.count
        guard (1...3).contains(count) else { return nil }
        rest = rest.dropFirst(count)
        guard let close = rest.first else { return nil }
        let after = rest.dropFirst()
        let chinese = !numerals.isEmpty
        let lettered = !letters.isEmpty
        let mark = String(line.prefix(line.count - after.count))
        guard let next = after.first else { return nil }
        if opened { return close == "）" || close == ")" ? (mark, chinese, lettered) : nil }
        if lettered {
            // `A. 组织建设`, `a)报名`, `Ａ．报名`, `B、`: not `A.I.`, `e.g.`, `a.m.`, `A-1`.
            guard "、.．)）".contains(close), next.isWhitespace || !next.isASCII else { return nil }
            guard after.contains(where: { !$0.isWhitespace }) else { return nil }
            return (mark, chinese, lettered)
        }
        if close == "、" || close == "）" || (close == "．" && !isDigit(next)) { return (mark, chinese, lettered) }
        // `1) text` and `1. text` are Markdown lists; `1.5 万元` is a number.
        if (close == ")" || close == "."), digits.allSatisfy(\.isASCII), !chinese, !next.isWhitespace, !isDigit(next) {
            return (mark, chinese, lettered)
        }
        // `１. 报名`: Markdown needs ASCII digits.
        if (close == ")" || close == "."), !digits.allSatisfy(\.isASCII), !isDigit(next) { return (mark, chinese, lettered) }
        return nil
    }

    /// The warning: what Markdown writes instead.
    var message: String {
        let problem = "这一行以「\(mark)」开头，像是从 Word 粘贴的\(isNumbered ? "编号" : "项目符号")：网页上不会显示成列表，相邻的几行还会连成一段"
        guard isNumbered else { return problem + "；请改为 Markdown 列表，把「\(mark)」换成「- 」（减号加空格）" }
        if isLettered {
            return problem + "；Markdown 没有字母编号的列表：请在前面加「- 」（减号加空格）写成「- \(mark) ……」，或改为「1. 」（数字、英文句点加空格）"
        }
        if let last = mark.last, last == "." || last == ")", mark.first != "(", mark.allSatisfy(\.isASCII) {
            return problem + "；Markdown 编号列表的「\(mark)」后面要有一个空格，请写成「\(mark) 」"
        }
        let heading = isChinese ? "；如果这是小标题，写成「## \(mark)……」" : ""
        return problem + "；请改为 Markdown 编号列表，把「\(mark)」换成「1. 」（数字、英文句点加空格）\(heading)"
    }
}
