import Foundation
import GongshiStudio
import HummingbirdBcrypt
import Testing

/// `gongshi studio passwd LOGIN` as an administrator runs it: the real binary, the password typed twice on
/// standard input; only that account's hash changes, and it is bcrypt.
@Suite struct PasswdCommandTests {
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gongshi")
    }

    func run(_ source: URL, login: String, input: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["studio", "passwd", login, "--source", source.path]
        let stdin = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardError = stderr
        process.standardOutput = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test func setsOneAccountsPasswordFromTwoTypedLines() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "run `swift build --build-tests` first")
        let source = FileManager.default.temporaryDirectory.appendingPathComponent("passwd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: source) }
        let file = source.appendingPathComponent("accounts.yaml")
        try FileManager.default.copyItem(at: sampleSite.appendingPathComponent("accounts.yaml"), to: file)
        let before = try String(contentsOf: file, encoding: .utf8)

        let mismatch = try run(source, login: "jinqiao-shuji", input: "hongqi-2026-dangjian\nsomething-else-typed\n")
        #expect(mismatch.status == 2)
        #expect(mismatch.output.contains("两次输入的密码不一样"))
        #expect(try String(contentsOf: file, encoding: .utf8) == before)

        let set = try run(source, login: "jinqiao-shuji", input: "hongqi-2026-dangjian\nhongqi-2026-dangjian\n")
        #expect(set.status == 0, "\(set.output)")
        let after = try String(contentsOf: file, encoding: .utf8)
        let changed = zip(before.split(separator: "\n"), after.split(separator: "\n")).filter { $0 != $1 }
        #expect(changed.count == 1)
        let line = try #require(changed.first?.1)
        let hash = line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["\"", "'"]) } ?? ""
        #expect(hash.hasPrefix("$2"))
        #expect(Bcrypt.verify("hongqi-2026-dangjian", hash: hash))
        #expect(!after.contains("hongqi-2026-dangjian"), "the password itself is never written")
    }
}
