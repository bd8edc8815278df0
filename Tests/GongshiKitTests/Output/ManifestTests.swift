import Foundation
import Testing

@testable import GongshiKit

@Suite("Reading manifests")
struct ManifestTests {
    static let hashes = (0..<4).map { SHA256.hex("file \($0)") }

    static func manifest(_ paths: [String]) -> Manifest {
        Manifest(entries: Dictionary(uniqueKeysWithValues: paths.enumerated().map { ($1, Manifest.Entry(sha256: hashes[$0 % 4], size: $0 * 1000)) }))
    }

    @Test func theOwnLayoutIsReadDirectly() throws {
        for paths in [[], ["index.html"], ["index.html", "branches/和平社区/index.html", "a b/c.json", "search/docs/12.json"]] {
            let manifest = Self.manifest(paths)
            #expect(Manifest.parseOwnLayout(Array(manifest.json)) == manifest)
            #expect(Manifest.parse(manifest.json) == manifest)
        }
    }

    @Test func escapedPathsAndOtherLayoutsGoThroughJSONSerialization() throws {
        let escaped = Self.manifest(["say \"hi\".html", "back\\slash.html", "tab\there.html"])
        #expect(Manifest.parseOwnLayout(Array(escaped.json)) == nil)
        #expect(Manifest.parse(escaped.json) == escaped)
        // The same manifest reformatted by another tool.
        let plain = Self.manifest(["index.html", "a/index.html"])
        let object = try JSONSerialization.jsonObject(with: plain.json)
        let reformatted = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted])
        #expect(Manifest.parseOwnLayout(Array(reformatted)) == nil)
        #expect(Manifest.parse(reformatted) == plain)
    }

    @Test func damagedManifestsAreNotRead() {
        let text = String(decoding: Self.manifest(["index.html", "a/index.html"]).json, as: UTF8.self)
        let damaged = [
            text.replacingOccurrences(of: "\"size\": 1000", with: "\"size\": \"1000\""),
            String(text.dropLast(3)),
            text.replacingOccurrences(of: "\"sha256\"", with: "\"sha\""),
            "",
        ]
        for bad in damaged {
            #expect(Manifest.parseOwnLayout(Array(bad.utf8)) == nil, "\(bad)")
            #expect(Manifest.parse(Data(bad.utf8)) == nil, "\(bad)")
        }
        // A short hash is not the own layout (JSONSerialization then reads it, as before).
        let short = text.replacingOccurrences(of: Self.hashes[0], with: String(Self.hashes[0].prefix(10)))
        #expect(Manifest.parseOwnLayout(Array(short.utf8)) == nil)
    }
}

@Suite("Record counts in manifests")
struct ManifestCountTests {
    @Test func countsAreWrittenAndReadBack() throws {
        var manifest = ManifestTests.manifest(["index.html", "branches/a/index.html"])
        manifest.counts = ["branches": 1, "pages": 0, "promises": 12]
        let json = manifest.json
        #expect(String(decoding: json, as: UTF8.self).contains("  \"counts\": {\"branches\": 1, \"pages\": 0, \"promises\": 12},\n"))
        #expect(Manifest.parseOwnLayout(Array(json)) == manifest)
        let object = try JSONSerialization.jsonObject(with: json)
        let reformatted = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted])
        #expect(Manifest.parse(reformatted) == manifest)
        // An empty site with counts, and a manifest without counts (as gongshi 0.2.0 wrote them).
        let empty = Manifest(counts: ["branches": 0])
        #expect(Manifest.parseOwnLayout(Array(empty.json)) == empty)
        #expect(Manifest.parseOwnLayout(Array(ManifestTests.manifest(["a.html"]).json))?.counts == [:])
        let bad = String(decoding: json, as: UTF8.self).replacingOccurrences(of: "\"promises\": 12", with: "\"promises\": -1")
        #expect(Manifest.parseOwnLayout(Array(bad.utf8)) == nil)
    }
}
