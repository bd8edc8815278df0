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
}
