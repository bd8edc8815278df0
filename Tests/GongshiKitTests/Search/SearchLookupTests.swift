import Testing

@testable import GongshiKit

@Suite("Search lookup over the built index")
struct SearchLookupTests {
    let search = try! ReferenceSearch(SearchIndexBuilder.build(SearchFixtures.corpus))

    func ids(_ page: ReferenceSearch.Page) -> [String] { page.documents.map { $0.url.split(separator: "/")[1].description } }

    @Test func twoCharactersFindTheWordInsideLongerWords() throws {
        // d6 writes the two characters apart (「党、费用说明」): a two-character term needs its bigram.
        #expect(ids(try search.page("党费")) == ["d1", "d2", "d7"])
        #expect(try search.hits("党费").map(\.title) == [true, false, false])
        #expect(try search.hits("党费").map(\.phrase) == [true, true, true])
    }

    @Test func bigramsCoveringEveryCharacterMatchAndPhrasesRankFirst() throws {
        // d3 and d5 hold the phrase; d4 holds 环境 and 卫生 apart (in its title), d8 all three bigrams apart: both
        // found, after the phrases once the page's texts are read.
        #expect(try search.hits("环境卫生").count == 4)
        #expect(ids(try search.page("环境卫生")) == ["d5", "d3", "d4", "d8"])
        #expect(try search.page("环境卫生").hits.map(\.phrase) == [true, true, false, false])
        // Two terms: both anywhere; d4 and d5 hold both in the title.
        #expect(ids(try search.page("环境 卫生")) == ["d4", "d5", "d8", "d3"])
    }

    @Test func wordsInAnotherOrderOrRunTogetherAreFound() throws {
        let documents = [
            SearchFixtures.document("lift", title: "小区改造进展", text: "老旧楼栋加装电梯意愿征集已完成。", date: "2026-03-01"),
            SearchFixtures.document("lift2", title: "电梯维修", text: "加固楼道扶手，安装照明。", date: "2026-05-01"),
            SearchFixtures.document("wang", "支部", title: "金桥社区党支部", text: "书记 王芳\n支部委员会由五人组成。", date: "2020-01-01"),
            SearchFixtures.document("phrase", title: "王芳书记走访居民", text: "入户走访。", date: "2026-01-01"),
            SearchFixtures.document("other", title: "书记讲党课", text: "由王明主讲，芳草社区参加。", date: "2026-06-01"),
        ]
        let search = try ReferenceSearch(SearchIndexBuilder.build(documents))
        func ids(_ query: String) throws -> [String] { try search.page(query).documents.map { $0.url.split(separator: "/")[1].description } }
        // 「电梯加装」 finds 加装电梯; lift2 holds 电梯 but 加 and 装 only apart.
        #expect(try ids("电梯加装") == ["lift"])
        // The phrase first, then the organisation whose secretary is 王芳 (王芳 and 书记 cover all four characters);
        // 「other」 holds the four characters only in 王明, 芳草 and 书记: no bigram holds 王 or 芳.
        #expect(try ids("王芳书记") == ["phrase", "wang"])
        #expect(try ids("王芳 书记") == ["phrase", "wang"])
        #expect(try ids("王芳\u{3000}书记") == ["phrase", "wang"])
        // 书记王芳 as a whole is nowhere (记王 is not held): the title hit first.
        #expect(try ids("书记王芳") == ["phrase", "wang"])
        #expect(try search.hits("书记王芳").map(\.phrase) == [false, false])
        #expect(try ids("王芳") == ["phrase", "wang"])
        #expect(try ids("书记") == ["other", "phrase", "wang"])
        #expect(try ids("王芳书记刘") == [])
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
        #expect(ids(try search.page("q3 党费")) == ["d7"])
        #expect(try search.hits("，").isEmpty && search.hits("不存在的词").isEmpty)
    }

    @Test func filtersByKindBranchAndYear() throws {
        #expect(ids(try search.page("党费", filter: .init(kind: "支部"))) == ["d7"])
        #expect(ids(try search.page("党费", filter: .init(branchID: "b"))) == ["d2"])
        #expect(ids(try search.page("环境卫生", filter: .init(year: 2025))) == ["d5"])
        #expect(ids(try search.page("党费", filter: .init(branchID: "a"))) == ["d1", "d7"])
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
