import Foundation
import Testing

@testable import GongshiKit

@Suite("Search index files")
struct SearchIndexBuilderTests {
    @Test func writesMetaFacetsShardsAndOneFilePerTwoDocuments() throws {
        let pages = SearchIndexBuilder.build(SearchFixtures.corpus, shardCount: 4)
        let paths = pages.map(\.path)
        #expect(Array(paths.prefix(6)) == ["search/meta.json", "search/facets.json"] + (0..<4).map { "search/shards/\($0).json" })
        #expect(Array(paths.dropFirst(6)) == (0..<4).map { "search/docs/\($0).json" })
        let meta = try ReferenceSearch(pages).meta
        #expect(meta.version == SearchIndexLayout.formatVersion)
        #expect(meta.docs == 8 && meta.shards == 4 && meta.docsPerFile == 2 && meta.facetWidth == 1)
        #expect(meta.kinds == ["承诺", "公开", "典型", "支部"])
        #expect(meta.branches == [["a", "金桥社区党支部"], ["b", "水口村党支部"]])
        #expect(meta.years == [2026, 2025])
    }

    @Test func isCompactJSON() throws {
        for page in SearchIndexBuilder.build(SearchFixtures.corpus) {
            let text = String(decoding: page.contents, as: UTF8.self)
            #expect(!text.contains("\n") && !text.contains("\": ") && !text.contains("\\/"), "\(page.path)")
            #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: page.contents) }
        }
    }

    @Test func numbersDocumentsOldestFirstAndKeepsWhatAResultShows() throws {
        let pages = SearchIndexBuilder.build(SearchFixtures.corpus)
        let search = try ReferenceSearch(pages)
        let dates = try (0..<8).map { try search.document($0).date }
        #expect(dates == dates.sorted())
        let first = try search.document(0)
        #expect(first == .init(title: "环境卫生整治先进事迹", url: "examples/d5/", kind: "典型", branch: "水口村党支部", date: "2025-06-01", text: "李四带头清理垃圾。", truncated: nil))
    }

    @Test func documentFilesHoldConsecutiveDocumentsInOrder() throws {
        // Seven documents: three files of two, and a last file of one.
        let documents = Array(SearchFixtures.corpus.prefix(7))
        let pages = SearchIndexBuilder.build(documents, shardCount: 2)
        let files = pages.filter { $0.path.hasPrefix("search/docs/") }
        #expect(files.map(\.path) == (0..<4).map { "search/docs/\($0).json" })
        let counts = try files.map { try JSONDecoder().decode([ReferenceSearch.Document].self, from: $0.contents).count }
        #expect(counts == [2, 2, 2, 1])
        let search = try ReferenceSearch(pages)
        let ordered = documents.sorted(by: SearchIndexBuilder.precedes)
        #expect(try (0..<7).map { try search.document($0).url } == ordered.map(\.url))
        #expect(SearchIndexLayout.documentFile(of: 5) == (2, 1) && SearchIndexLayout.documentFile(of: 6) == (3, 0))
    }

    /// A site of 1000 organisations has about 17,800 documents: with one file each, the index was 19,900 files.
    @Test func aLargeCorpusNeedsHalfAFilePerDocument() {
        let documents = SyntheticCorpus.documents(count: 3001, branches: 100, seed: 5)
        let pages = SearchIndexBuilder.build(documents)
        let shards = pages.filter { $0.path.hasPrefix("search/shards/") }.count
        #expect(pages.filter { $0.path.hasPrefix("search/docs/") }.count == 1501)
        #expect(pages.count == 2 + shards + 1501)
    }

