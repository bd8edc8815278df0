import Foundation
import Testing

@testable import GongshiKit

@Suite("Search download budget")
struct SearchSizeTests {
    /// A 1000-branch site: 17,000 published documents of 1–3 KB. Prints the figures it checks.
    @Test func typicalQueriesDownloadLessThan300KB() throws {
        let clock = ContinuousClock()
        var started = clock.now
        let documents = SyntheticCorpus.documents()
        let generated = clock.now - started
        started = clock.now
        let pages = SearchIndexBuilder.build(documents)
        let built = clock.now - started
        let search = try ReferenceSearch(pages)
        let shardSizes = pages.filter { $0.path.hasPrefix("search/shards/") }.map(\.contents.count)
        let documentSizes = pages.filter { $0.path.hasPrefix("search/docs/") }.map(\.contents.count)
        let kb = { (bytes: Int) in String(format: "%.1f KB", Double(bytes) / 1024) }
        print(
            """
            search index: \(documents.count) documents, \(documents.map(\.text.utf8.count).reduce(0, +) / documents.count) bytes of text each \
            on average; corpus generated in \(generated), index built in \(built)
            search index: \(pages.count) files, \(kb(pages.map(\.contents.count).reduce(0, +))) in all; meta \
            \(kb(search.files[SearchIndexLayout.metaPath]!.count)), facets \(kb(search.files[SearchIndexLayout.facetsPath]!.count)); \
            \(shardSizes.count) shards of \(kb(shardSizes.reduce(0, +) / shardSizes.count)) on average, largest \(kb(shardSizes.max()!)); \
            \(documentSizes.count) document files of \(kb(documentSizes.reduce(0, +) / documentSizes.count)) on average, \
            largest \(kb(documentSizes.max()!))
            """)
        var downloads: [String: Int] = [:]
        let queries = ["党费", "环境卫生", "党员", "党", "卫生", "王芳", "王芳书记", "王芳 书记", "电梯加装", "党员 服务群众", "书记王建国"]
        for query in queries {
            let page = try search.page(query)
            downloads[query] = page.bytes
            print(
                "search query 「\(query)」: \(page.total) results, downloads \(kb(page.bytes)) (\(search.shards(for: query).count) shards + "
                    + "\(search.documentFiles(page.hits.map(\.doc)).count) document files for \(page.hits.count) documents)"
            )
        }
        let filtered = try search.page("党费", filter: .init(kind: "公开", year: 2026))
        print("search query 「党费」 公开 2026: \(filtered.total) results, downloads \(kb(filtered.bytes)) (with facets)")
        // Bound for every query of one or two characters (one token): meta, the largest shard, the 20 largest document
        // files (20 hits in 20 different files).
        let worst = search.files[SearchIndexLayout.metaPath]!.count + shardSizes.max()! + documentSizes.sorted(by: >).prefix(20).reduce(0, +)
        print("search: any one- or two-character query downloads at most \(kb(worst))")
        #expect(worst < 300 * 1024)
        #expect(documentSizes.count == (documents.count + 1) / 2, "two documents a file")
        for query in queries { #expect(downloads[query]! < 300 * 1024, "\(query)") }
        #expect(filtered.bytes < 300 * 1024)
        #expect(try search.page("党费").total > 1000)
        // Names are indexed: a secretary's name with 书记, written together or apart, finds organisations.
        let named = try search.hits("书记王建国").map { try search.document($0.doc) }
        #expect(named.contains { $0.kind == "支部" && $0.text.contains("书记 王建国") })
    }
}
