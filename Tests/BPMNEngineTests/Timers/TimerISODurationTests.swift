import Foundation
import XCTest
@testable import BPMNEngine

/// ISO 8601 durations as Camunda's DurationHelper (javax.xml Duration) and DueDateBusinessCalendar (Joda) read them.
final class TimerISODurationTests: XCTestCase {
    private typealias D = TimerTestDates

    private func add(_ text: String, to date: Date, flavor: ISODuration.Flavor = .xmlSchema,
                     zone: TimeZone = TimerTestDates.utcZone) throws -> Date {
        try ISODuration.parse(text, flavor: flavor).adding(to: date, timeZone: zone)
    }

    func testParsesEveryUnitWithoutNormalising() throws {
        let d = try ISODuration.parse("P1Y2M3DT4H70M5.25S")
        XCTAssertEqual(d, ISODuration(years: 1, months: 2, days: 3, hours: 4, minutes: 70, seconds: 5, milliseconds: 250))
        XCTAssertEqual(d.description, "P1Y2M3DT4H70M5.250S")
    }

    // DurationHelperTest.shouldParseAllSupportedISO8601DurationPatterns
    func testAllUnitsFromTheEpochAsInCamundasTest() throws {
        XCTAssertEqual(try add("P1Y5M21DT19H47M55S", to: D.date(1970, 1, 1)), D.date(1971, 6, 22, 19, 47, 55))
        XCTAssertEqual(try add("P2W", to: D.date(1970, 1, 1)), D.date(1970, 1, 15))
    }

    // DurationHelperTest.shouldParseP4W / P5W / P22W
    func testWeeksFromTheEpochAsInCamundasTests() throws {
        XCTAssertEqual(try add("P4W", to: D.date(1970, 1, 1)), D.date(1970, 1, 29))
        XCTAssertEqual(try add("P5W", to: D.date(1970, 1, 1)), D.date(1970, 2, 5))
        XCTAssertEqual(try add("P22W", to: D.date(1970, 1, 1)), D.date(1970, 6, 4))
    }

    /// Camunda turns PnW into milliseconds and back into an xml Duration measured from 1970-01-01, so P5W is
    /// "1 month 4 days": from 1 February 2025 that is 5 March, not 8 March.
    func testWeeksLongerThanJanuaryBecomeMonthsAndDaysLikeCamunda() throws {
        XCTAssertEqual(try ISODuration.parse("P5W"), ISODuration(months: 1, days: 4))
        XCTAssertEqual(try add("P5W", to: D.date(2025, 2, 1)), D.date(2025, 3, 5))
        XCTAssertEqual(try add("P4W", to: D.date(2025, 2, 1)), D.date(2025, 3, 1))
    }

    func testJodaPeriodsTakeWeeksAsSevenCalendarDays() throws {
        XCTAssertEqual(try add("P5W", to: D.date(2025, 2, 1), flavor: .jodaPeriod), D.date(2025, 3, 8))
        XCTAssertEqual(try add("P1W2D", to: D.date(2025, 2, 1), flavor: .jodaPeriod), D.date(2025, 2, 10))
        XCTAssertEqual(try add("PT1,5S", to: D.date(2025, 2, 1), flavor: .jodaPeriod), D.date(2025, 2, 1, 0, 0, 1, ms: 500))
    }

    // CycleBusinessCalendarTest.testSimpleDuration: minutes above 59 are kept and added as elapsed time.
    func testSeventyMinutesAreAnHourAndTen() throws {
        XCTAssertEqual(try add("P2DT5H70M", to: D.date(2010, 6, 11, 17, 23)), D.date(2010, 6, 13, 23, 33))
    }

    func testMonthsClampToTheLastDayOfShorterMonths() throws {
        XCTAssertEqual(try add("P1M", to: D.date(2025, 1, 31, 9, 0)), D.date(2025, 2, 28, 9, 0))
        XCTAssertEqual(try add("P1M", to: D.date(2024, 1, 31)), D.date(2024, 2, 29))
        XCTAssertEqual(try add("P3M", to: D.date(2025, 1, 31)), D.date(2025, 4, 30))
        // Months before days, as Duration.addTo does: 31 Jan + 1 month = 28 Feb, + 1 day = 1 Mar.
        XCTAssertEqual(try add("P1M1D", to: D.date(2025, 1, 31)), D.date(2025, 3, 1))
    }

