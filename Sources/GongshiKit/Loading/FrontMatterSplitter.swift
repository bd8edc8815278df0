/// A content file split into its YAML front matter and its Markdown body.
public struct SplitDocument: Sendable, Equatable {
    public let yaml: String
    /// Lines before the YAML text (the opening `---`), to turn YAML lines into file lines.
    public let yamlLineOffset: Int
    public let body: String
    /// Lines before the body (front matter and both `---`), to turn body lines into file lines.
    public let bodyLineOffset: Int
}

/// Splits `---`-delimited front matter from the body; failures are diagnostics at line 1 or the opening line.
public enum FrontMatterSplitter {
    public static func split(_ text: String, path: String) -> Result<SplitDocument, Diagnostic> {
        var normalised = text.replacingCRLF()
        if normalised.hasPrefix("\u{FEFF}") { normalised.removeFirst() }
        if normalised.allSatisfy(\.isWhitespace) {
            return .failure(Diagnostic(.error, path, line: 1, "文件是空的：需要以 --- 开头的 front matter（至少写 id 等必填字段），请补全或删除此文件"))
        }
        let lines = normalised.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            return .failure(
                Diagnostic(.error, path, line: 1, "缺少 front matter：文件第一行必须是 ---，随后是 YAML 字段，再以 --- 结束"))
        }
        guard let close = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingTrailingSpaces) })
        else {
            return .failure(Diagnostic(.error, path, line: 1, "front matter 没有结束：找不到第二行 ---"))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(SplitDocument(yaml: yaml, yamlLineOffset: 1, body: body, bodyLineOffset: close + 1))
    }
}

extension String {
    func replacingCRLF() -> String {
        contains("\r") ? split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n") : self
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
