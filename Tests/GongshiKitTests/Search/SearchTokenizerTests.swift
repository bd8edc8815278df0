import Testing

@testable import GongshiKit

@Suite("Search tokenizer")
struct SearchTokenizerTests {
    @Test func indexesEveryCharacterAndAdjacentPair() {
        #expect(Set(SearchTokenizer.tokens("党费收缴")) == ["党", "费", "收", "缴", "党费", "费收", "收缴"])
        #expect(SearchTokenizer.tokens("党费党费") == ["党", "费", "党费", "费党"])
    }

    @Test func punctuationAndSpacesEndARun() {
        #expect(Set(SearchTokenizer.tokens("党费，收缴！")) == ["党", "费", "收", "缴", "党费", "收缴"])
        #expect(SearchTokenizer.runs("党、费 收\n缴") == ["党", "费", "收", "缴"])
        #expect(SearchTokenizer.tokens("——（）《》“”…").isEmpty)
    }

    @Test func mixesLowerCasedASCIIWithIdeographs() {
        #expect(
            Set(SearchTokenizer.tokens("2026年Q3党费"))
                == ["2", "0", "6", "年", "q", "3", "党", "费", "20", "02", "26", "6年", "年q", "q3", "3党", "党费"])
        #expect(SearchTokenizer.runs("Hello, 世界 foo-bar") == ["hello", "世界", "foo", "bar"])
    }

    @Test func foldsFullWidthAndKeepsRareIdeographs() {
        #expect(SearchTokenizer.runs("ＡＢｃ１２") == ["abc12"])
        #expect(SearchTokenizer.runs("二〇二六年") == ["二〇二六年"])
        #expect(SearchTokenizer.runs("𠀀㐀﨑") == ["𠀀㐀﨑"])
        // Other scripts separate runs: the index is for Chinese text with Latin letters and digits.
        #expect(SearchTokenizer.runs("café の 한") == ["caf"])
    }

    @Test func queriesLookUpTheUnigramOrEveryBigram() {
        #expect(SearchTokenizer.queryTokens("党") == ["党"])
        #expect(SearchTokenizer.queryTokens("党费") == ["党费"])
        #expect(SearchTokenizer.queryTokens("环境卫生") == ["环境", "境卫", "卫生"])
        #expect(SearchTokenizer.queryTokens(" 党费，党 党费 ") == ["党", "党费"])
        #expect(SearchTokenizer.queryTokens("，。 ").isEmpty)
    }

    @Test func queriesSplitOnASCIIAndIdeographicSpaces() {
        #expect(SearchTokenizer.queryTerms("王芳 书记") == ["王芳", "书记"])
        #expect(SearchTokenizer.queryTerms("王芳\u{3000}书记") == ["王芳", "书记"])
        #expect(SearchTokenizer.queryTokens("王芳\u{3000}书记") == ["王芳", "书记"])
        #expect(SearchTokenizer.queryTokens("王芳书记") == ["王芳", "芳书", "书记"])
        // Only the first 64 characters are searched, as in search.js.
        #expect(SearchTokenizer.queryTerms(String(repeating: "党", count: 64) + " 费") == [String(repeating: "党", count: 64)])
    }

    @Test func aTermIsCoveredByItsBigramsInAnyOrder() {
        let held = { (tokens: Set<String>) in { (token: String) in tokens.contains(token) } }
        #expect(SearchTokenizer.covers("王芳书记", held: held(["王芳", "书记"])))
        #expect(SearchTokenizer.covers("电梯加装", held: held(["加装", "电梯"])))
        #expect(SearchTokenizer.covers("王建国书记", held: held(["王建", "建国", "书记"])))
        #expect(!SearchTokenizer.covers("王建国书记", held: held(["王建", "书记"])), "国 is in no held bigram")
        #expect(!SearchTokenizer.covers("王芳书记", held: held(["芳书", "书记"])), "王 is only in 王芳")
        #expect(!SearchTokenizer.covers("王芳", held: held(["王", "芳"])))
        #expect(SearchTokenizer.covers("王", held: held(["王"])) && !SearchTokenizer.covers("王", held: held([])))
    }
}
