import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A raw HTTP/1.1 client for 127.0.0.1 only: it sends the request target exactly as given (so `..` and
/// `%2e%2e` reach the server unnormalised), ignores proxy settings, and times out after 5 seconds.
/// The blocking socket calls run on their own thread, never on the concurrency pool the server uses.
enum LoopbackHTTP {
    struct Response: Sendable {
        let status: Int
        /// Header names lowercased.
        let headers: [String: String]
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func get(_ target: String, port: UInt16) async throws -> Response {
        try await request("GET", target, port: port)
    }

    static func request(_ method: String, _ target: String, port: UInt16, host: String = "127.0.0.1") async throws -> Response {
        let text = "\(method) \(target) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n\r\n"
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try exchange(Data(text.utf8), port: port, isHead: method == "HEAD") })
            }
            thread.start()
        }
    }

    private static func exchange(_ request: Data, port: UInt16, isHead: Bool) throws -> Response {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        // Generous: tests run in parallel on a busy 2-core machine; a healthy server answers in milliseconds.
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "cannot connect to 127.0.0.1:\(port)") }
        let sent = request.withUnsafeBytes { send(fd, $0.baseAddress, request.count, 0) }
        guard sent == request.count else { throw Failure(description: "send failed") }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
            if let response = parse(received, isHead: isHead) { return response }
        }
        guard let response = parse(received, isHead: isHead) else { throw Failure(description: "incomplete response: \(received.count) bytes") }
        return response
    }

    /// The response once the head and `Content-Length` bytes of body have arrived; nil before.
    private static func parse(_ data: Data, isHead: Bool) -> Response? {
        guard let split = data.firstRange(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = data[split.upperBound...]
        let expected = isHead ? 0 : Int(headers["content-length"] ?? "0") ?? 0
        guard body.count >= expected else { return nil }
        return Response(status: status, headers: headers, body: Data(body.prefix(expected)))
    }
}
