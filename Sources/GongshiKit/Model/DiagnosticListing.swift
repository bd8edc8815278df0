/// The order every report uses (`build`, `check`, the preview's error page): errors first, then one line counting the
/// warnings by kind, then the warnings, so the one error of a large site is never buried under hundreds of warnings.
public struct DiagnosticListing: Sendable {
    /// Errors by file and line.
    public let errors: [Diagnostic]
    /// Warnings by file and line.
    public let warnings: [Diagnostic]
    /// `检查完成：N 个错误，M 个警告`
    public let summary: String

    public init(_ diagnostics: [Diagnostic]) {
        let sorted = diagnostics.sorted
        errors = sorted.filter { $0.severity == .error }
        warnings = sorted.filter { $0.severity == .warning }
        summary = diagnostics.summary
    }

    /// Each kind of warning with its count, the most frequent first (ties in `Diagnostic.Kind` order).
    public var warningCounts: [(kind: Diagnostic.Kind, count: Int)] {
        var counts: [Diagnostic.Kind: Int] = [:]
        for warning in warnings { counts[warning.kind, default: 0] += 1 }
        let order = Dictionary(uniqueKeysWithValues: Diagnostic.Kind.allCases.enumerated().map { ($1, $0) })
        return counts.map { (kind: $0.key, count: $0.value) }
            .sorted { ($1.count, order[$0.kind] ?? 0) < ($0.count, order[$1.kind] ?? 0) }
    }

    /// `警告：未发布 354 条，手机号打码 3 条，未知字段 1 条`; nil without warnings.
    public var warningCountLine: String? {
        guard !warnings.isEmpty else { return nil }
        return "警告：" + warningCounts.map { "\($0.kind.label) \($0.count) 条" }.joined(separator: "，")
    }

    /// Every line as printed: errors, the count line, warnings, the summary.
    public var lines: [String] {
        errors.map(\.description) + (warningCountLine.map { [$0] } ?? []) + warnings.map(\.description) + [summary]
    }
}
