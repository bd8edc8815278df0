import GongshiKit
import Testing

@testable import GongshiPreview

@Suite("Request paths and content types")
struct PreviewRequestTests {
    @Test(arguments: [
        ("/", "index.html"),
        ("/branches/", "branches/index.html"),
        ("/branches/a/", "branches/a/index.html"),
        ("/assets/site.css", "assets/site.css"),
        ("/404.html", "404.html"),
        ("/branches", "branches"),
        ("/disclosures/category/%E7%BB%84/", "disclosures/category/组/index.html"),
    ])
    func mapsPathsToFiles(raw: String, file: String) {
        #expect(PreviewRequest.target(forRawPath: raw) == .file(file))
    }

    @Test(arguments: [
        "/../site.yaml", "/assets/../../site.yaml", "/%2e%2e/site.yaml", "/%2E%2E/%2E%2E/etc/passwd",
        "/assets/..%2f..%2fsite.yaml", "/./index.html", "//etc/passwd", "/a//b", "http://127.0.0.1/index.html",
        "*", "", "/a%00b", "/a%5c..%5cb", "/a\\b", "/%zz",
    ])
    func rejectsTraversalAndOddTargets(raw: String) {
        #expect(PreviewRequest.target(forRawPath: raw) == .invalid)
    }

    @Test func hidesDotfiles() {
        #expect(PreviewRequest.target(forRawPath: "/.gongshi-site") == .hidden)
        #expect(PreviewRequest.target(forRawPath: "/assets/.x/y.css") == .hidden)
    }

    @Test func answersTheVersionPath() {
        #expect(PreviewRequest.target(forRawPath: "/__gongshi/version") == .version)
    }

    @Test func acceptsOnlyLoopbackHostNames() {
        for host in [nil, "127.0.0.1:8000", "localhost:9000", "LOCALHOST", "[::1]:8000", "127.0.0.1"] {
            #expect(PreviewRequest.isLoopbackHost(host), "\(host ?? "nil")")
        }
        for host in ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "[::2]:80", "[::1"] {
            #expect(!PreviewRequest.isLoopbackHost(host), "\(host)")
        }
    }

    @Test func contentTypesDeclareUTF8ForText() {
        #expect(ContentType.forPath("index.html") == "text/html; charset=utf-8")
        #expect(ContentType.forPath("assets/site.css") == "text/css; charset=utf-8")
        #expect(ContentType.forPath("sitemap.xml") == "application/xml; charset=utf-8")
        #expect(ContentType.forPath("a/b.svg") == "image/svg+xml; charset=utf-8")
        #expect(ContentType.forPath("data.json") == "application/json; charset=utf-8")
        #expect(ContentType.forPath("logo.PNG") == "image/png")
        #expect(ContentType.forPath("photo.jpg") == "image/jpeg")
        #expect(ContentType.forPath("report.pdf") == "application/pdf")
        #expect(ContentType.forPath("noext") == "application/octet-stream")
        #expect(ContentType.forPath(".hidden") == "application/octet-stream")
    }
}
