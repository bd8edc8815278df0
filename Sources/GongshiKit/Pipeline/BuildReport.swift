import Foundation

/// `--report FILE`: what a build did, as JSON for monitoring scripts.
public struct BuildReport: Encodable, Sendable {
    public enum Status: String, Encodable, Sendable {
        case ok, contentErrors = "content-errors", usage, locked, ioFailure = "io-failure"
    }

    public struct Item: Encodable, Sendable {
        let path: String
        let line: Int?
        let id: String?
        let message: String

        /// Every field masked like the messages on standard error: the report is a file that gets copied around.
        init(path: String, line: Int?, id: String?, message: String) {
            self.path = PrivacyLint.maskedText(path)
            self.line = line
            self.id = id.map(PrivacyLint.maskedText)
            self.message = PrivacyLint.maskedText(message)
        }
    }

    public struct Pages: Encodable, Sendable {
        let written: Int
        let reused: Int
        let removed: Int
    }

    let version = GongshiVersion.current
    let status: Status
    let exitCode: Int32
    let asOf: String
    let durationSeconds: Double
    /// Seconds per stage: check (read, parse, render Markdown, validate, assemble the model), statistics, plan
    /// (page contexts, feeds, search index, open data), write (render templated pages, write, verify links, swap in).
    let phaseSeconds: [String: Double]
    let counts: [String: Int]
    /// Content files parsed and taken from the parse cache (`rehashed`: of those reused, how many were read and
    /// hashed first).
    let sources: ParseStatistics?
    /// Why a parse cache was ignored, and other notes that are not about the content.
    let notes: [String]
    let pages: Pages
    let archivedRelease: String?
    let unpublished: [Item]
    let warnings: [Item]
    let errors: [Item]
    let failure: String?

    public init(status: Status, exitCode: Int32, asOf: Day, duration: TimeInterval, outcome: BuildOutcome?, failure: String? = nil) {
        self.status = status
        self.exitCode = exitCode
        self.asOf = asOf.description
        self.durationSeconds = (duration * 1000).rounded() / 1000
        self.counts = outcome?.counts ?? [:]
        self.sources = outcome?.sources
        self.notes = outcome?.notes ?? []
        self.phaseSeconds = (outcome?.phaseSeconds ?? [:]).mapValues { ($0 * 1000).rounded() / 1000 }
        let publish = outcome?.publish
        self.pages = Pages(written: publish?.written ?? 0, reused: publish?.reused ?? 0, removed: publish?.removed ?? 0)
        self.archivedRelease = publish?.archivedRelease
        self.unpublished = (outcome?.withheld ?? []).map { Item(path: $0.path, line: nil, id: $0.id, message: $0.reason) }
        let diagnostics = outcome?.diagnostics ?? []
        self.warnings = diagnostics.filter { $0.severity == .warning }.map { Item(path: $0.path, line: $0.line, id: nil, message: $0.message) }
        self.errors = diagnostics.filter { $0.severity == .error }.map { Item(path: $0.path, line: $0.line, id: nil, message: $0.message) }
        self.failure = failure
    }

    /// Pretty, key-sorted JSON.
    public var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}
