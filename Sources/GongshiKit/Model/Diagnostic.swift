/// One problem found in the source: printed as `path:line: error|warning: message`.
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case error, warning }

    /// What sort of problem this is, so a report can count warnings by kind without reading their text.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// 未发布: a disclosure that stays off the site.
        case unpublished
        /// 手机号打码
        case mobileMasked
        /// 邮箱打码
        case emailMasked
        /// 未知字段
        case unknownField
        /// A file or folder under `content/` that is not read.
        case ignoredFile
        /// A Word-style bullet or numbering pasted into a body.
        case wordBullet
        /// Dates that are allowed but look wrong.
        case dateOrder
        /// A placeholder written by `init` or `new` still in place (an error, but the record still loads).
        case placeholder
        /// ` #` in an unquoted YAML value, which drops the rest of the value as a comment.
        case yamlComment
        /// 组织文件未能读入: the consequence of another error in the same file, listed after it.
        case unloadedBranch
        /// 久未更新: a promise item in progress without a 践诺 entry for `stale_days`.
        case stale
        /// 结果待公开: a notice period long over without an `outcome`.
        case outcomePending
        /// 报到党员: a 功能型党支部 counting as its own members those who only report to it.
        case registeredMembers
        case other

        /// The Chinese name in the count line: `警告：未发布 354 条，…`.
        public var label: String {
            switch self {
            case .unpublished: return "未发布"
            case .mobileMasked: return "手机号打码"
            case .emailMasked: return "邮箱打码"
            case .unknownField: return "未知字段"
            case .ignoredFile: return "未读取的文件"
            case .wordBullet: return "Word 项目符号"
            case .dateOrder: return "日期待核对"
            case .placeholder: return "占位文字"
            case .yamlComment: return "值中的 # 被当作注释"
            case .unloadedBranch: return "组织未能读入"
            case .stale: return "久未更新"
            case .outcomePending: return "结果待公开"
            case .registeredMembers: return "报到党员"
            case .other: return "其他"
            }
        }
    }

    public let path: String
    public let line: Int
    public let severity: Severity
    public let message: String
    public let kind: Kind

    public init(_ severity: Severity, _ path: String, line: Int, _ message: String, kind: Kind = .other) {
        self.severity = severity
        self.path = path
        self.line = line
        self.message = message
        self.kind = kind
    }

    public static func error(_ source: SourceRef, _ key: String, _ message: String) -> Diagnostic {
        Diagnostic(.error, source.path, line: source.line(key), message)
    }

    public static func warning(_ source: SourceRef, _ key: String, _ message: String, kind: Kind = .other) -> Diagnostic {
        Diagnostic(.warning, source.path, line: source.line(key), message, kind: kind)
    }

    /// 1 for a diagnostic that only follows from another one on the same line, else 0.
    var consequenceRank: Int { kind == .unloadedBranch ? 1 : 0 }

    public var description: String { "\(path):\(line): \(severity.rawValue): \(message)" }
}

extension [Diagnostic] {
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Ordered by file, then line, so reports are stable; on one line a cause comes before its consequence (the
    /// missing front matter before "组织…的文件有错误，未能读入").
    public var sorted: [Diagnostic] {
        sorted { ($0.path, $0.line, $0.consequenceRank, $0.message) < ($1.path, $1.line, $1.consequenceRank, $1.message) }
    }

    /// 检查完成：N 个错误，M 个警告
    public var summary: String { "检查完成：\(errorCount) 个错误，\(warningCount) 个警告" }
}
