import Foundation
import XCTest
@testable import BPMNEngine

/// Camunda's cron timeCycle: Quartz CronExpression (Camunda ≤ 7.23) and cron-utils Spring 5.3 (Camunda 7.24).
final class TimerCronExpressionTests: XCTestCase {
    private typealias D = TimerTestDates

    private func next(_ text: String, after date: Date, dialect: CronDialect = .quartz,
                      zone: TimeZone = TimerTestDates.utcZone) throws -> Date? {
        try CronExpression(text, dialect: dialect).nextFire(after: date, timeZone: zone)
    }

    private func fires(_ text: String, after date: Date, count: Int, dialect: CronDialect = .quartz) throws -> [Date] {
        let cron = try CronExpression(text, dialect: dialect)
        var result: [Date] = []
        var from = date
        while result.count < count, let n = cron.nextFire(after: from) {
            result.append(n)
            from = n
        }
        return result
    }

    // CycleBusinessCalendarTest.testSimpleCron (Camunda ≤ 7.23)
    func testFirstOfTheMonth() throws {
        XCTAssertEqual(try next("0 0 0 1 * ?", after: D.date(2011, 3, 11, 17, 23)), D.date(2011, 4, 1))
    }

    func testEveryFiveMinutes() throws {
        XCTAssertEqual(try fires("0 0/5 * * * ?", after: D.date(2025, 3, 1, 10, 2, 30), count: 3),
                       [D.date(2025, 3, 1, 10, 5), D.date(2025, 3, 1, 10, 10), D.date(2025, 3, 1, 10, 15)])
        // Across midnight and a month end.
        XCTAssertEqual(try next("0 0/5 * * * ?", after: D.date(2025, 2, 28, 23, 58)), D.date(2025, 3, 1, 0, 0))
    }

    func testNextIsStrictlyAfterAndOnWholeSeconds() throws {
        XCTAssertEqual(try next("0 0 12 * * ?", after: D.date(2025, 3, 1, 12)), D.date(2025, 3, 2, 12))
        XCTAssertEqual(try next("0 0 12 * * ?", after: D.date(2025, 3, 1, 11, 59, 59, ms: 500)), D.date(2025, 3, 1, 12))
        XCTAssertEqual(try next("* * * * * ?", after: D.date(2025, 3, 1, 12, 0, 0, ms: 999)), D.date(2025, 3, 1, 12, 0, 1))
    }

    func testWeekdaysAtNoon() throws {
        // Friday 7 March 2025 13:00 -> Monday 10 March.
        XCTAssertEqual(try next("0 0 12 ? * MON-FRI", after: D.date(2025, 3, 7, 13)), D.date(2025, 3, 10, 12))
        XCTAssertEqual(try next("0 0 12 ? * MON-FRI", after: D.date(2025, 3, 7, 11)), D.date(2025, 3, 7, 12))
        XCTAssertEqual(try next("0 0 12 ? * mon-fri", after: D.date(2025, 3, 8)), D.date(2025, 3, 10, 12))
    }

    // CycleBusinessCalendarTest.testResolveDueDate (Camunda 7.24), expressions valid in both dialects.
    func testCamundaResolveDueDateExpectations() throws {
        let start = D.date(2010, 2, 11, 17, 23)
        for dialect in CronDialect.allCases {
            XCTAssertEqual(try next("0 0 * * * ?", after: start, dialect: dialect), D.date(2010, 2, 11, 18))
            XCTAssertEqual(try next("*/10 * * * 2 ?", after: start, dialect: dialect), D.date(2010, 2, 11, 17, 23, 10))
            XCTAssertEqual(try next("0 0 8-10 * * ?", after: start, dialect: dialect), D.date(2010, 2, 12, 8))
            XCTAssertEqual(try next("0 0/30 8-10 * * ?", after: start, dialect: dialect), D.date(2010, 2, 12, 8))
            XCTAssertEqual(try next("0 0 9-17 * * ?", after: start, dialect: dialect), D.date(2010, 2, 12, 9))
            XCTAssertEqual(try next("0 0 0 25 12 ?", after: start, dialect: dialect), D.date(2010, 12, 25))
            XCTAssertEqual(try next("0 0 0 L 12 ?", after: start, dialect: dialect), D.date(2010, 12, 31))
            XCTAssertEqual(try next("0 0 6,19 * * ?", after: start, dialect: dialect), D.date(2010, 2, 11, 19))
        }
    }

