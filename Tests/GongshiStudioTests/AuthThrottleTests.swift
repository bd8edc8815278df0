import Foundation
import GongshiStudio
import Hummingbird
import Testing

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
