import Foundation

/// Runs git through `Process` (never a shell), with `--` before paths.
enum GitRunner {
    static func isWorkTree(_ directory: URL) -> Bool {
        (try? run(["rev-parse", "--is-inside-work-tree"], in: directory)) == "true"
    }

    /// Stages and commits exactly `paths` (additions, changes and deletions) as `author <email>`.
    static func commit(paths: [String], in directory: URL, message: String, author: String, email: String) throws {
        try run(["add", "-A", "--"] + paths, in: directory)
        let environment = [
            "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": email,
        ]
        try run(["commit", "--quiet", "--no-verify", "-m", message, "--"] + paths, in: directory, environment: environment)
    }

    @discardableResult
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw WorkflowError("git \(arguments.first ?? "") 失败：\(String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
