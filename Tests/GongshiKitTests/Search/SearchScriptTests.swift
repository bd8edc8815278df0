import Foundation
import Testing

@testable import GongshiKit

/// The `node` executable on `PATH`, if any: CI machines may not have it.
enum NodeExecutable {
    static let url: URL? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { URL(fileURLWithPath: String($0)).appendingPathComponent("node") }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }
}

/// Runs the pure functions of `templates/assets/search.js` in Node over a built index on disk, and compares them
/// with `ReferenceSearch`. Skipped where Node is not installed.
@Suite("search.js in Node", .enabled(if: NodeExecutable.url != nil))
struct SearchScriptTests {
    static let script = TestSite.repoRoot.appendingPathComponent("templates/assets/search.js")

    /// What the page would show: `runSearch`'s outcome plus the bytes of the files it read.
    struct Outcome: Decodable {
        struct Marked: Decodable, Equatable {
            let text: String
            let ranges: [[Int]]
        }

        struct Item: Decodable {
            let doc: Int
            let titleHit: Bool
            /// Optional so that a script without it still decodes (and fails the comparisons instead).
            let phraseHit: Bool?
            let url: String
            let title: Marked
            let snippet: Marked
        }

        let total: Int
        let page: Int
        let items: [Item]
        let bytes: Int
    }

    struct Request: Encodable {
        var q: String
        var kind = ""
        var branch = ""
        var year = ""
        var page = 1
    }

    static let driver = """
        const api = require(process.argv[2]);
        const fs = require('fs');
        const path = require('path');
        const dir = process.argv[3];
        let bytes = 0;
        const read = async (file) => {
          const data = fs.readFileSync(path.join(dir, file));
          bytes += data.length;
          return JSON.parse(data.toString('utf8'));
        };
        const loader = {
          meta: () => read('meta.json'), facets: () => read('facets.json'),
          shard: (n) => read('shards/' + n + '.json'), docs: (f) => read('docs/' + f + '.json')
        };
        (async () => {
          const out = [];
          for (const state of JSON.parse(fs.readFileSync(process.argv[4], 'utf8'))) {
            bytes = 0;
            const o = await api.runSearch(loader, state);
            out.push({ total: o.total, page: o.page, items: o.items, bytes: bytes });
          }
          process.stdout.write(JSON.stringify(out));
        })().catch((error) => { console.error(error); process.exit(1); });
        """

