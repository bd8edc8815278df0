import Foundation
import Testing

@testable import GongshiKit

/// A cell a spreadsheet would read as a formula gets a leading `'` (OWASP "CSV injection"), in every CSV.
@Suite("CSV formula injection")
struct CSVFormulaTests {
    @Test func formulaCellsArePrefixed() {
        let cells = ["=1+1", "+86 138", "-2", "@SUM(A1)", "\tx", "\rx", "\r\nx", "=HYPERLINK(\"http://x\",\"点\")"]
        let csv = String(decoding: OpenData.csv([cells]).dropFirst(3), as: UTF8.self)
        #expect(
            csv == "'=1+1,'+86 138,'-2,'@SUM(A1),'\tx,\"'\rx\",\"'\r\nx\",\"'=HYPERLINK(\"\"http://x\"\",\"\"点\"\")\"\r\n")
        // Ordinary text and numbers are left alone, including a dash inside and the 「—」 of an empty figure.
        #expect(String(decoding: OpenData.csv([["a-b", "12", "0.5", "—", "书记 =", ""]]).dropFirst(3), as: UTF8.self) == "a-b,12,0.5,—,书记 =,\r\n")
    }

    @Test func publishedRecordsAndStatisticsTablesAreProtected() throws {
        let site = try BuildEndToEndTests.smallSite()
        try site.write("content/disclosures/d1.md", Sample.disclosure("d1", title: "=HYPERLINK(\"http://evil\")", category: "党费管理"))
        try site.write("content/branches/b.md", Sample.branch("b", parent: "a", field: "农村").replacingOccurrences(of: "name: b党支部", with: "name: \"@b党支部\""))
        _ = try site.build()
        let disclosures = try site.page("data/disclosures.csv")
        #expect(disclosures.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""))
        #expect(!disclosures.contains(",=HYPERLINK"))
        #expect(try site.page("data/branches.csv").contains(",'@b党支部,"))
        #expect(try site.page("stats/fulfilment-by-branch.csv").contains("'@b党支部"))
    }
}