    // CycleBusinessCalendarTest.testSpecialCharactersResolveDueDate (Camunda 7.24, Spring 5.3 syntax).
    func testCamundaSpecialCharacterExpectationsInSpringSyntax() throws {
        let start = D.date(2010, 2, 11, 17, 23)
        func spring(_ text: String) throws -> Date? { try next(text, after: start, dialect: .spring53) }
        XCTAssertEqual(try spring("0 0 0 * * THUL"), D.date(2010, 2, 25))
        XCTAssertEqual(try spring("0 0 0 1W * *"), D.date(2010, 3, 1))
        XCTAssertEqual(try spring("0 0 0 ? * 5#2"), D.date(2010, 2, 12))
        XCTAssertEqual(try spring("@monthly"), D.date(2010, 3, 1))
        XCTAssertEqual(try spring("@annually"), D.date(2011, 1, 1))
        XCTAssertEqual(try spring("@yearly"), D.date(2011, 1, 1))
        XCTAssertEqual(try spring("@weekly"), D.date(2010, 2, 14))
        XCTAssertEqual(try spring("@daily"), D.date(2010, 2, 12))
        XCTAssertEqual(try spring("@midnight"), D.date(2010, 2, 12))
        XCTAssertEqual(try spring("@hourly"), D.date(2010, 2, 11, 18))
        XCTAssertEqual(try spring("0 0 * 1|2 * ?"), D.date(2010, 3, 1))
    }

    /// The same schedules in Quartz syntax: '?' in one day field, 1 = Sunday.
    func testSpecialCharactersInQuartzSyntax() throws {
        let start = D.date(2010, 2, 11, 17, 23)
        XCTAssertEqual(try next("0 0 0 ? * THUL", after: start), D.date(2010, 2, 25))
        XCTAssertEqual(try next("0 0 0 ? * 5L", after: start), D.date(2010, 2, 25))
        XCTAssertEqual(try next("0 0 0 1W * ?", after: start), D.date(2010, 3, 1))
        XCTAssertEqual(try next("0 0 0 ? * 6#2", after: start), D.date(2010, 2, 12))
        XCTAssertEqual(try next("0 0 0 ? * FRI#2", after: start), D.date(2010, 2, 12))
        // Quartz 5 is Thursday: the second Thursday (11 Feb) has passed at 17:23, so 11 March.
        XCTAssertEqual(try next("0 0 0 ? * 5#2", after: start), D.date(2010, 3, 11))
    }

    func testNumericDayOfWeekDiffersBetweenDialects() throws {
        let saturday = D.date(2025, 3, 1)
        XCTAssertEqual(try next("0 0 12 ? * 2", after: saturday, dialect: .quartz), D.date(2025, 3, 3, 12))   // Monday
        XCTAssertEqual(try next("0 0 12 * * 1", after: saturday, dialect: .spring53), D.date(2025, 3, 3, 12)) // Monday
        XCTAssertEqual(try next("0 0 12 ? * 1", after: saturday, dialect: .quartz), D.date(2025, 3, 2, 12))   // Sunday
        XCTAssertEqual(try next("0 0 12 * * 0", after: saturday, dialect: .spring53), D.date(2025, 3, 2, 12)) // Sunday
        XCTAssertEqual(try next("0 0 12 * * 7", after: saturday, dialect: .spring53), D.date(2025, 3, 2, 12)) // Sunday
        XCTAssertEqual(try next("0 0 12 * * 1-5", after: saturday, dialect: .spring53), D.date(2025, 3, 3, 12))
    }

    /// Spring 5.3 (cron-utils) requires a day to satisfy both day fields when both are given.
    func testSpringMatchesBothDayFields() throws {
        // Friday the 13th: June 2025.
        XCTAssertEqual(try next("0 0 0 13 * FRI", after: D.date(2025, 1, 1), dialect: .spring53), D.date(2025, 6, 13))
    }