    /// Writes `pages` into a temp dir and runs every request through `runSearch`.
    static func run(_ pages: [RenderedPage], _ requests: [Request]) throws -> [Outcome] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-search-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for page in pages {
            let url = root.appendingPathComponent(page.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try page.contents.write(to: url)
        }
        try Data(driver.utf8).write(to: root.appendingPathComponent("driver.js"))
        try JSONEncoder().encode(requests).write(to: root.appendingPathComponent("requests.json"))
        let process = Process()
        process.executableURL = NodeExecutable.url
        process.arguments = [
            root.appendingPathComponent("driver.js").path, script.path, root.appendingPathComponent("search").path,
            root.appendingPathComponent("requests.json").path,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return try JSONDecoder().decode([Outcome].self, from: data)
    }

    @Test func findsAndHighlightsTheSameDocumentsAsTheReference() throws {
        let pages = SearchIndexBuilder.build(SearchFixtures.corpus, shardCount: 3)
        let outcomes = try Self.run(
            pages,
            [
                Request(q: "党费"), Request(q: "环境卫生"), Request(q: "党费", kind: "支部"), Request(q: "党费", branch: "b"),
                Request(q: "环境卫生", year: "2025"), Request(q: "，"),
            ])
        let urls = outcomes.map { $0.items.map(\.url) }
        // d6 holds 党 and 费 apart: not found.
        #expect(urls[0] == ["disclosures/d1/", "disclosures/d2/", "branches/d7/"])
        #expect(outcomes[0].items.map(\.titleHit) == [true, false, false])
        #expect(outcomes[0].items.map(\.phraseHit) == [true, true, true])
        // d8 holds the three bigrams but not the phrase, d4 holds 环境 and 卫生 apart: after the phrase hits once
        // the page's texts are read.
        #expect(outcomes[1].total == 4 && urls[1] == ["examples/d5/", "promises/d3/", "disclosures/d4/", "disclosures/d8/"])
        #expect(urls[2] == ["branches/d7/"] && urls[3] == ["disclosures/d2/"] && urls[4] == ["examples/d5/"])
        #expect(outcomes[5].total == 0 && outcomes[5].items.isEmpty)
        let first = outcomes[0].items[0], second = outcomes[0].items[1], third = outcomes[0].items[2]
        #expect(first.title == .init(text: "2026年第三季度党费收缴情况公示", ranges: [[9, 11]]))
        #expect(second.snippet == .init(text: "会上通报了党费使用情况。", ranges: [[5, 7]]))
        #expect(third.snippet == .init(text: "按时交纳党费，2026年Q3党费已公示。", ranges: [[4, 6], [14, 16]]))
        try #require(outcomes[1].items.count == 4)
        #expect(outcomes[1].items[2].title == .init(text: "环境和卫生", ranges: [[0, 2], [3, 5]]))
        #expect(outcomes[1].items[3].snippet == .init(text: "环境优美。境卫两字。卫生达标。", ranges: [[0, 2], [5, 7], [10, 12]]))
    }

    @Test func findsWordsInAnotherOrderAndMarksWhatMatched() throws {
        let documents = [
            SearchFixtures.document("lift", title: "小区改造进展", text: "老旧楼栋加装电梯意愿征集已完成。", date: "2026-03-01"),
            SearchFixtures.document("lift2", title: "电梯维修", text: "加固楼道扶手，安装照明。", date: "2026-05-01"),
            SearchFixtures.document("wang", "支部", title: "金桥社区党支部", text: "书记 王芳\n支部委员会由五人组成。", date: "2020-01-01"),
            SearchFixtures.document("other", title: "书记讲党课", text: "由王明主讲，芳草社区参加。", date: "2026-06-01"),
        ]
        let pages = SearchIndexBuilder.build(documents, shardCount: 5)
        let requests = ["电梯加装", "王芳书记", "王芳\u{3000}书记", "书记 王芳", "王芳"].map { Request(q: $0) }
        let outcomes = try Self.run(pages, requests)
        let urls = outcomes.map { $0.items.map(\.url) }
        // lift2 holds 电梯 but 加 and 装 only apart; other holds 王, 芳, 书记 but no bigram with 王 or 芳.
        #expect(urls[0] == ["disclosures/lift/"])
        #expect(outcomes[0].items.first?.snippet == .init(text: "老旧楼栋加装电梯意愿征集已完成。", ranges: [[4, 8]]))
        #expect(urls[1] == ["branches/wang/"] && urls[2] == urls[1] && urls[3] == urls[1] && urls[4] == urls[1])
        #expect(outcomes[1].items.first?.snippet == .init(text: "书记 王芳 支部委员会由五人组成。", ranges: [[0, 2], [3, 5]]))
        #expect(outcomes[1].items.first?.title == .init(text: "金桥社区党支部", ranges: []))
        let search = try ReferenceSearch(pages)
        for (request, outcome) in zip(requests, outcomes) {
            let expected = try search.page(request.q)
            #expect(outcome.items.map(\.doc) == expected.hits.map(\.doc), "\(request.q)")
            #expect(outcome.items.map(\.phraseHit) == expected.hits.map { Optional($0.phrase) }, "\(request.q)")
        }
    }

    @Test func agreesWithTheReferenceOnALargerCorpus() throws {
        let pages = SearchIndexBuilder.build(SyntheticCorpus.documents(count: 1500, branches: 40, seed: 9))
        let search = try ReferenceSearch(pages)
        let branch = search.meta.branches[3][0]
        let requests =
            ["党费", "环境卫生", "党员", "党", "卫生 环境", "2026", "季度党费", "先进事迹", "不存在的词语", "党员书记", "服务群众　党员", "建设加强"]
            .map { Request(q: $0) }
            + [Request(q: "党员", page: 2), Request(q: "党费", kind: "公开", year: "2024"), Request(q: "工作", branch: branch)]
        let outcomes = try Self.run(pages, requests)
        for (request, outcome) in zip(requests, outcomes) {
            let filter = ReferenceSearch.Filter(
                kind: request.kind.isEmpty ? nil : request.kind, branchID: request.branch.isEmpty ? nil : request.branch, year: Int(request.year))
            let expected = try search.page(request.q, number: request.page, filter: filter)
            #expect(outcome.total == expected.total, "\(request.q)")
            #expect(outcome.items.map(\.doc) == expected.hits.map(\.doc), "\(request.q)")
            #expect(outcome.items.map(\.titleHit) == expected.hits.map(\.title), "\(request.q)")
            #expect(outcome.items.map(\.phraseHit) == expected.hits.map { Optional($0.phrase) }, "\(request.q)")
            #expect(outcome.bytes == expected.bytes, "\(request.q)")
        }
        #expect(outcomes[0].total > 100 && outcomes[12].page == 2)
    }
}
