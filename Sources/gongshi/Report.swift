import Foundation
import GongshiKit

/// Prints diagnostics and messages to standard error.
enum Report {
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Errors, the count of warnings by kind, the warnings, then the summary line (`DiagnosticListing`).
    static func print(_ diagnostics: [Diagnostic]) {
        for text in DiagnosticListing(diagnostics).lines { line(text) }
    }

    /// The notes of a build that are not about the content (an ignored parse cache), and how many content files
    /// were parsed and how many taken from the parse cache.
    static func print(notes outcome: BuildOutcome) {
        for note in outcome.notes { line("注意：\(note)。") }
        guard let sources = outcome.sources else { return }
        line("读取内容文件：解析 \(sources.parsed) 个，沿用解析缓存 \(sources.reused) 个。")
    }
}
