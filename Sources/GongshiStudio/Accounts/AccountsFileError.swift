/// What is wrong with `accounts.yaml`: every problem found, each at its line.
public struct AccountsFileError: Error, Sendable, CustomStringConvertible {
    public struct Problem: Sendable, Equatable {
        public let line: Int
        public let message: String
    }

    public let file: String
    public let problems: [Problem]

    public init(file: String, problems: [Problem]) {
        self.file = file
        self.problems = problems
    }

    /// One problem a line: `accounts.yaml:12: 未知角色「编辑」…`.
    public var description: String {
        problems.map { "\(file):\($0.line): \($0.message)" }.joined(separator: "\n")
    }
}
