import Foundation
import GongshiStudio
import HTTPTypes
import Hummingbird
import Testing

/// The header nginx sets (README 编辑平台 → nginx).
enum LoginRoutesHeader {
    static let realIP = HTTPField.Name("X-Real-IP")!
}

@Suite struct AuthThrottleTests {
    @Test func fiveFailuresForOneLoginBlockItFromEveryAddress() async throws {
        let studio = TestStudio.make()
        let client = try StudioClient(studio: studio, remoteAddress: "10.0.0.1")
        for _ in 0..<5 {
            #expect(try await client.logIn("jinqiao-shuji", password: "wrong-password").status == .unauthorized)
        }
        client.remoteAddress = "10.0.0.2"
        let blocked = try await client.logIn("jinqiao-shuji", password: TestStudio.password)
        #expect(blocked.status == .tooManyRequests)
        #expect(blocked.body.contains("登录失败次数过多，请 15 分钟后再试。"))
        // Another login from the other address is not affected.
        #expect(try await client.logIn("jinqiao-shenhe", password: TestStudio.password).status == .seeOther)
    }

    @Test func fiveFailuresFromOneAddressBlockEveryLogin() async throws {
        let client = try StudioClient(studio: TestStudio.make(), remoteAddress: "10.0.0.9")
        for login in ["a", "b", "c", "d", "e"] {
            #expect(try await client.logIn(login, password: "wrong-password").status == .unauthorized)
        }
        #expect(try await client.logIn("jinqiao-shuji", password: TestStudio.password).status == .tooManyRequests)
    }

    /// Behind the local nginx every peer is 127.0.0.1: with `--behind-proxy` the client named in `X-Real-IP` is
    /// counted, so one person's mistakes do not lock out the county; without it the header is ignored.
    @Test func behindTheProxyEachClientIsCountedByTheAddressTheProxyNames() async throws {
        func fail(_ client: StudioClient, from address: String, times: Int) async throws {
            for index in 0..<times {
                _ = try await client.get("/login")
                let reply = try await client.post(
                    "/login", form: ["login": "nobody-\(index)", "password": "wrong-password"], headers: [LoginRoutesHeader.realIP: address])
                #expect(reply.status == .unauthorized)
            }
        }
        func logIn(_ client: StudioClient, from address: String) async throws -> HTTPResponse.Status {
            _ = try await client.get("/login")
            return try await client.post(
                "/login", form: ["login": "jinqiao-shuji", "password": TestStudio.password], headers: [LoginRoutesHeader.realIP: address]
            ).status
        }
        let proxied = TestStudio.make(behindProxy: true)
        let client = try StudioClient(studio: proxied, remoteAddress: "127.0.0.1")
        try await fail(client, from: "10.1.1.1", times: 5)
        #expect(try await logIn(client, from: "10.1.1.1") == .tooManyRequests)
        #expect(try await logIn(client, from: "10.1.1.2") == .seeOther, "another secretary behind the same proxy")

        // Without --behind-proxy the header is the client's own word: all five count against the peer.
        let direct = TestStudio.make()
        let other = try StudioClient(studio: direct, remoteAddress: "127.0.0.1")
        try await fail(other, from: "10.2.2.\(1)", times: 5)
        #expect(try await logIn(other, from: "10.2.2.99") == .tooManyRequests)
        // And a peer that is not loopback cannot name another address even with the flag.
        let remote = try StudioClient(studio: TestStudio.make(behindProxy: true), remoteAddress: "10.3.3.3")
        try await fail(remote, from: "10.4.4.1", times: 5)
        #expect(try await logIn(remote, from: "10.4.4.2") == .tooManyRequests)
    }

    @Test func theBlockEndsAfterTheWindow() async {
        let clock = TestClock()
        let throttle = LoginThrottle(now: { clock.now })
        for _ in 0..<5 { await throttle.recordFailure(login: "x", address: "1.2.3.4") }
        #expect(await throttle.blockedUntil(login: "x", address: "9.9.9.9") != nil)
        clock.now += 15 * 60 + 1
        #expect(await throttle.blockedUntil(login: "x", address: "1.2.3.4") == nil)
    }
}

private final class TestClock: @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 1_800_000_000)
}
