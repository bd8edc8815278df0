/// One problem found in the source: printed as `path:line: error|warning: message`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public let path: String
    public let line: Int
    public let severity: Severity
    public let message: String

    public init(_ severity: Severity, _ path: String, line: Int, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.message = message
    }

    public static func error(_ source: SourceRef, _ key: String, _ message: String) -> Diagnostic {
        Diagnostic(.error, source.path, line: source.line(key), message)
    }

    public static func warning(_ source: SourceRef, _ key: String, _ message: String) -> Diagnostic {
        Diagnostic(.warning, source.path, line: source.line(key), message)
    }

    public var description: String { "\(path):\(line): \(severity.rawValue): \(message)" }
}

extension [Diagnostic] {
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Ordered by file, then line, so reports are stable.
    public var sorted: [Diagnostic] {
        sorted { ($0.path, $0.line, $0.message) < ($1.path, $1.line, $1.message) }
    }

    /// 检查完成：N 个错误，M 个警告
    public var summary: String { "检查完成：\(errorCount) 个错误，\(warningCount) 个警告" }
}
