import Foundation
import GongshiKit

/// Prints diagnostics and messages to standard error.
enum Report {
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { line(diagnostic.description) }
        line(diagnostics.summary)
    }
}
