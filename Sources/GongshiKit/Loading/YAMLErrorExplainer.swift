import Foundation

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
        if let flow = YAMLFlow.problem(lines, reported: reported) { return Explanation(line: flow.line, message: flow.message) }
        let near = Array((1...min(reported + 1, max(lines.count, 1))).reversed())
        if let dash = near.first(where: { YAMLLine(text($0)).dashWithoutSpace != nil }) {
            return Explanation(line: dash, message: YAMLLine(text(dash)).dashWithoutSpace!)
        }
        if let inline = YAMLLine(text(reported)).inlineBlockList { return Explanation(line: reported, message: inline) }
        if let glued = near.first(where: { YAMLLine(text($0)).colonWithoutSpace != nil }) {
            return Explanation(line: glued, message: YAMLLine(text(glued)).colonWithoutSpace!)
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
