import Foundation
import GongshiStudio
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded

/// A browser in the test process: sends requests straight to the studio's responder (no socket), keeps the cookies
/// the studio sets between calls, and remembers the CSRF token of the last page so `post` can send it.
///
/// ```swift
/// let client = try StudioClient(studio: studio)
/// try await client.logIn("jinqiao-shuji", password: TestStudio.password)
/// let page = try await client.get("/")
/// let saved = try await client.post("/edit/x", form: ["title": "标题"])   // adds csrf
/// ```
final class StudioClient {
    /// One answer: status, headers and the body as text.
    struct Reply {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String

        /// The `Set-Cookie` header values, as sent.
        var setCookies: [String] { headers[values: .setCookie] }
        var location: String? { headers[.location] }
    }

    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    let responder: any HTTPResponder<StudioContext>
    /// The client's address as the studio sees it (the login throttle counts per address).
    var remoteAddress: String
    /// name → value, like a browser's cookie jar for this one site.
    private(set) var cookies: [String: String] = [:]
    /// The `csrf` hidden field of the last page that had one.
    private(set) var csrfToken: String?

    init(studio: Studio, remoteAddress: String = "127.0.0.1") throws {
        responder = studio.makeRouter().buildResponder()
        self.remoteAddress = remoteAddress
    }

    func get(_ path: String, headers: HTTPFields = [:]) async throws -> Reply {
        try await send(.get, path, headers: headers)
    }

    /// A urlencoded form POST; `csrf` is added from the last page unless `csrf:` says otherwise (nil: none sent).
    func post(_ path: String, form: KeyValuePairs<String, String> = [:], csrf: String?? = .none, headers: HTTPFields = [:]) async throws -> Reply {
        var fields = form.map { ($0.key, $0.value) }
        if let token = csrf ?? csrfToken { fields.append(("csrf", token)) }
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await send(.post, path, headers: headers, body: Self.encode(fields))
    }

    /// A urlencoded form POST of `fields` as given (a scraped form carries its own `csrf`).
    func post(_ path: String, fields: [(String, String)]) async throws -> Reply {
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await send(.post, path, headers: headers, body: Self.encode(fields))
    }

    /// Opens the login page (which gives the session and its token) and signs in.
    @discardableResult
    func logIn(_ login: String, password: String) async throws -> Reply {
        _ = try await get("/login")
        return try await post("/login", form: ["login": login, "password": password])
    }

    /// Any request. The body is sent as is (set `Content-Type` in `headers`).
    func send(_ method: HTTPRequest.Method, _ path: String, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> Reply {
        var headers = headers
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        if let body { headers[.contentLength] = String(body.readableBytes) }
        let request = Request(
            head: HTTPRequest(method: method, scheme: "http", authority: "127.0.0.1", path: path, headerFields: headers),
            body: RequestBody(buffer: body ?? ByteBuffer()))
        let channel = NIOAsyncTestingChannel()
        channel.remoteAddress = try SocketAddress(ipAddress: remoteAddress, port: 50_000)
        let context = StudioContext(source: .init(channel: channel, logger: Self.logger))
        let response: Response
        do {
            response = try await responder.respond(to: request, context: context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        let writer = CollectingWriter()
        try await response.body.write(writer)
        let reply = Reply(status: response.status, headers: response.headers, body: String(buffer: await writer.collected.buffer))
        // Closing the channel breaks its cycle with its pipeline (LeakSanitizer reports every unclosed one).
        _ = try await channel.finish(acceptAlreadyClosed: true)
        remember(reply)
        return reply
    }

    private func remember(_ reply: Reply) {
        for header in reply.setCookies {
            let attributes = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let pair = attributes.first, let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals])
            let value = String(pair[pair.index(after: equals)...])
            let expired = attributes.dropFirst().contains { attribute in
                attribute.lowercased() == "max-age=0"
                    || (attribute.lowercased().hasPrefix("expires=")
                        && (Self.cookieDate.date(from: String(attribute.dropFirst(8))).map { $0 <= Date() } ?? false))
            }
            cookies[name] = expired ? nil : value
        }
        if let token = Self.csrfField(in: reply.body) { csrfToken = token }
    }

    /// The value of `<input type="hidden" name="csrf" value="…">` (as `StudioPage.csrfField` writes it).
    static func csrfField(in html: String) -> String? {
        guard let start = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        let rest = html[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    static func encode(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        let text = fields.map { key, value in
            let key = key.addingPercentEncoding(withAllowedCharacters: allowed) ?? key
            let value = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
            return "\(key)=\(value)"
        }.joined(separator: "&")
        return ByteBuffer(string: text)
    }

    private static let logger = Logger(label: "studio-test")

    private static let cookieDate: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter
    }()
}

/// Collects a response body.
private actor BodyCollector {
    var buffer = ByteBuffer()
    func append(_ part: ByteBuffer) { buffer.writeImmutableBuffer(part) }
}

private struct CollectingWriter: ResponseBodyWriter {
    let collected = BodyCollector()

    mutating func write(_ buffer: ByteBuffer) async throws {
        await collected.append(buffer)
    }

    mutating func write(contentsOf buffers: some Sequence<ByteBuffer>) async throws {
        for buffer in buffers { await collected.append(buffer) }
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
