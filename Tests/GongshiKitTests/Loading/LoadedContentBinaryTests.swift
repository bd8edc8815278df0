import Foundation
import Testing

@testable import GongshiKit

/// The parse cache's hand-written binary records: what goes in comes out (every piece kind of the golden site, and
/// records with every optional field present and absent), and a short or damaged buffer is an error, never a crash
/// or a hang.
@Suite("Loaded content binary")
struct LoadedContentBinaryTests {
    static func roundTrip(_ content: LoadedContent) throws -> LoadedContent { try LoadedContent(binary: content.binary) }

    /// Every file of the golden site, written and read back, equals its fresh load field by field; between them the
    /// files give every part of a piece.
    @Test func everyPieceOfTheGoldenSiteComesBackEqual() throws {
        var seen = Set<String>()
        for fresh in try Self.goldenPieces() {
            #expect(CanonicalDump.of(try Self.roundTrip(fresh)) == CanonicalDump.of(fresh))
            let parts: [(String, Bool)] = [
                ("branches", fresh.branches.isEmpty), ("promises", fresh.promises.isEmpty), ("disclosures", fresh.disclosures.isEmpty),
                ("examples", fresh.examples.isEmpty), ("pages", fresh.pages.isEmpty), ("diagnostics", fresh.diagnostics.isEmpty),
                ("privacyFindings", fresh.privacyFindings.isEmpty), ("unloadedBranches", fresh.unloadedBranches.isEmpty),
                ("bodyLinks", fresh.bodyLinks.isEmpty),
            ]
            for (name, isEmpty) in parts where !isEmpty { seen.insert(name) }
        }
        #expect(seen.count == 9, "parts never seen: \(seen)")
    }

    /// Every optional field of every record kind, present with unusual values and absent, comes back as it was.
    @Test func everyFieldComesBackEqual() throws {
        let day = Day("2024-02-29")!
        var full = LoadedContent()
        var policy = PrivacyPolicy(mobile: .allow, email: .error, allow: ["", "13812345678"], emails: ["@example.gov.cn"])
        (policy.idCard, policy.bankCard, policy.smallCellThreshold) = (.error, .error, 0)
        let source = SourceRef(path: "content/x/党.md", keyLines: ["id": 2, "items.0.due": 9, "": -1])
        full.branches = [
            Branch(
                id: "a", name: "党支部「一」🇨🇳", type: .jointBranch, field: .socialOrganisation, parent: "", secretary: "王",
                members: Int.min, registered: 112, established: day, address: "地址", phone: "电话", venue: "", liuyou: ["领导班子": true, "服务场所": false],
                ratings: [
                    Rating(year: 2026, satisfaction: -0.1, respondents: Int.max, grade: nil),
                    Rating(year: 1, satisfaction: .infinity, respondents: 0, grade: "优"),
                ],
                privacy: policy, source: source, bodyHTML: "<p>正文</p>"),
            Branch(
                id: "", name: "", type: .branch, field: .rural, parent: nil, secretary: nil, members: nil, registered: nil, established: nil, address: nil,
                phone: nil, venue: nil, liuyou: nil, ratings: nil),
        ]
        full.promises = [
            PromiseLetter(
                id: "p", branch: "a", year: 2026, promiser: "李", role: .delegate, post: "书记", published: day,
                items: [
                    PromiseItem(text: "办", service: .members, due: day, status: .postponed, done: day, note: "注"),
                    PromiseItem(text: "", service: .reform, due: day, status: .inProgress, done: nil, note: nil),
                    PromiseItem(
                        text: "走访", service: .residents, due: day, status: .inProgress, done: nil, note: nil,
                        target: PromiseTarget(count: 40, unit: "人次"),
                        progress: [ProgressEntry(date: day, text: "走访 3 户", count: 3), ProgressEntry(date: day, text: "", count: nil)]),
                    PromiseItem(
                        text: "记", service: .members, due: day, status: .fulfilled, done: day, note: nil, target: nil, progress: []),
                ], review: Review(date: day, method: nil, votes: ["满意": 3, "不满意": -2]), privacy: PrivacyPolicy(), source: source,
                bodyHTML: ""),
            PromiseLetter(
                id: "q", branch: "b", year: 0, promiser: "", role: .branch, post: nil, published: day, items: [], review: nil),
        ]
        full.disclosures = [
            Disclosure(
                id: "d", branch: "a", title: "公示", category: "其他", scope: .partyInternal, published: day,
                reviewed: Signoff(by: "甲", date: day), approved: nil, cadence: .adHoc, period: "2026年", until: day, feedback: "信箱",
                proposed: Signoff(by: "乙", date: day), topic: "发展党员", outcome: Outcome(date: day, text: "无异议", received: 0),
                follows: "e", privacy: nil, attachments: [Attachment(file: "a.pdf", title: nil), Attachment(file: "b.png", title: "图")],
                source: source,
                bodyHTML: "<h2>x</h2>"),
            Disclosure(
                id: "e", branch: "a", title: "", category: "", scope: .society, published: day, reviewed: nil, approved: Signoff(by: "", date: day, org: "a"),
                cadence: nil, period: nil, until: nil, feedback: nil, outcome: Outcome(date: day, text: "", received: nil)),
        ]
        full.examples = [
            Example(
                id: "x", title: "事例", branch: "a", date: day, field: .university, service: .development, people: ["甲", ""], honors: [],
                summary: "摘要", privacy: policy, attachments: [], source: source, bodyHTML: "<p>a</p>", firstParagraph: "a"),
            Example(id: "y", title: "", branch: "", date: day, field: nil, service: nil, people: nil, honors: nil, summary: nil),
        ]
        full.pages = [FreePage(id: "about", title: "关于", privacy: policy, source: source, bodyHTML: "<p/>"), FreePage(id: "", title: "")]
        full.diagnostics = [
            Diagnostic(.warning, "content/x.md", line: 3, "未知字段", kind: .unknownField), Diagnostic(.error, "", line: 0, ""),
        ]
        full.privacyFindings = ["content/x.md": [Diagnostic(.warning, "content/x.md", line: 1, "打码", kind: .mobileMasked)], "": []]
        full.unloadedBranches = [UnloadedBranch(path: "content/branches/b.md", ids: ["b", "c"]), UnloadedBranch(path: "", ids: [])]
        full.bodyLinks = ["content/x.md": [BodyLink(url: "../y/", line: 7, isImage: false), BodyLink(url: "", line: -1, isImage: true)]]
        #expect(CanonicalDump.of(try Self.roundTrip(full)) == CanonicalDump.of(full))
        #expect(CanonicalDump.of(try Self.roundTrip(LoadedContent())) == CanonicalDump.of(LoadedContent()))
        // The same value always gives the same bytes (dictionaries are written in key order).
        #expect(full.binary == (try Self.roundTrip(full)).binary)
    }

