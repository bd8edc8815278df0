import Testing

@testable import GongshiKit

@Suite("Search lookup over the built index")
struct SearchLookupTests {
    let search = try! ReferenceSearch(SearchIndexBuilder.build(SearchFixtures.corpus))

    func ids(_ page: ReferenceSearch.Page) -> [String] { page.documents.map { $0.url.split(separator: "/")[1].description } }

    @Test func twoCharactersFindTheWordInsideLongerWords() throws {
        #expect(ids(try search.page("党费")) == ["d1", "d2", "d7"])
        #expect(try search.hits("党费").map(\.title) == [true, false, false])
    }

    @Test func fourCharactersNeedEveryBigramAndTheWholePhrase() throws {
        // d8 holds 环境, 境卫 and 卫生 apart: a candidate of the postings that the document text rules out.
        #expect(try search.hits("环境卫生").count == 3)
        #expect(ids(try search.page("环境卫生")) == ["d5", "d3"])
        // Two terms: both anywhere; d4 and d5 hold both in the title.
        #expect(ids(try search.page("环境 卫生")) == ["d4", "d5", "d8", "d3"])
    }

    @Test func titleHitsOutrankNewerBodyHits() throws {
        // d5 (2025, title) before d3 (2026, body); among body hits the newer first.
        let page = try search.page("环境卫生")
        #expect(page.documents.map(\.date) == ["2025-06-01", "2026-02-01"])
        #expect(page.hits.map(\.title) == [true, false])
    }

    @Test func sameDateRanksByTitle() throws {
        let documents = ["乙", "甲", "丙"].map { SearchFixtures.document($0, title: "\($0)通知", text: "党费", date: "2026-01-01") }
        let search = try ReferenceSearch(SearchIndexBuilder.build(documents))
        #expect(try search.page("党费").documents.map(\.title) == ["丙通知", "乙通知", "甲通知"].sorted())
    }

    @Test func singleCharactersAndLatinQueries() throws {
        #expect(try search.hits("垃").count == 1)
        #expect(ids(try search.page("Q3")) == ["d7"])
        #expect(ids(try search.page("ｑ３党费")) == ["d7"])
        #expect(try search.hits("，").isEmpty && search.hits("不存在的词").isEmpty)
    }

    @Test func filtersByKindBranchAndYear() throws {
        #expect(ids(try search.page("党费", filter: .init(kind: "支部"))) == ["d7"])
        #expect(ids(try search.page("党费", filter: .init(branchID: "b"))) == ["d2"])
        #expect(ids(try search.page("环境卫生", filter: .init(year: 2025))) == ["d5"])
        #expect(ids(try search.page("环境卫生", filter: .init(kind: "典型", year: 2026))).isEmpty)
    }

    @Test func resultsDoNotDependOnTheShardCount() throws {
        for count in [2, 7, 64] {
            let sharded = try ReferenceSearch(SearchIndexBuilder.build(SearchFixtures.corpus, shardCount: count))
            for query in ["党费", "环境卫生", "党", "q3", "卫生 环境"] {
                #expect(try sharded.hits(query) == search.hits(query), "\(query) with \(count) shards")
            }
        }
    }
}
