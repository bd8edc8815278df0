import Foundation
import Testing

@testable import GongshiKit

/// The search index updated from its cache must be, file for file and byte for byte, the index built whole from the
/// same documents, whatever happened in between; and a small change must cost a small amount of work.
@Suite("Search index updates")
struct SearchIndexUpdateTests {
    /// An output folder as the index group leaves it: its files and the key of each (the published keys).
    struct Published {
        var files: [String: Data] = [:]
        var keys: [String: String] = [:]
    }

    /// A cache folder of its own, removed at the end.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-search-\(UUID().uuidString)")
        var cache: URL { url.appendingPathComponent("search.cache") }
        deinit { try? FileManager.default.removeItem(at: url) }

        func store(reads: Bool = true, program: String = "test-program") -> SearchIndexStore {
            SearchIndexStore(file: cache, reads: reads, program: program)
        }
    }

    /// Runs the group as a build does: files it reuses keep the published bytes, the rest are what it made.
    static func build(_ documents: [SearchDocument], over published: Published?, store: SearchIndexStore?) throws -> Published {
        var next = Published()
        try SearchIndexUpdater.run(documents, previous: published?.keys, store: store) { file in
            next.keys[file.path] = file.key
            guard file.isFile else { return }
            let contents = file.contents ?? published?.files[file.path]
            #expect(contents != nil, "\(file.path) reused but never published")
            next.files[file.path] = contents
        }
        return next
    }

    /// The index built whole, as a clean build makes it.
    static func clean(_ documents: [SearchDocument]) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: SearchIndexBuilder.build(documents).map { ($0.path, $0.contents) })
    }

    static func expectSame(_ published: Published, _ documents: [SearchDocument], _ step: String) {
        let expected = clean(documents)
        #expect(Set(published.files.keys) == Set(expected.keys), "\(step): file names")
        let differing = expected.keys.filter { published.files[$0] != expected[$0] }.sorted()
        #expect(differing.isEmpty, "\(step): \(differing.prefix(5))")
        let wrongKeys = expected.keys.filter { published.keys[$0] != PlanBuilder.contentKey(expected[$0]!) }
        #expect(wrongKeys.isEmpty, "\(step): keys of \(wrongKeys.prefix(5))")
    }

    static func document(
        _ base: SearchDocument, id: String? = nil, title: String? = nil, text: String? = nil, date: Day? = nil, branchName: String? = nil
    ) -> SearchDocument {
        SearchDocument(
            id: id ?? base.id, kind: base.kind, title: title ?? base.title, text: text ?? base.text, url: id.map { "items/\($0)/" } ?? base.url,
            branchID: base.branchID, branchName: branchName ?? base.branchName, date: date ?? base.date, year: base.kind == "支部" ? base.year : nil)
    }

    static let corpus = SyntheticCorpus.documents(count: 400, branches: 20, seed: 11)

    @Test func aBodyEditTokenisesOnlyThatDocumentAndRewritesFewFiles() throws {
        let folder = Folder()
        var documents = Self.corpus
        let first = try Self.build(documents, over: nil, store: folder.store())
        let shards = first.files.keys.filter { $0.hasPrefix("search/shards/") }.count
        #expect(shards >= 16)
        documents[123] = Self.document(documents[123], text: documents[123].text + "\n增设便民服务窗口。")
        let store = folder.store()
        let second = try Self.build(documents, over: first, store: store)
        Self.expectSame(second, documents, "body edit")
        let statistics = store.statistics
        #expect(statistics.mode == .incremental)
        // Its old text and its new one, nothing else.
        #expect(statistics.documentsTokenised == 2)
        #expect(statistics.documentFilesMade == 1)
        #expect(statistics.shardsMade > 0 && statistics.shardsMade < shards / 2)
        #expect(store.note == nil)
    }

    @Test func anUnchangedCorpusReusesEveryFile() throws {
        let folder = Folder()
        let first = try Self.build(Self.corpus, over: nil, store: folder.store())
        let store = folder.store()
        var made: [String] = []
        try SearchIndexUpdater.run(Self.corpus, previous: first.keys, store: store) { file in
            if file.contents != nil { made.append(file.path) }
        }
        #expect(made.isEmpty && store.statistics.mode == .unchanged)
    }

    @Test func addsDeletesRetitlesAndOlderInsertsMatchACleanBuild() throws {
        let folder = Folder()
        var documents = Self.corpus
        var published = try Self.build(documents, over: nil, store: folder.store())
        let oldest = documents.map(\.date).min()!
        let newest = documents.map(\.date).max()!
        let steps: [(String, ([SearchDocument]) -> [SearchDocument])] = [
            ("newest added", { $0 + [Self.document($0[5], id: "new-1", title: "关于新建党员活动室的公示", date: newest)] }),
            ("oldest added", { $0 + [Self.document($0[7], id: "new-2", date: oldest)] }),
            ("deleted", { Array($0.dropFirst(40).prefix(1)) + $0.prefix(40) + $0.dropFirst(41) }),
            (
                "deleted for good",
                {
                    var d = $0; d.remove(at: 200); return d
                }
            ),
            (
                "retitled",
                {
                    var d = $0; d[50] = Self.document(d[50], title: "阿" + d[50].title); return d
                }
            ),
            (
                "redated",
                {
                    var d = $0; d[60] = Self.document(d[60], date: oldest); return d
                }
            ),
            (
                "branch renamed",
                {
                    var d = $0; d[70] = Self.document(d[70], branchName: "新名字党支部"); return d
                }
            ),
            (
                "text emptied",
                {
                    var d = $0; d[80] = Self.document(d[80], text: ""); return d
                }
            ),
            (
                "title only in body now",
                {
                    var d = $0; d[90] = Self.document(d[90], title: "公示", text: d[90].title + d[90].text); return d
                }
            ),
            ("everything removed", { _ in [] }),
            ("back again", { _ in Self.corpus }),
        ]
        for (name, change) in steps {
            documents = change(documents)
            let store = folder.store()
            published = try Self.build(documents, over: published, store: store)
            Self.expectSame(published, documents, name)
            #expect(store.note == nil, "\(name)")
        }
    }

    /// A seeded random sequence of edits, adds, deletes and date changes, each followed by a comparison.
    @Test func aRandomSequenceMatchesACleanBuildAtEveryStep() throws {
        let folder = Folder()
        var random = SyntheticCorpus.Random(seed: 41)
        var documents = Array(Self.corpus.prefix(250))
        var published = try Self.build(documents, over: nil, store: folder.store())
        var incremental = 0
        for step in 0..<60 {
            let index = random.below(documents.count)
            let date = Day(year: 2023 + random.below(4), month: 1 + random.below(12), day: 1 + random.below(28))!
            switch random.below(7) {
            case 0: documents[index] = Self.document(documents[index], text: documents[index].text + SyntheticCorpus.passage(&random, length: 30))
            case 1: documents[index] = Self.document(documents[index], title: SyntheticCorpus.passage(&random, length: 10))
            case 2: documents[index] = Self.document(documents[index], date: date)
            case 3: documents.append(Self.document(documents[index], id: "added-\(step)", text: SyntheticCorpus.passage(&random, length: 80), date: date))
            case 4: documents.remove(at: index)
            case 5: documents.insert(Self.corpus[250 + step], at: index)
            default: documents.shuffle(using: &random)
            }
            let store = folder.store()
            published = try Self.build(documents, over: published, store: store)
            Self.expectSame(published, documents, "step \(step)")
            if store.statistics.mode == .incremental { incremental += 1 }
        }
        #expect(incremental > 40)
    }

    @Test func aChangeOutsideTheTokensRewritesNoShard() throws {
        let folder = Folder()
        var documents = Self.corpus
        let first = try Self.build(documents, over: nil, store: folder.store())
        // The branch name is shown in results (document files) but not tokenised.
        documents[200] = Self.document(documents[200], branchName: "改名后的党支部")
        let store = folder.store()
        Self.expectSame(try Self.build(documents, over: first, store: store), documents, "branch name")
        #expect(store.statistics == .init(mode: .incremental, documentsTokenised: 2, shardsMade: 0, documentFilesMade: 1))
    }

    @Test func aNewShardCountOrRepeatedIdsBuildTheIndexWhole() throws {
        let folder = Folder()
        let small = Array(Self.corpus.prefix(40))
        var published = try Self.build(small, over: nil, store: folder.store())
        let grown = folder.store()
        published = try Self.build(Self.corpus, over: published, store: grown)
        Self.expectSame(published, Self.corpus, "grown")
        #expect(grown.statistics.mode == .full && grown.note == nil)
        var repeated = Self.corpus
        repeated[10] = Self.document(repeated[10], id: repeated[11].id)
        let twice = folder.store()
        published = try Self.build(repeated, over: published, store: twice)
        Self.expectSame(published, repeated, "repeated id")
        #expect(twice.statistics.mode == .full)
        let back = folder.store()
        Self.expectSame(try Self.build(Self.corpus, over: published, store: back), Self.corpus, "back")
    }

    @Test func aDamagedCacheIsIgnoredWithANote() throws {
        let folder = Folder()
        var documents = Self.corpus
        let first = try Self.build(documents, over: nil, store: folder.store())
        var bytes = try [UInt8](Data(contentsOf: folder.cache))
        bytes[bytes.count / 2] ^= 0x20
        try Data(bytes).write(to: folder.cache)
        documents[3] = Self.document(documents[3], text: "改过的正文")
        let store = folder.store()
        let second = try Self.build(documents, over: first, store: store)
        Self.expectSame(second, documents, "damaged")
        #expect(store.statistics.mode == .full)
        #expect(store.note?.contains("已损坏") == true)
        // The build wrote a good cache again.
        documents[4] = Self.document(documents[4], text: "又改过的正文")
        let again = folder.store()
        Self.expectSame(try Self.build(documents, over: second, store: again), documents, "after")
        #expect(again.statistics.mode == .incremental && again.note == nil)
        try Data(bytes.prefix(bytes.count - 10)).write(to: folder.cache)
        let cut = folder.store()
        _ = try Self.build(Self.corpus, over: second, store: cut)
        #expect(cut.note?.contains("已损坏") == true && cut.statistics.mode == .full)
    }

    @Test func aCacheOfAnotherProgramIsIgnoredWithANote() throws {
        let folder = Folder()
        var documents = Self.corpus
        let first = try Self.build(documents, over: nil, store: folder.store(program: "0.9.0 1 2 3"))
        documents[3] = Self.document(documents[3], text: "改过的正文")
        let store = folder.store()
        Self.expectSame(try Self.build(documents, over: first, store: store), documents, "other program")
        #expect(store.statistics.mode == .full)
        #expect(store.note?.contains("另一个版本") == true && store.note?.contains("（0.9.0）") == true)
    }

    @Test func aCacheThatDoesNotDescribeThePublishedIndexIsIgnored() throws {
        let folder = Folder()
        var documents = Self.corpus
        var first = try Self.build(documents, over: nil, store: folder.store())
        // A published shard that is not the one the cache made (a hand edit, a rollback).
        first.keys["search/shards/0.json"] = "another key"
        documents[3] = Self.document(documents[3], text: "改过的正文")
        let store = folder.store()
        Self.expectSame(try Self.build(documents, over: first, store: store), documents, "mismatch")
        #expect(store.statistics.mode == .full && store.note?.contains("不符") == true)
        // Nothing published is known at all.
        let unknown = folder.store()
        _ = try Self.build(documents, over: nil, store: unknown)
        #expect(unknown.statistics.mode == .full && unknown.note?.contains("不符") == true)
    }

    @Test func aCleanBuildDoesNotReadTheCacheButWritesIt() throws {
        let folder = Folder()
        var documents = Self.corpus
        let first = try Self.build(documents, over: nil, store: folder.store())
        documents[3] = Self.document(documents[3], text: "改过的正文")
        let clean = folder.store(reads: false)
        let second = try Self.build(documents, over: first, store: clean)
        #expect(clean.statistics.mode == .full && clean.note == nil)
        documents[5] = Self.document(documents[5], text: "再改")
        let next = folder.store()
        Self.expectSame(try Self.build(documents, over: second, store: next), documents, "after clean")
        #expect(next.statistics.mode == .incremental)
    }

    @Test func shardJSONReadsWhatTheBuilderWrites() throws {
        for page in SearchIndexBuilder.build(Self.corpus, shardCount: 8) where page.path.hasPrefix("search/shards/") {
            let bytes = [UInt8](page.contents)
            let entries = try #require(ShardJSON.entries(bytes[...]))
            let object = try JSONSerialization.jsonObject(with: page.contents) as! [String: String]
            #expect(entries.count == object.count)
            for entry in entries {
                let token = String(decoding: bytes[entry.token], as: UTF8.self)
                #expect(object[token] == String(decoding: bytes[entry.postings], as: UTF8.self))
            }
        }
        #expect(ShardJSON.entries(Array("{}".utf8)[...])?.isEmpty == true)
        #expect(ShardJSON.entries(Array("{\"a\":\"B\"".utf8)[...]) == nil)
    }
}
