import Yams

/// Control characters that a YAML escape (`title: "ab\0cd"`, `"\x07"`, `"\u001B"`) puts into a value: libyaml decodes
/// them, and they would reach the pages, feeds and open data files (a NUL cuts the text short in most programs that
/// read it). Every key and string value of the front matter, known field or not, is checked; tab, line feed and
/// carriage return are ordinary text.
enum ControlCharacterCheck {
    /// One error per key or value holding a C0 control character other than tab, LF and CR (or DEL), at its line.
    static func diagnostics(_ root: Node, path: String, lineOffset: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func visit(_ node: Node, field: String) {
            switch node {
            case .scalar(let scalar):
                guard let bad = firstControl(in: scalar.string) else { return }
                let line = (node.mark?.line ?? 1) + lineOffset
                let name = field.isEmpty ? "front matter" : "字段 \(field.displayKey)"
                diagnostics.append(Diagnostic(.error, path, line: line, message(name: name, bad)))
            case .mapping(let mapping):
                for (key, value) in mapping {
                    let name = key.string ?? ""
                    visit(key, field: field.isEmpty ? name : "\(field).\(name)")
                    visit(value, field: field.isEmpty ? name : "\(field).\(name)")
                }
            case .sequence(let sequence):
                for (index, item) in sequence.enumerated() { visit(item, field: "\(field).\(index)") }
            case .alias:
                return
            }
        }
        visit(root, field: "")
        return diagnostics
    }

    /// The first C0 control character (or DEL) other than tab, LF and CR.
    static func firstControl(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") || $0.value == 0x7F }
    }

    static func message(name: String, _ scalar: Unicode.Scalar) -> String {
        let code = String(format: "U+%04X", scalar.value)
        let what = scalar.value == 0 ? "空字符（NUL，\(code)）" : "控制字符（\(code)）"
        return "\(name) 的值里有\(what)，多半来自引号中的转义（如 \"\\0\"、\"\\x07\"）或从别的软件复制："
            + "它会被原样写进网页和数据文件。请删除这个字符（或删去引号中的反斜杠转义）后再生成"
    }
}