    /// Editing one document's body (its date and title unchanged, so its number stays) changes its own document file
    /// and the shards of the tokens it gained or lost, nothing else: the group's unchanged files are not rewritten.
    @Test func editingOneBodyChangesOneDocumentFileAndFewShards() throws {
        var documents = SyntheticCorpus.documents(count: 2000, branches: 100, seed: 3)
        let before = SearchIndexBuilder.build(documents)
        let old = documents[1234]
        documents[1234] = SearchDocument(
            id: old.id, kind: old.kind, title: old.title, text: old.text + "加装电梯犇骉。", url: old.url, branchID: old.branchID,
            branchName: old.branchName, date: old.date, year: old.year)
        let after = SearchIndexBuilder.build(documents)
        #expect(after.map(\.path) == before.map(\.path))
        let changed = zip(before, after).filter { $0.contents != $1.contents }.map(\.0.path)
        let shards = before.filter { $0.path.hasPrefix("search/shards/") }.count
        #expect(changed.filter { $0.hasPrefix("search/docs/") }.count == 1)
        #expect(!changed.contains(SearchIndexLayout.metaPath) && !changed.contains(SearchIndexLayout.facetsPath))
        // At most one shard per token of the added text (加 装 电 梯 犇 骉 and their five bigrams, some already held).
        #expect(changed.filter { $0.hasPrefix("search/shards/") }.count <= 11, "\(changed)")
        #expect(shards > 11)
    }

    @Test func sameDocumentsInAnyOrderGiveTheSameBytes() {
        let once = SearchIndexBuilder.build(SearchFixtures.corpus)
        let again = SearchIndexBuilder.build(SearchFixtures.corpus)
        let reversed = SearchIndexBuilder.build(SearchFixtures.corpus.reversed())
        var generator = SyntheticCorpus.Random(seed: 7)
        let shuffled = SearchIndexBuilder.build(SearchFixtures.corpus.shuffled(using: &generator))
        for other in [again, reversed, shuffled] {
            #expect(other.map(\.path) == once.map(\.path))
            #expect(other.map(\.contents) == once.map(\.contents))
        }
    }

    @Test func documentTextHasItsWhitespaceCollapsed() throws {
        let pages = SearchIndexBuilder.build([SearchFixtures.document("x", title: "t", text: " 第一段\n\n第二段\u{3000}结束\t ", date: "2026-01-01")])
        #expect(try ReferenceSearch(pages).document(0).text == "第一段 第二段 结束")
    }

    @Test func longTextIsCutInTheDocumentFileButIndexedWhole() throws {
        let long = String(repeating: "一二三四五六七八九十", count: 200) + "党费"
        let pages = SearchIndexBuilder.build([SearchFixtures.document("x", title: "长文", text: long, date: "2026-01-01")])
        let search = try ReferenceSearch(pages)
        let document = try search.document(0)
        #expect(document.text.unicodeScalars.count == SearchIndexLayout.documentTextLimit && document.truncated == true)
        #expect(try search.page("党费").documents.count == 1)
    }

    @Test func postingsRoundTrip() throws {
        #expect(PostingCodec.encode([(0, 1)]) == "B")
        #expect(PostingCodec.encode([(0, 2), (1, 3), (40, 1)]) == "CD5E")
        var generator = SyntheticCorpus.Random(seed: 1)
        var doc = -1
        let postings = (0..<5000).map { _ in
            doc += 1 + Int(generator.next() % (generator.next() % 2 == 0 ? 3 : 100_000))
            return (doc: doc, fields: UInt8(1 + generator.next() % 3))
        }
        let decoded = try #require(PostingCodec.decode(PostingCodec.encode(postings)))
        #expect(decoded.map(\.doc) == postings.map(\.doc) && decoded.map(\.fields) == postings.map(\.fields))
        #expect(PostingCodec.decode("B!") == nil && PostingCodec.decode("g") == nil)
    }

    @Test func theTableEncodesPostingsAsTheCodecDoes() {
        // Random documents holding random tokens in the title, the body or both, added in the builder's order.
        var generator = SyntheticCorpus.Random(seed: 7)
        var table = PostingTable()
        var expected: [UInt64: [UInt32]] = [:]
        for document in 0..<3000 {
            for key in Set((0..<Int.random(in: 0...6, using: &generator)).map { _ in UInt64.random(in: 1...40, using: &generator) }) {
                let fields = [PostingCodec.title, PostingCodec.body].filter { _ in Bool.random(using: &generator) }
                for field in fields.isEmpty ? [PostingCodec.body] : fields {
                    table.add(key, document: document, field: field)
                    if expected[key]?.last.map({ $0 >> 2 }) == UInt32(document) {
                        expected[key]![expected[key]!.count - 1] |= UInt32(field)
                    } else {
                        expected[key, default: []].append(UInt32(document) << 2 | UInt32(field))
                    }
                }
            }
        }
        #expect(Set(table.keys) == Set(expected.keys))
        for (id, key) in table.keys.enumerated() {
            var bytes: [UInt8] = []
            PostingCodec.encode(expected[key]!, into: &bytes)
            #expect(table.encoded[id] == bytes, "token \(key)")
        }
        #expect(expected.values.contains { $0.contains { $0 & 3 == 3 } }, "some documents hold a token in both fields")
    }

