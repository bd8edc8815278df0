import Foundation
import GongshiStudio
import HTTPTypes
import Hummingbird
import Testing

@Suite struct SessionTests {
    @Test func loginWithTheRightPasswordOpensASession() async throws {
        let client = try StudioClient(studio: TestStudio.make())
        let reply = try await client.logIn("jinqiao-shuji", password: TestStudio.password)
        #expect(reply.status == .seeOther)
        #expect(reply.location == "/")
        let home = try await client.get("/")
        #expect(home.status == .ok)
        #expect(home.body.contains("李红梅"))
        #expect(home.body.contains("金桥社区党委 起草"))
    }

    @Test func wrongPasswordAndUnknownLoginAreRefusedAlike() async throws {
        let client = try StudioClient(studio: TestStudio.make())
        let wrong = try await client.logIn("jinqiao-shuji", password: "not-the-password")
        #expect(wrong.status == .unauthorized)
        #expect(wrong.body.contains("登录名或密码不对。"))
        let unknown = try await client.logIn("nobody", password: TestStudio.password)
        #expect(unknown.status == .unauthorized)
        #expect(unknown.body.contains("登录名或密码不对。"))
        #expect(try await client.get("/").status == .found)
    }

    @Test func sessionCookieIsHttpOnlyStrictAndSecureWhenAsked() async throws {
        let plain = try StudioClient(studio: TestStudio.make())
        let login = try await plain.logIn("jinqiao-shuji", password: TestStudio.password)
        let cookie = try #require(login.setCookies.first { $0.hasPrefix("gongshi_studio=") })
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Strict"))
        #expect(cookie.contains("Path=/"))
        #expect(!cookie.contains("Secure"))

        let secure = try StudioClient(studio: TestStudio.make(secureCookies: true))
        let secureLogin = try await secure.logIn("jinqiao-shuji", password: TestStudio.password)
        #expect(secureLogin.setCookies.contains { $0.hasPrefix("gongshi_studio=") && $0.contains("Secure") })
    }

    @Test func loginGivesANewSessionID() async throws {
        let client = try StudioClient(studio: TestStudio.make())
        _ = try await client.get("/login")
        let anonymous = try #require(client.cookies["gongshi_studio"])
        try await client.logIn("jinqiao-shuji", password: TestStudio.password)
        let signedIn = try #require(client.cookies["gongshi_studio"])
        #expect(anonymous != signedIn)
    }

    @Test func logoutEndsTheSession() async throws {
        let client = try StudioClient(studio: TestStudio.make())
        try await client.logIn("jinqiao-shuji", password: TestStudio.password)
        _ = try await client.get("/")
        let stolen = try #require(client.cookies["gongshi_studio"])
        let out = try await client.post("/logout")
        #expect(out.status == .seeOther)
        #expect(client.cookies["gongshi_studio"] == nil)
        // The old cookie no longer opens anything, even replayed.
        let replay = try await client.get("/", headers: [.cookie: "gongshi_studio=\(stolen)"])
        #expect(replay.status == .found)
        #expect(replay.location == "/login")
    }

    @Test func unauthenticatedGetRedirectsAndPostIsRefused() async throws {
        let client = try StudioClient(studio: TestStudio.make())
        let page = try await client.get("/")
        #expect(page.status == .found)
        #expect(page.location == "/login")
        _ = try await client.get("/login")
        let post = try await client.post("/logout")
        #expect(post.status == .forbidden)
        #expect(try await client.get("/static/studio.css").status == .ok)
    }

    @Test func postWithoutOrWithAWrongCSRFTokenIsForbidden() async throws {
        let client = try StudioClient(studio: TestStudio.make())
        try await client.logIn("jinqiao-shuji", password: TestStudio.password)
        _ = try await client.get("/")
        let missing = try await client.post("/logout", csrf: .some(nil))
        #expect(missing.status == .forbidden)
        #expect(missing.body.contains("表单已过期"))
        let wrong = try await client.post("/logout", csrf: "x" + (client.csrfToken ?? ""))
        #expect(wrong.status == .forbidden)
        // The header works too (the upload fetches send it).
        let header = try await client.send(.post, "/logout", headers: [StudioClient.csrfHeader: client.csrfToken ?? ""])
        #expect(header.status == .seeOther)
    }

    @Test func loginFormNeedsItsToken() async throws {
        let client = try StudioClient(studio: TestStudio.make())
        let reply = try await client.post("/login", form: ["login": "jinqiao-shuji", "password": TestStudio.password])
        #expect(reply.status == .forbidden)
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let client = try StudioClient(studio: TestStudio.make())
        for path in ["/login", "/", "/static/studio.css", "/nothing-here"] {
            let reply = try await client.get(path)
            #expect(reply.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self'") == true, "\(path)")
            #expect(reply.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(path)")
            #expect(reply.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(path)")
        }
        #expect(try await client.get("/login").headers[.cacheControl] == "no-store")
    }
}
