import ArgumentParser
import Foundation

/// Opens the existential so Swift calls `run() async`, not the synchronous requirement.
func runAsync<Command: AsyncParsableCommand>(_ command: inout Command) async throws {
    try await command.run()
}

// Usage errors exit with 2 (argument-parser's default is 64).
do {
    var command = try Gongshi.parseAsRoot()
    if var asyncCommand = command as? AsyncParsableCommand {
        try await runAsync(&asyncCommand)
    } else {
        try command.run()
    }
} catch {
    let code = Gongshi.exitCode(for: error)
    if code == .validationFailure {
        FileHandle.standardError.write(Data((Gongshi.fullMessage(for: error) + "\n").utf8))
        exit(ExitStatus.usage)
    }
    Gongshi.exit(withError: error)
}