    // CycleBusinessCalendarTest.testEndOfMonthRelativeExpressions
    func testDaysBeforeTheLastDayOfTheMonth() throws {
        let start = D.date(2025, 2, 14, 12)
        for dialect in CronDialect.allCases {
            XCTAssertEqual(try next("0 37 14 L-22 * ?", after: start, dialect: dialect), D.date(2025, 3, 9, 14, 37))
            XCTAssertEqual(try next("0 23 8 L-2 * ?", after: start, dialect: dialect), D.date(2025, 2, 26, 8, 23))
            XCTAssertEqual(try next("0 37 8 L-1 * ?", after: start, dialect: dialect), D.date(2025, 2, 27, 8, 37))
            XCTAssertEqual(try next("0 0 12 L-15 * ?", after: start, dialect: dialect), D.date(2025, 3, 16, 12))
            XCTAssertEqual(try next("0 0 12 L-27 * ?", after: start, dialect: dialect), D.date(2025, 3, 4, 12))
            // Leap year
            XCTAssertEqual(try next("0 15 10 L-3 2 ?", after: D.date(2000, 2, 26, 10), dialect: dialect), D.date(2000, 2, 26, 10, 15))
            XCTAssertEqual(try next("0 15 10 L-3 2 ?", after: D.date(2000, 2, 27, 10), dialect: dialect), D.date(2001, 2, 25, 10, 15))
        }
    }

    func testLastDayOfFebruaryInLeapAndCommonYears() throws {
        XCTAssertEqual(try fires("0 0 0 L 2 ?", after: D.date(2023, 3, 1), count: 3),
                       [D.date(2024, 2, 29), D.date(2025, 2, 28), D.date(2026, 2, 28)])
        XCTAssertEqual(try next("0 0 0 29 2 ?", after: D.date(2024, 3, 1)), D.date(2028, 2, 29))
    }

    func testNearestWeekday() throws {
        // 15 March 2025 is a Saturday -> Friday 14th.
        XCTAssertEqual(try next("0 0 9 15W * ?", after: D.date(2025, 3, 1)), D.date(2025, 3, 14, 9))
        // 1 March 2025 is a Saturday -> Monday 3rd (W never leaves the month).
        XCTAssertEqual(try next("0 0 9 1W * ?", after: D.date(2025, 2, 20)), D.date(2025, 3, 3, 9))
        // 16 March 2025 is a Sunday -> Monday 17th.
        XCTAssertEqual(try next("0 0 9 16W * ?", after: D.date(2025, 3, 1)), D.date(2025, 3, 17, 9))
        // 31 August 2025 is a Sunday and the last day -> Friday 29th.
        XCTAssertEqual(try next("0 0 9 LW * ?", after: D.date(2025, 8, 1)), D.date(2025, 8, 29, 9))
        // 31 May 2025 is a Saturday -> Friday 30th.
        XCTAssertEqual(try next("0 0 9 LW * ?", after: D.date(2025, 5, 1)), D.date(2025, 5, 30, 9))
    }

    func testNthWeekdaySkipsMonthsWithoutOne() throws {
        // Fifth Friday: 31 Jan 2025, then none until 30 May.
        XCTAssertEqual(try fires("0 0 0 ? * 6#5", after: D.date(2025, 1, 1), count: 2),
                       [D.date(2025, 1, 31), D.date(2025, 5, 30)])
        // First Monday of each month.
        XCTAssertEqual(try fires("0 0 10 ? * MON#1", after: D.date(2025, 3, 1), count: 2),
                       [D.date(2025, 3, 3, 10), D.date(2025, 4, 7, 10)])
    }

    func testLastWeekdayOfTheMonth() throws {
        XCTAssertEqual(try fires("0 0 18 ? * 6L", after: D.date(2025, 1, 1), count: 3),
                       [D.date(2025, 1, 31, 18), D.date(2025, 2, 28, 18), D.date(2025, 3, 28, 18)])
    }

    func testQuartzLoneLInDayOfWeekIsSaturday() throws {
        XCTAssertEqual(try next("0 0 0 ? * L", after: D.date(2025, 3, 3)), D.date(2025, 3, 8))
    }

    func testListsRangesStepsAndWrappingRanges() throws {
        XCTAssertEqual(try fires("0 0 22-2 * * ?", after: D.date(2025, 3, 1, 21), count: 6),
                       [D.date(2025, 3, 1, 22), D.date(2025, 3, 1, 23), D.date(2025, 3, 2, 0),
                        D.date(2025, 3, 2, 1), D.date(2025, 3, 2, 2), D.date(2025, 3, 2, 22)])
        XCTAssertEqual(try fires("0 15/20 9 * * ?", after: D.date(2025, 3, 1), count: 3),
                       [D.date(2025, 3, 1, 9, 15), D.date(2025, 3, 1, 9, 35), D.date(2025, 3, 1, 9, 55)])
        XCTAssertEqual(try fires("0 0 9-17/4 * * ?", after: D.date(2025, 3, 1), count: 4),
                       [D.date(2025, 3, 1, 9), D.date(2025, 3, 1, 13), D.date(2025, 3, 1, 17), D.date(2025, 3, 2, 9)])
        // Saturday 1 March 2025: FRI-MON covers Sat, Sun, Mon, then Friday.
        XCTAssertEqual(try fires("0 0 8 ? * FRI-MON", after: D.date(2025, 2, 28, 9), count: 4),
                       [D.date(2025, 3, 1, 8), D.date(2025, 3, 2, 8), D.date(2025, 3, 3, 8), D.date(2025, 3, 7, 8)])
        XCTAssertEqual(try fires("0 0 0 1 JAN,JUL ?", after: D.date(2025, 3, 1), count: 2),
                       [D.date(2025, 7, 1), D.date(2026, 1, 1)])
    }