    /// Every cut-short prefix of a stored piece, and the piece with extra bytes after it, throws.
    @Test func aTruncatedPieceThrows() throws {
        let data = try #require(try Self.goldenPieces().map(\.binary).max { $0.count < $1.count })
        #expect(data.count > 100)
        for length in 0..<data.count {
            #expect(throws: BinaryReader.Damaged.self, "\(length) bytes") { try LoadedContent(binary: data.prefix(length)) }
        }
        #expect(throws: BinaryReader.Damaged.self) { try LoadedContent(binary: data + Data([0])) }
    }

    /// Damaged bytes either still read or throw; huge counts and lengths are rejected before anything is allocated or
    /// looped over.
    @Test func damagedPiecesThrowOrReadNeverCrash() throws {
        let data = try #require(try Self.goldenPieces().map(\.binary).max { $0.count < $1.count })
        for index in 0..<data.count {
            for value: UInt8 in [0x00, 0xFF, 0x80, 0x01, 0x07, UInt8(truncatingIfNeeded: index &* 37), data[index] ^ 0x01] {
                var damaged = data
                damaged[index] = value
                _ = try? LoadedContent(binary: damaged)
            }
        }
        // A list of 2^62 branches, a string of 2^62 bytes, a varint that never ends, a boolean that is neither.
        let huge: [UInt8] = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40]
        #expect(throws: BinaryReader.Damaged.self) { try LoadedContent(binary: Data(huge)) }
        #expect(throws: BinaryReader.Damaged.self) { try LoadedContent(binary: Data([1] + huge)) }
        #expect(throws: BinaryReader.Damaged.self) { try LoadedContent(binary: Data(repeating: 0xFF, count: 20)) }
        #expect(throws: BinaryReader.Damaged.self) {
            try BinaryReader.read(Data([2])) { try $0.bool() }
        }
        #expect(throws: BinaryReader.Damaged.self) {
            try BinaryReader.read(Data([1, 2, 3])) { try $0.double() }
        }
    }

    /// What each file of the golden site (plus a page with every body part and a broken branch) loads to.
    static func goldenPieces() throws -> [LoadedContent] {
        let site = try TestSite(fixture: "golden")
        try site.write("content/pages/odd.md", "---\nid: odd\ntitle: 关于\nnmae: x\n---\n电话 13812345678，[链接](../x/) ![图](a.png)\n")
        try site.write("content/branches/broken.md", "---\nid: broken\nname: [未闭合\n---\n")
        let scanner = ContentScanner(sourceDirectory: site.root)
        let config = try #require(ContentLoader.loadSiteConfig(try scanner.readSiteConfig().get()).0)
        let settings = LoaderSettings(config: config)
        return scanner.list().entries.map { ContentLoader.loadFile(scanner.read($0), settings: settings) }
    }
}
