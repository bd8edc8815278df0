import Foundation
import Testing

@testable import GongshiKit

/// Every `--output` that cannot be used gets a Chinese message naming the path and the reason, never a raw
/// `NSCocoaErrorDomain` string.
@Suite("Output locations that cannot be used")
struct OutputLocationTests {
    static func expectChinese(_ text: String, naming path: String, _ note: String) {
        #expect(!text.contains("NSCocoaErrorDomain") && !text.contains("Code="), "\(note): \(text)")
        #expect(text.contains(path), "\(note): \(text)")
        #expect(text.contains("无法使用") || text.contains("失败"), "\(note): \(text)")
    }

    @Test func anOutputUnderADanglingSymlinkIsExplained() throws {
        let site = try CommandLineTests.site()
        let link = site.root.appendingPathComponent("dangle")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/nonexistent-\(UUID().uuidString)/zz")
        for output in ["dangle/out", "dangle"] {
            let path = site.root.appendingPathComponent(output).path
            for arguments in [
                ["build", "--source", site.root.path, "--output", path, "--templates", TestSite.templates.path, "--as-of", "2026-11-21"],
                ["rollback", "--output", path],
            ] {
                let run = try CommandLineMistakeTests.run(arguments)
                #expect(run.status == 2, "\(arguments[0]) \(output): \(run.stderr)")
                Self.expectChinese(run.stderr, naming: link.path, "\(arguments[0]) \(output)")
                #expect(run.stderr.contains("符号链接"), "\(run.stderr)")
            }
            var options = site.options
            options.outputDirectory = URL(fileURLWithPath: path)
            #expect(throws: OutputError.self) { try SiteBuilder.build(options) }
        }
    }

    /// System folders where nothing can be created: an output error (exit 4) in Chinese.
    @Test(arguments: ["/proc/gongshi-out", "/sys/gongshi-out", "/proc/self/gongshi/out"])
    func anOutputInASystemFolderIsExplained(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: "/proc/self") else { return }
        let site = try CommandLineTests.site()
        let run = try CommandLineMistakeTests.run([
            "build", "--source", site.root.path, "--output", path, "--templates", TestSite.templates.path, "--as-of", "2026-11-21",
        ])
        #expect(run.status == 4, "\(run.stderr)")
        Self.expectChinese(run.stderr, naming: path, path)
        #expect(run.stderr.contains("无法创建目录"), "\(run.stderr)")
    }

    @Test func theFileMessageSeparatesThePathFromTheText() throws {
        let site = try CommandLineTests.site()
        try site.write("afile", "x\n")
        let problem = try #require(OutputLocation.problem(site.root.appendingPathComponent("afile/out")))
        #expect(problem.contains(site.root.appendingPathComponent("afile").path + " 是一个文件"), "\(problem)")
    }

    /// Foundation's errors as they reach the publisher (read-only folder, no permission, a name taken…).
    @Test(arguments: [
        (NSFileWriteNoPermissionError, "没有写入权限"), (NSFileWriteVolumeReadOnlyError, "只读"), (NSFileWriteFileExistsError, "已存在"),
        (NSFileNoSuchFileError, "不存在"), (NSFileWriteOutOfSpaceError, "磁盘空间已满"),
    ])
    func foundationErrorsAreTranslated(_ code: Int, _ expected: String) {
        let error = NSError(domain: NSCocoaErrorDomain, code: code, userInfo: [NSFilePathErrorKey: "/srv/www/out"])
        let reason = OutputLocation.reason(of: error)
        #expect(reason.contains(expected) && reason.contains("/srv/www/out"), "\(reason)")
        let posix = NSError(
            domain: NSCocoaErrorDomain, code: 512, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EROFS))])
        #expect(OutputLocation.reason(of: posix).contains("只读"))
        #expect(OutputLocation.reason(of: POSIXFailure(operation: "mkdir /x", code: EACCES)).contains("没有写入权限"))
    }

    /// A read-only parent folder (only meaningful when the tests do not run as root, who may write anyway).
    @Test func aReadOnlyParentIsExplained() throws {
        let site = try CommandLineTests.site()
        let parent = site.root.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: parent.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: parent.path) }
        guard access(parent.path, W_OK) != 0 else { return }
        var options = site.options
        options.outputDirectory = parent.appendingPathComponent("out")
        do {
            _ = try SiteBuilder.build(options)
            Issue.record("built into a read-only folder")
        } catch let error as OutputError {
            Self.expectChinese(error.message, naming: parent.path, "read-only")
            #expect(error.message.contains("没有写入权限"), "\(error.message)")
        }
    }
}
