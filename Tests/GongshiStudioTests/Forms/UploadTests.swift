import Foundation
import GongshiKit
import HTTPTypes
import Hummingbird
import NIOCore
import Testing

@testable import GongshiStudio

/// Uploads: the file is streamed to the record's 照片/ or 附件/ folder, checked as a build checks it, and the record
/// gets its row; a file that is not what it says, a file too large, another branch or a stale version leave
/// nothing behind.
@Suite(.serialized) struct UploadTests {
    let source: URL
    let studio: Studio
    let example = "content/examples/jinqiao-jin-baijiamen.md"

    init() throws {
        source = try SampleCopy.make()
        studio = try TestStudio.onSample(source)
    }

    func version(_ path: String) throws -> String {
        ContentStore.version(of: [UInt8](try Data(contentsOf: source.appendingPathComponent(path))))
    }

    func upload(_ client: StudioClient, _ path: String, list: String, name: String, label: String, bytes: [UInt8], version: String? = nil)
        async throws -> StudioClient.Reply
    {
        var query = URLComponents()
        query.queryItems = [
            URLQueryItem(name: "list", value: list), URLQueryItem(name: "name", value: name), URLQueryItem(name: "label", value: label),
            URLQueryItem(name: "version", value: try version ?? self.version(path)),
        ]
        var headers = HTTPFields()
        headers[StudioClient.csrfHeader] = client.csrfToken ?? ""
        headers[.contentType] = "application/octet-stream"
        return try await client.send(.post, "/upload/\(path)?\(query.percentEncodedQuery ?? "")", headers: headers, body: ByteBuffer(bytes: bytes))
    }

    func photos() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: source.appendingPathComponent("content/examples/照片").path).sorted()
    }

    @Test func aPhotoIsStoredAndItsRowAddedInOneChange() async throws {
        defer { try? FileManager.default.removeItem(at: source) }
        let client = try StudioClient(studio: studio)
        try await client.logIn("jinqiao-shuji", password: TestStudio.password)
        _ = try await client.get("/upload/\(example)?list=images")
        let jpeg = try #require(try photos().first { $0.hasSuffix(".jpg") })
        let bytes = [UInt8](try Data(contentsOf: source.appendingPathComponent("content/examples/照片/\(jpeg)")))
        let before = try photos()
        let reply = try await upload(client, example, list: "images", name: "IMG_2041.JPG", label: "党员志愿者入户走访", bytes: bytes)
        #expect(reply.status == .seeOther, "\(reply.body)")
        #expect(try photos() == (before + ["jinqiao-jin-baijiamen-1.jpg"]).sorted())
        let text = try String(contentsOf: source.appendingPathComponent(example), encoding: .utf8)
        #expect(text.contains("file: 照片/jinqiao-jin-baijiamen-1.jpg"))
        #expect(text.contains("caption: 党员志愿者入户走访"))
        #expect(studio.history.events(for: example).first?.action == AuditEvent.uploaded)
    }

    @Test func aFileThatIsNotWhatItSaysLeavesNothingBehind() async throws {
        defer { try? FileManager.default.removeItem(at: source) }
        let client = try StudioClient(studio: studio)
        try await client.logIn("jinqiao-shuji", password: TestStudio.password)
        _ = try await client.get("/upload/\(example)?list=images")
        let before = try photos()
        let record = try version(example)
        let reply = try await upload(client, example, list: "images", name: "photo.jpg", label: "说明", bytes: Array("---\nid: x\n---\n".utf8))
        #expect(reply.status == .unprocessableContent)
        #expect(reply.body.hasPrefix("没有上传"))
        #expect(try photos() == before)
        #expect(try version(example) == record)
        let wrongType = try await upload(client, example, list: "attachments", name: "tool.exe", label: "说明", bytes: [1, 2, 3])
        #expect(wrongType.status == .unprocessableContent)
        let huge = try await upload(
            client, example, list: "images", name: "big.jpg", label: "说明", bytes: [UInt8](repeating: 0xFF, count: PhotoSettings.maximumBytes + 1))
        #expect(huge.status == .contentTooLarge)
        #expect(try photos() == before)
        #expect(try version(example) == record)
    }

    @Test func anotherBranchAndAStaleVersionAreRefused() async throws {
        defer { try? FileManager.default.removeItem(at: source) }
        let other = try StudioClient(studio: studio)
        try await other.logIn("shuikou-shuji", password: TestStudio.password)
        _ = try await other.get("/")
        let before = try photos()
        #expect(try await upload(other, example, list: "images", name: "a.jpg", label: "说明", bytes: [0xFF, 0xD8, 0xFF]).status == .forbidden)
        let client = try StudioClient(studio: studio)
        try await client.logIn("jinqiao-shuji", password: TestStudio.password)
        _ = try await client.get("/")
        let stale = try await upload(client, example, list: "images", name: "a.jpg", label: "说明", bytes: [0xFF, 0xD8, 0xFF], version: "0")
        #expect(stale.status == .conflict)
        #expect(try photos() == before)
    }

    @Test func theBodyIsCountedAsItArrivesAndCutOffPastTheLimit() async throws {
        defer { try? FileManager.default.removeItem(at: source) }
        let folder = source.appendingPathComponent("content/examples/上传测试")
        await #expect(throws: UploadRoutes.UploadProblem.self) {
            _ = try await UploadRoutes.receive(
                RequestBody(buffer: ByteBuffer(bytes: [UInt8](repeating: 1, count: 2048))), into: folder, id: "x", ext: "pdf", limit: 1024)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
        let kept = try await UploadRoutes.receive(RequestBody(buffer: ByteBuffer(bytes: [1, 2, 3])), into: folder, id: "x", ext: "pdf", limit: 1024)
        #expect(kept.lastPathComponent == "x-1.pdf")
        let second = try await UploadRoutes.receive(RequestBody(buffer: ByteBuffer(bytes: [4])), into: folder, id: "x", ext: "pdf", limit: 1024)
        #expect(second.lastPathComponent == "x-2.pdf", "an existing file is never replaced")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["x-1.pdf", "x-2.pdf"])
    }
}
