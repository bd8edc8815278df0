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
        // Walks line starts without splitting the whole file: the body is everything after the closing line.
        let utf8 = normalised.utf8
        func lineEnd(from start: String.Index) -> String.Index { utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex }
        let firstEnd = lineEnd(from: utf8.startIndex)
        guard normalised[..<firstEnd].trimmingTrailingSpaces == "---" else {
            return .failure(
                Diagnostic(.error, path, line: 1, "缺少 front matter：文件第一行必须是 ---，随后是 YAML 字段，再以 --- 结束"))
        }
        var lineNumber = 1
        var start = firstEnd
        var closing: (start: String.Index, end: String.Index, number: Int)?
        while start < utf8.endIndex {
            start = utf8.index(after: start)
            lineNumber += 1
            let end = lineEnd(from: start)
            let line = normalised[start..<end].trimmingTrailingSpaces
            if line == "---" || line == "..." {
                closing = (start, end, lineNumber)
                break
            }
            start = end
        }
        guard let closing else {
            return .failure(Diagnostic(.error, path, line: 1, "front matter 没有结束：找不到第二行 ---"))
        }
        let yamlStart = firstEnd < closing.start ? utf8.index(after: firstEnd) : closing.start
        let yamlEnd = closing.start > yamlStart ? utf8.index(before: closing.start) : yamlStart
        let yaml = String(normalised[yamlStart..<yamlEnd])
        let body = closing.end < utf8.endIndex ? String(normalised[utf8.index(after: closing.end)...]) : ""
        let close = closing.number - 1
        return .success(SplitDocument(yaml: yaml, yamlLineOffset: 1, body: body, bodyLineOffset: close + 1))
    }
}

extension String {
    func replacingCRLF() -> String {
        utf8.contains(0x0D) ? split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n") : self
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
