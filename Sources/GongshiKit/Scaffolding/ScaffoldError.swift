/// Why `init` or `new` wrote nothing; the reason decides the exit code.
public struct ScaffoldError: Error, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// A bad argument: an invalid id, an unknown branch, a folder that is not a site.
        case usage
        /// Writing would overwrite or clash with something that exists.
        case conflict
        /// The file system refused.
        case io
    }

    public let reason: Reason
    /// 中文说明, printed as is.
    public let message: String

    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }
}