    /// Bigram keys go through the table's own hash table: tens of thousands of them (so it grows many times and
    /// probes past collisions), each document repeating some in the same field and some in both.
    @Test func theTableKeepsBigramsApartAndRepeatsChangeNothing() {
        var generator = SyntheticCorpus.Random(seed: 11)
        var table = PostingTable()
        var expected: [UInt64: [UInt32]] = [:]
        let pool = (0..<40_000).map { _ in
            SearchTokenizer.bigramFlag | UInt64.random(in: 0x4E00...0x9FFF, using: &generator) << 21
                | UInt64.random(in: 0x4E00...0x9FFF, using: &generator)
        }
        for document in 0..<4000 {
            let picks = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pool[Int.random(in: 0..<pool.count, using: &generator)] }
            // Each pick a few times, in one field or in both, in the order a document's text would repeat it.
            for key in picks + picks.prefix(10) + [0x5158, 0x5158] {
                let field = Bool.random(using: &generator) ? PostingCodec.title : PostingCodec.body
                table.add(key, document: document, field: field)
                if expected[key]?.last.map({ $0 >> 2 }) == UInt32(document) {
                    expected[key]![expected[key]!.count - 1] |= UInt32(field)
                } else {
                    expected[key, default: []].append(UInt32(document) << 2 | UInt32(field))
                }
            }
        }
        #expect(table.keys.count == expected.count && Set(table.keys) == Set(expected.keys))
        #expect(expected.count > 30_000, "the table grew past many collisions")
        for (id, key) in table.keys.enumerated() {
            var bytes: [UInt8] = []
            PostingCodec.encode(expected[key]!, into: &bytes)
            #expect(table.encoded[id] == bytes, "token \(key)")
        }
    }

    /// The index is reused whole when its key is the same, so the key must change with every part a document's
    /// text is made from (HTML, the facts before and after it), and only with what the index reads.
    @Test func theIndexKeyFollowsEveryPartOfTheBody() {
        func document(_ prefix: String, _ html: String, _ suffix: String) -> SearchDocument {
            SearchDocument(
                id: "d", kind: "公开", title: "标题", body: .html(prefix: prefix, html, suffix: suffix), url: "disclosures/d/",
                branchID: "a", branchName: "甲", date: Day(year: 2026, month: 3, day: 1)!)
        }
        let base = SearchIndexUpdater.digest(document("类别 党费\n", "<p>正文</p>", "审核 王芳\n"))
        #expect(base == SearchIndexUpdater.digest(document("类别 党费\n", "<p>正文</p>", "审核 王芳\n")))
        #expect(base != SearchIndexUpdater.digest(document("类别 党费\n", "<p>正文。</p>", "审核 王芳\n")))
        #expect(base != SearchIndexUpdater.digest(document("类别 团费\n", "<p>正文</p>", "审核 王芳\n")))
        #expect(base != SearchIndexUpdater.digest(document("类别 党费\n", "<p>正文</p>", "审核 王芳芳\n")))
        #expect(base != SearchIndexUpdater.digest(document("", "<p>类别 党费\n正文</p>", "审核 王芳\n")))
    }

    @Test func shardCountGrowsWithTheCorpus() {
        #expect(SearchIndexLayout.shardCount(forPostingBytes: 0) == 1)
        #expect(SearchIndexLayout.shardCount(forPostingBytes: SearchIndexLayout.targetShardBytes) == 1)
        #expect(SearchIndexLayout.shardCount(forPostingBytes: SearchIndexLayout.targetShardBytes * 5) == 8)
        #expect(SearchIndexLayout.shardCount(forPostingBytes: .max / 2) == SearchIndexLayout.maximumShards)
        // FNV-1a test vectors, and the value search.js computes for 党费.
        #expect(SearchIndexLayout.fnv1a("") == 0x811C_9DC5 && SearchIndexLayout.fnv1a("a") == 0xE40C_292C)
        #expect(SearchIndexLayout.fnv1a("党费") == 1_165_636_894)
    }
}
