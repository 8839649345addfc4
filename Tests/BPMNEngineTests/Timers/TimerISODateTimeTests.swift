import Foundation
import XCTest
@testable import BPMNEngine

/// timeDate values and dates inside cycles, read like Joda's ISODateTimeFormat.dateTimeParser().
final class TimerISODateTimeTests: XCTestCase {
    private typealias D = TimerTestDates

    private func parse(_ text: String, zone: TimeZone = TimerTestDates.utcZone) throws -> Date {
        try ISODateTime.parse(text, timeZone: zone)
    }

    func testZuluAndOffsets() throws {
        XCTAssertEqual(try parse("2025-03-01T09:30:00Z"), D.date(2025, 3, 1, 9, 30))
        XCTAssertEqual(try parse("2025-03-01T09:30:00+01:00"), D.date(2025, 3, 1, 8, 30))
        XCTAssertEqual(try parse("2025-03-01T09:30:00+0100"), D.date(2025, 3, 1, 8, 30))
        XCTAssertEqual(try parse("2025-03-01T09:30:00+01"), D.date(2025, 3, 1, 8, 30))
        XCTAssertEqual(try parse("2025-03-01T09:30:00-05:30"), D.date(2025, 3, 1, 15, 0))
        // An explicit offset wins over the run's zone.
        XCTAssertEqual(try parse("2025-03-01T09:30:00Z", zone: D.berlin), D.date(2025, 3, 1, 9, 30))
    }

    func testWithoutOffsetTheRunsTimeZoneApplies() throws {
        XCTAssertEqual(try parse("2025-03-01T09:30:00"), D.date(2025, 3, 1, 9, 30))
        XCTAssertEqual(try parse("2025-03-01T09:30:00", zone: D.berlin), D.date(2025, 3, 1, 8, 30))
        XCTAssertEqual(try parse("2025-07-01T09:30", zone: D.berlin), D.date(2025, 7, 1, 7, 30))
    }

    func testFractionsAreKeptToTheMillisecond() throws {
        XCTAssertEqual(try parse("2025-03-01T09:30:00.123456Z"), D.date(2025, 3, 1, 9, 30, 0, ms: 123))
        XCTAssertEqual(try parse("2025-03-01T09:30:00,5Z"), D.date(2025, 3, 1, 9, 30, 0, ms: 500))
        XCTAssertEqual(try parse("2025-03-01T09:30:00.123"), D.date(2025, 3, 1, 9, 30, 0, ms: 123))
        XCTAssertEqual(try parse("2025-03-01T09:30:00.001+02:00"), D.date(2025, 3, 1, 7, 30, 0, ms: 1))
        XCTAssertEqual(try parse("2025-03-01T10.5Z"), D.date(2025, 3, 1, 10, 30))
        XCTAssertEqual(try parse("2025-03-01T10:15.5Z"), D.date(2025, 3, 1, 10, 15, 30))
    }

    func testDatesWithoutTimeAndPartialDates() throws {
        XCTAssertEqual(try parse("2025-03-01"), D.date(2025, 3, 1))
        XCTAssertEqual(try parse("2025-03-01", zone: D.berlin), D.date(2025, 3, 1, in: D.berlin))
        XCTAssertEqual(try parse("2025-03"), D.date(2025, 3, 1))
        XCTAssertEqual(try parse("2025"), D.date(2025, 1, 1))
        XCTAssertEqual(try parse("2025-03-01T"), D.date(2025, 3, 1))
        XCTAssertEqual(try parse("2025-03-01T10"), D.date(2025, 3, 1, 10))
    }

    func testOrdinalAndWeekDates() throws {
        XCTAssertEqual(try parse("2025-060"), D.date(2025, 3, 1))
        XCTAssertEqual(try parse("2024-060"), D.date(2024, 2, 29))
        XCTAssertEqual(try parse("2025-W09-6"), D.date(2025, 3, 1))
        XCTAssertEqual(try parse("2025-W01"), D.date(2024, 12, 30))
    }

    func testTimeAloneFallsOnTheEpochDay() throws {
        XCTAssertEqual(try parse("T10:30Z"), D.date(1970, 1, 1, 10, 30))
    }

    // StartTimerEventTest writes "R3/2023-08-18T8:00/PT1H": one-digit fields parse, as in Joda.
    func testOneDigitFieldsAsCamundasOwnTestsWriteThem() throws {
        XCTAssertEqual(try parse("2023-08-18T8:00"), D.date(2023, 8, 18, 8, 0))
        XCTAssertEqual(try parse("2023-8-1T8:5"), D.date(2023, 8, 1, 8, 5))
    }

    func testLeapDays() throws {
        XCTAssertEqual(try parse("2024-02-29T12:00:00Z"), D.date(2024, 2, 29, 12))
        assertTimerError({ _ = try ISODateTime.parse("2025-02-29") }, mentions: ["day 29 is out of range 1-28"])
        assertTimerError({ _ = try ISODateTime.parse("1900-02-29") }, mentions: ["out of range 1-28"])
        XCTAssertEqual(try parse("2000-02-29"), D.date(2000, 2, 29))
    }

    func testMistakesAreExplainedWithAnExample() {
        assertTimerError({ _ = try ISODateTime.parse("") }, mentions: ["empty", "2025-03-01T09:30:00Z"])
        assertTimerError({ _ = try ISODateTime.parse("2025-03-01 09:30") }, mentions: ["with T, not a space"])
        assertTimerError({ _ = try ISODateTime.parse("2025-13-01") }, mentions: ["month 13"])
        assertTimerError({ _ = try ISODateTime.parse("2025-04-31") }, mentions: ["day 31 is out of range 1-30"])
        assertTimerError({ _ = try ISODateTime.parse("2025-03-01T24:00") }, mentions: ["hour 24"])
        assertTimerError({ _ = try ISODateTime.parse("2025-03-01T10:60") }, mentions: ["minutes"])
        assertTimerError({ _ = try ISODateTime.parse("tomorrow") }, mentions: ["year"])
        assertTimerError({ _ = try ISODateTime.parse("20250301") }, mentions: ["dashes"])
        assertTimerError({ _ = try ISODateTime.parse("2025-03-01T10:00:00+1") }, mentions: ["+HH:mm"])
        assertTimerError({ _ = try ISODateTime.parse("2025-03-01T10:00:00Zjunk") }, mentions: ["unexpected \"junk\""])
        assertTimerError({ _ = try ISODateTime.parse("2025-366") }, mentions: ["day 366"])
    }
}
