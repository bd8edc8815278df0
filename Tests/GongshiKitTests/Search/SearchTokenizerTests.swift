import Foundation
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

    /// The builder's fast path reads UTF-8 bytes itself: it must give the keys `fold` gives over the scalars, for
    /// one-, two-, three- and four-byte characters, at each edge of every kept range and just outside it.
    @Test func theBuildersKeysAreTheFoldedScalarsAndTheirPairs() {
        let edges: [UInt32] = [
            0x00, 0x09, 0x20, 0x2F, 0x30, 0x39, 0x3A, 0x40, 0x41, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7B, 0x7F, 0x80, 0xA0, 0xE9,
            0x7FF, 0x800, 0x3000, 0x3006, 0x3007, 0x3008, 0x33FF, 0x3400, 0x4DBF, 0x4DC0, 0x4DFF, 0x4E00, 0x9FFF, 0xA000,
            0xD7FF, 0xE000, 0xF8FF, 0xF900, 0xFAFF, 0xFB00, 0xFF0F, 0xFF10, 0xFF19, 0xFF1A, 0xFF20, 0xFF21, 0xFF3A, 0xFF3B,
            0xFF40, 0xFF41, 0xFF5A, 0xFF5B, 0xFFFF, 0x10000, 0x1F600, 0x1FFFF, 0x20000, 0x2A6DF, 0x3134F, 0x31350, 0x10FFFF,
        ]
        var generator = SyntheticCorpus.Random(seed: 3)
        for _ in 0..<200 {
            let scalars = (0..<Int.random(in: 0...40, using: &generator)).compactMap { _ in
                Unicode.Scalar(edges[Int.random(in: 0..<edges.count, using: &generator)])
            }
            let text = String(String.UnicodeScalarView(scalars))
            var expected: [UInt64] = []
            var previous: UInt64? = nil
            for scalar in text.unicodeScalars {
                guard let kept = SearchTokenizer.fold(scalar) else {
                    previous = nil
                    continue
                }
                expected.append(UInt64(kept.value))
                if let previous { expected.append(SearchTokenizer.bigramFlag | previous << 21 | UInt64(kept.value)) }
                previous = UInt64(kept.value)
            }
            var keys: [UInt64] = []
            SearchTokenizer.forEachKey(in: text) { keys.append($0) }
            #expect(keys == expected, "\(scalars.map { String($0.value, radix: 16) })")
        }
        // A bridged (non-native) string takes the same path.
        var keys: [UInt64] = []
        SearchTokenizer.forEachKey(in: String(NSString(string: "Ａ党𠀀"))) { keys.append($0) }
        #expect(keys == [0x61, 0x515A, SearchTokenizer.bigramFlag | 0x61 << 21 | 0x515A, 0x20000, SearchTokenizer.bigramFlag | 0x515A << 21 | 0x20000])
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
