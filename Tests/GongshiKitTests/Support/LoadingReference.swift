import Foundation
import Yams

@testable import GongshiKit

/// The load stage's text checks as they were before they worked on bytes (`UTF8Text`), kept verbatim as the reference
/// the equivalence tests compare the current ones with: on Foundation's search and trimming and on `Character`s.
enum LoadingReference {
    /// `ScaffoldPlaceholder.matching` before.
    static func placeholder(_ value: String) -> ScaffoldPlaceholder? {
        let phrases = ScaffoldPlaceholder.allCases.compactMap { item in item.phrase.map { (placeholder: item, phrase: $0) } }
        let telltales = Set(phrases.compactMap { $0.phrase.unicodeScalars.dropFirst().first })
        let longestWhole = ScaffoldPlaceholder.allCases.filter { $0.phrase == nil }.map(\.rawValue.utf8.count).max()! + 16
        let scalars = value.unicodeScalars
        let hasScheme = value.utf8.contains(UInt8(ascii: ":")) && value.contains("://")
        guard hasScheme || scalars.contains(where: telltales.contains) || value.utf8.count <= longestWhole else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let exact = ScaffoldPlaceholder(rawValue: trimmed) { return exact }
        if hasScheme, WebAddress.host(of: trimmed) == ScaffoldPlaceholder.exampleHost { return .baseURL }
        guard scalars.contains(where: telltales.contains) else { return nil }
        let plain = String(trimmed.filter { !$0.isWhitespace && !"*_`".contains($0) })
        return phrases.first { plain.contains($0.phrase) }?.placeholder
    }

    /// `ScaffoldPlaceholder.exampleName(in:)` before.
    static func exampleName(in value: String) -> String? { ScaffoldPlaceholder.exampleNames.first { value.contains($0) } }

    /// `MarkdownRenderer.linkTargets` before: the same parse behind Foundation's `contains`.
    static func linkTargets(_ markdown: String) -> [BodyLink] {
        guard markdown.contains("](") || markdown.contains("]:") else { return [] }
        return MarkdownRenderer.linkTargets(markdown)
    }

    /// `YAMLLine` before (the parts the layout lint reads).
    struct Line {
        let prefix: String
        let key: String?
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

        var lead: String {
            let markers = prefix.drop(while: { $0 == " " })
            return key.map { "\(markers)\($0): " } ?? String(markers)
        }
    }

    /// `YAMLLayoutLint.diagnostics` before.
    static func layout(_ yaml: String, path: String, lineOffset: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var previousItem: (indent: Int, text: String)?
        var blockScalarIndent: Int?
        for (index, text) in lines.enumerated() {
            let number = index + 1 + lineOffset
            let indent = text.prefix(while: { $0 == " " }).count
            if let column = blockScalarIndent {
                if indent > column || text.allSatisfy(\.isWhitespace) { continue }
                blockScalarIndent = nil
            }
            let lead = text.prefix(while: \.isWhitespace)
            if let space = lead.first(where: { !$0.isASCII }) {
                let name = YAMLLayoutLint.spaceName(space)
                let message =
                    lead.count == text.count
                    ? "这一行看起来是空行，其实有\(name)：请删去这一行的\(name)"
                    : "这一行的缩进里有\(name)：YAML 的缩进只能用半角空格（英文输入法的空格键），请删去这一行开头的空白，重新用半角空格缩进，与同一层的字段对齐"
                diagnostics.append(Diagnostic(.error, path, line: number, "YAML 格式错误：\(message)"))
                continue
            }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("#") { continue }
            let line = Line(text)
            if line.value.hasPrefix("|") || line.value.hasPrefix(">") { blockScalarIndent = indent }
            if let comment = hiddenComment(line) {
                diagnostics.append(Diagnostic(.warning, path, line: number, comment, kind: .yamlComment))
            }
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

    static func hiddenComment(_ line: Line) -> String? {
        let value = line.value
        guard let first = value.first, !"\"'[{|>".contains(first) else { return nil }
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

    /// `BodyChecker.diagnostics` before.
    static func body(_ body: String, path: String, firstLine: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var fence: (marker: Character, length: Int)?
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
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
            if indent >= 4 || rest.first == "\t" || rest.allSatisfy(\.isWhitespace) { continue }
            let number = firstLine + offset
            var text = rest
            while text.first == ">" { text = text.dropFirst().drop(while: { $0 == " " }) }
            if let placeholder = placeholder(String(text)), placeholder.isBody {
                diagnostics.append(Diagnostic(.error, path, line: number, placeholder.message(field: nil), kind: .placeholder))
            } else if let bullet = WordBullet(text), !bullet.onlyWithinParagraph || isText(offset - 1) || isText(offset + 1) {
                diagnostics.append(Diagnostic(.warning, path, line: number, bullet.message, kind: .wordBullet))
            }
        }
        return diagnostics
    }

    /// `SourceText.decode` before.
    static func decode(_ data: Data, path: String) -> Result<String, Diagnostic> {
        guard data.count <= SourceText.maximumBytes else { return .failure(SourceText.tooLarge(data.count, path: path)) }
        if let text = String(validating: data, as: UTF8.self) {
            if let offset = data.firstIndex(of: 0) {
                let position = offset - data.startIndex
                let line = data[..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
                return .failure(
                    Diagnostic(
                        .error, path, line: line,
                        "文件中有空字符（NUL，0x00，第 \(position + 1) 个字节）：其后的内容会丢失，多半是从别的软件复制或文件损坏；"
                            + "请在编辑器中删除这个字符后再生成"))
            }
            return .success(text)
        }
        let offset = SourceText.firstInvalidUTF8Offset(data) ?? 0
        let line = data.prefix(offset).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        return .failure(
            Diagnostic(
                .error, path, line: line,
                "文件不是 UTF-8 编码（第 \(offset + 1) 个字节无法识别，可能是 GBK 编码）：请在编辑器中“另存为”UTF-8 编码后再生成"))
    }
}
