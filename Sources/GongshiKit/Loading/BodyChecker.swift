/// Checks a Markdown body line by line, outside code blocks: placeholder lines left by `gongshi new` (errors) and
/// bullets or numbering pasted from Word (warnings: they are not Markdown lists, so the page shows the raw marks
/// and runs the lines together into one paragraph).
enum BodyChecker {
    /// `firstLine` is the file line of the body's first line.
    static func diagnostics(_ body: String, path: String, firstLine: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var fence: (marker: Character, length: Int)?
        let lines = UTF8Text.lines(body)
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