    func testQuartzYearField() throws {
        XCTAssertEqual(try next("0 0 12 1 1 ? 2030", after: D.date(2025, 3, 1)), D.date(2030, 1, 1, 12))
        XCTAssertEqual(try next("0 0 12 1 1 ? 2026-2027", after: D.date(2026, 1, 1, 12)), D.date(2027, 1, 1, 12))
        XCTAssertNil(try next("0 0 12 1 1 ? 2020", after: D.date(2025, 3, 1)))
    }

    func testExpressionsThatNeverMatchReturnNil() throws {
        XCTAssertNil(try next("0 0 0 30 2 ?", after: D.date(2025, 3, 1)))
    }

    func testRunsInTheGivenTimeZone() throws {
        XCTAssertEqual(try next("0 0 12 * * ?", after: D.date(2025, 1, 10), zone: D.berlin), D.date(2025, 1, 10, 11))
        XCTAssertEqual(try next("0 0 12 * * ?", after: D.date(2025, 7, 10), zone: D.berlin), D.date(2025, 7, 10, 10))
    }

    func testInvalidExpressionsAreExplained() {
        assertTimerError({ _ = try CronExpression("0 */5 * * *") }, mentions: ["5 fields", "no seconds field", "0 0 */5 * * *"])
        assertTimerError({ _ = try CronExpression("0 0 12 * * MON") }, mentions: ["'?'", "0 0 12 ? * MON"])
        assertTimerError({ _ = try CronExpression("0 0 12 ? * ?") }, mentions: ["cannot both be '?'"])
        assertTimerError({ _ = try CronExpression("0 60 * * * ?") }, mentions: ["60 is out of range for the minute field (0-59)"])
        assertTimerError({ _ = try CronExpression("0 0 24 * * ?") }, mentions: ["hour field (0-23)"])
        assertTimerError({ _ = try CronExpression("0 0 0 32 * ?") }, mentions: ["day-of-month"])
        assertTimerError({ _ = try CronExpression("0 0 0 ? * 8") }, mentions: ["1 = Sunday"])
        assertTimerError({ _ = try CronExpression("0 0 0 ? FOO *") }, mentions: ["\"FOO\" is not a valid month value", "JAN-DEC"])
        assertTimerError({ _ = try CronExpression("0 0 0 ? * FRI#6") }, mentions: ["n-th (1-5)"])
        assertTimerError({ _ = try CronExpression("0 0 0 L,15 * ?") }, mentions: ["'L' and 'W'"])
        assertTimerError({ _ = try CronExpression("0 0/0 * * * ?") }, mentions: ["step", "1 to 60"])
        assertTimerError({ _ = try CronExpression("? 0 0 * * ?") }, mentions: ["only allowed in day-of-month and day-of-week"])
        assertTimerError({ _ = try CronExpression("0 0 0 1 1 ? 2025 *") }, mentions: ["8 fields"])
        assertTimerError({ _ = try CronExpression("0 0 0 1,, * ?") }, mentions: ["empty list item"])
        assertTimerError({ _ = try CronExpression("@daily") }, mentions: ["1 field"])
    }

    // CycleBusinessCalendarTest.testTooManyArgumentExpressions: Spring 5.3 has no year field.
    func testSpringRejectsTheYearField() {
        assertTimerError({ _ = try CronExpression("0 15 10 * * ? 2025", dialect: .spring53) }, mentions: ["7.24", "year"])
        assertTimerError({ _ = try CronExpression("0 15 10 * * ? 2025 *", dialect: .spring53) }, mentions: ["8 fields"])
        assertTimerError({ _ = try CronExpression("0 0 0 ? * L", dialect: .spring53) }, mentions: ["FRIL"])
    }
}
