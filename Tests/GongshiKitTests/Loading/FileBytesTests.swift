import Foundation
import Testing

@testable import GongshiKit

@Suite("Reading content files")
struct FileBytesTests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func readsTheWholeFileUpToTheLimit() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = Data((0..<10_000).map { UInt8($0 % 253) })
        let path = folder.appendingPathComponent("a.md").path
        #expect(FileManager.default.createFile(atPath: path, contents: bytes))
        #expect(FileBytes.read(path, limit: 10_000) == .bytes(bytes), "a file of exactly the limit is read")
        #expect(FileBytes.read(path, limit: 9_999) == .tooLarge(10_000), "one byte over is refused with its size")
        let empty = folder.appendingPathComponent("empty.md").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(FileBytes.read(empty, limit: 10) == .bytes(Data()))
    }

    @Test func foldersAndMissingFilesAreUnreadable() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inner = folder.appendingPathComponent("x.md")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        #expect(FileBytes.read(inner.path, limit: 100) == .notRegular(.directory))
        #expect(FileBytes.read(folder.appendingPathComponent("missing.md").path, limit: 100) == .missing)
    }

    @Test func symlinksAndFIFOsAreRefusedWithoutBeingOpened() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.md")
        #expect(FileManager.default.createFile(atPath: target.path, contents: Data("x".utf8)))
        let link = folder.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "target.md")
        #expect(FileBytes.read(link.path, limit: 100) == .symlink)
        #expect(FileBytes.read("link.md", under: folder.path, limit: 100) == .symlink)
        #expect(FileBytes.kind(atPath: link.path) == .symlink)
        let fifo = folder.appendingPathComponent("x.md")
        try makeFIFO(fifo)
        let outcomes = try withDeadline(unblocking: [fifo]) {
            [FileBytes.read(fifo.path, limit: 100), FileBytes.read("x.md", under: folder.path, limit: 100)]
        }
        #expect(outcomes == [.notRegular(.fifo), .notRegular(.fifo)])
    }

    @Test func aSocketNamedLikeContentIsRefused() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.md").path
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        #expect(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        #expect(FileBytes.read(path, limit: 100) == .notRegular(.socket))
        #expect(FileBytes.read("s.md", under: folder.path, limit: 100) == .notRegular(.socket))
    }
}
