import ArgumentParser
import Foundation
import GongshiKit

/// Exit codes, stable for scripts: see README「命令行」.
enum ExitStatus {
    static let contentErrors: Int32 = 1
    static let usage: Int32 = 2
    static let locked: Int32 = 3
    static let ioFailure: Int32 = 4
}

struct Gongshi: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongshi",
        abstract: "公示：把 Markdown 内容生成为基层党组织党务公开静态网站。",
        version: GongshiVersion.current,
        // One file per command: BuildCommand.swift, CheckCommand.swift, …
        subcommands: commands)

    /// The studio is left out of a build with `GONGSHI_WITHOUT_STUDIO=1` (Package.swift).
    #if GONGSHI_STUDIO
        static let commands: [any ParsableCommand.Type] = [
            Build.self, Check.self, Rollback.self, Serve.self, StudioCommand.self, New.self, Init.self,
        ]
    #else
        static let commands: [any ParsableCommand.Type] = [Build.self, Check.self, Rollback.self, Serve.self, New.self, Init.self]
    #endif
}
