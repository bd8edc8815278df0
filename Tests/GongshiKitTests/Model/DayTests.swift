import Testing

@testable import GongshiKit

@Suite("Day")
struct DayTests {
    @Test("parses a well-formed date into its parts")
    func parsesParts() throws {
        let day = try #require(Day("2026-03-05"))
        #expect(day.year == 2026)
        #expect(day.month == 3)
        #expect(day.day == 5)
        #expect(day.description == "2026-03-05")
    }

    @Test(
        "leap years: divisible by 4, except centuries not divisible by 400",
        arguments: [
            ("2024-02-29", true), ("2026-02-29", false), ("2000-02-29", true), ("1900-02-29", false),
            ("2100-02-29", false), ("2400-02-29", true), ("2026-02-28", true), ("2024-02-30", false),
        ])
    func leapYears(_ text: String, _ valid: Bool) {
        #expect((Day(text) != nil) == valid)
    }

    @Test(
        "month lengths",
        arguments: [
            ("2026-01-31", true), ("2026-03-31", true), ("2026-04-31", false), ("2026-04-30", true),
            ("2026-06-31", false), ("2026-09-31", false), ("2026-11-31", false), ("2026-12-31", true),
            ("2026-07-31", true), ("2026-08-31", true), ("2026-10-31", true), ("2026-05-32", false),
        ])
    func monthLengths(_ text: String, _ valid: Bool) {
        #expect((Day(text) != nil) == valid)
    }

    @Test(
        "rejects every other format",
        arguments: [
            "2026/03/05", "2026-3-5", "2026-03-5", "26-03-05", "20260305", "2026-03-05T00:00", " 2026-03-05",
            "2026-03-05 ", "2026-00-10", "2026-13-01", "2026-01-00", "0000-01-01", "2026--03-05", "-2026-03-05",
            "２０２６-03-05", "2026-0a-05", "+026-03-05", "", "2026年3月5日", "2026-03",
        ])
    func rejectsWrongFormats(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test("the memberwise initialiser checks the calendar too")
    func memberwise() {
        #expect(Day(year: 2026, month: 2, day: 29) == nil)
        #expect(Day(year: 2026, month: 0, day: 1) == nil)
        #expect(Day(year: 0, month: 1, day: 1) == nil)
        #expect(Day(year: 10000, month: 1, day: 1) == nil)
        #expect(Day(year: 2024, month: 2, day: 29) == Day("2024-02-29"))
    }

    @Test("ordering is by year, then month, then day")
    func ordering() throws {
        let texts = ["2026-11-21", "2025-12-31", "2026-01-01", "2026-11-02", "2026-02-28", "2026-11-20"]
        let days = try texts.map { try #require(Day($0)) }
        #expect(days.sorted().map(\.description) == ["2025-12-31", "2026-01-01", "2026-02-28", "2026-11-02", "2026-11-20", "2026-11-21"])
        #expect(Day("2026-01-31")! < Day("2026-02-01")!)
        #expect(Day("2025-12-31")! < Day("2026-01-01")!)
        #expect(!(Day("2026-11-21")! < Day("2026-11-21")!))
        #expect(Day("2026-11-21")! <= Day("2026-11-21")!)
        #expect(Day("2026-11-21") == Day(year: 2026, month: 11, day: 21))
        #expect(Set([Day("2026-11-21")!, Day(year: 2026, month: 11, day: 21)!]).count == 1)
    }

    @Test("ordinal counts days from 1970-01-01")
    func ordinal() {
        #expect(Day("1970-01-01")!.ordinal == 0)
        #expect(Day("1970-01-02")!.ordinal == 1)
        #expect(Day("1969-12-31")!.ordinal == -1)
        #expect(Day("2000-03-01")!.ordinal == 11017)
        #expect(Day("2026-11-21")!.ordinal - Day("2026-01-01")!.ordinal == 324)
        #expect(Day("2025-01-01")!.ordinal - Day("2024-01-01")!.ordinal == 366)
    }

    @Test(
        "weekday of known dates, ISO 1 = Monday … 7 = Sunday",
        arguments: [
            ("2026-11-21", 6),  // Saturday
            ("2026-11-22", 7),  // Sunday
            ("2026-11-23", 1),  // Monday
            ("1970-01-01", 4),  // Thursday
            ("1969-12-31", 3),  // Wednesday
            ("2000-01-01", 6),  // Saturday
            ("2024-02-29", 4),  // Thursday
            ("1949-10-01", 6),  // Saturday
            ("2026-01-01", 4),  // Thursday
        ])
    func weekday(_ text: String, _ weekday: Int) {
        #expect(Day(text)?.weekday == weekday)
    }

    @Test("monthKey is YYYY-MM")
    func monthKey() {
        #expect(Day("2026-03-05")?.monthKey == "2026-03")
        #expect(Day("2026-11-21")?.monthKey == "2026-11")
        #expect(Day("2026-12-31")?.monthKey == "2026-12")
    }

    @Test("chinese format has no leading zeros")
    func chinese() {
        #expect(Day("2026-03-05")?.chinese == "2026年3月5日")
        #expect(Day("2026-11-21")?.chinese == "2026年11月21日")
        #expect(Day("2026-10-01")?.chinese == "2026年10月1日")
    }

    @Test("description zero-pads month and day and round-trips")
    func descriptionRoundTrips() {
        for text in ["2026-01-09", "2026-10-10", "1949-10-01", "9999-12-31"] {
            #expect(Day(text)?.description == text)
        }
    }

    @Test(
        "description zero-pads a year below 1000")
    func descriptionPadsYear() {
        #expect(Day("0999-01-01")?.description == "0999-01-01")
        #expect(Day("0999-01-01")?.monthKey == "0999-01")
    }
}