    func testYearsFromALeapDay() throws {
        XCTAssertEqual(try add("P1Y", to: D.date(2024, 2, 29)), D.date(2025, 2, 28))
        XCTAssertEqual(try add("P4Y", to: D.date(2024, 2, 29)), D.date(2028, 2, 29))
        XCTAssertEqual(try add("P1D", to: D.date(2024, 2, 28)), D.date(2024, 2, 29))
        XCTAssertEqual(try add("P1D", to: D.date(2025, 2, 28)), D.date(2025, 3, 1))
    }

    func testFractionalSecondsKeepMilliseconds() throws {
        XCTAssertEqual(try add("PT1.5S", to: D.date(2025, 1, 1)), D.date(2025, 1, 1, 0, 0, 1, ms: 500))
        XCTAssertEqual(try add("PT0.0019S", to: D.date(2025, 1, 1)), D.date(2025, 1, 1, 0, 0, 0, ms: 1))
        XCTAssertEqual(try add("PT0S", to: D.date(2025, 1, 1)), D.date(2025, 1, 1))
    }

    /// Days follow the wall clock of the zone; hours are elapsed time (Calendar.add(DAY_OF_MONTH) vs HOUR).
    func testDaysKeepWallClockAcrossDaylightSavingHoursDoNot() throws {
        let beforeSwitch = D.date(2025, 3, 29, 12, 0, in: D.berlin)
        XCTAssertEqual(try add("P1D", to: beforeSwitch, zone: D.berlin), D.date(2025, 3, 30, 12, 0, in: D.berlin))
        XCTAssertEqual(try add("PT24H", to: beforeSwitch, zone: D.berlin), D.date(2025, 3, 30, 13, 0, in: D.berlin))
    }

    func testSurroundingWhitespaceIsIgnored() throws {
        XCTAssertEqual(try ISODuration.parse("  PT5M\n"), ISODuration(minutes: 5))
    }

    func testMistakesAreExplainedWithAnExample() {
        assertTimerError({ _ = try ISODuration.parse("") }, mentions: ["empty", "PT30M"])
        assertTimerError({ _ = try ISODuration.parse("10M") }, mentions: ["start with P", "PT30M"])
        assertTimerError({ _ = try ISODuration.parse("-PT5M") }, mentions: ["negative"])
        assertTimerError({ _ = try ISODuration.parse("pt5m") }, mentions: ["upper case"])
        assertTimerError({ _ = try ISODuration.parse("P") }, mentions: ["no value"])
        assertTimerError({ _ = try ISODuration.parse("PT") }, mentions: ["T must be followed"])
        assertTimerError({ _ = try ISODuration.parse("P5H") }, mentions: ["after T", "PT5H"])
        assertTimerError({ _ = try ISODuration.parse("PT1D") }, mentions: ["before T"])
        assertTimerError({ _ = try ISODuration.parse("PT5X") }, mentions: ["'X' is not a duration unit"])
        assertTimerError({ _ = try ISODuration.parse("PT5") }, mentions: ["no unit"])
        assertTimerError({ _ = try ISODuration.parse("P1M1Y") }, mentions: ["order"])
        assertTimerError({ _ = try ISODuration.parse("PT5M5M") }, mentions: ["once each"])
        assertTimerError({ _ = try ISODuration.parse("PT1.5H") }, mentions: ["only seconds", "PT90M"])
        assertTimerError({ _ = try ISODuration.parse("PT1,5S") }, mentions: ["point"])
        assertTimerError({ _ = try ISODuration.parse("P99999999999D") }, mentions: ["too large"])
    }

    func testWeeksMixedWithOtherUnitsAreRejectedLikeCamundasDurationHelper() {
        assertTimerError({ _ = try ISODuration.parse("P1W2D") }, mentions: ["weeks", "P9D"])
    }
}
