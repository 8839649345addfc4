import Foundation
import XCTest
@testable import BPMNEngine

/// DurationHelper.getDateAfter semantics, with the numbers of Camunda's DurationHelperTest.
final class TimerRepeatingIntervalTests: XCTestCase {
    private typealias D = TimerTestDates
    private let utc = TimerTestDates.utcZone

    private func due(_ text: String, createdAt: Date, at now: Date) throws -> Date? {
        try RepeatingInterval(text, timeZone: utc).dueDate(after: now, defaultStart: createdAt, timeZone: utc, referenceHasPassed: false)
    }

    // DurationHelperTest.shouldNotExceedNumber / shouldNotExceedNumberWithStartDate
    func testRepetitionsFromTheCreationTimeStopAfterN() throws {
        let created = D.epochSeconds(0)
        XCTAssertEqual(try due("R2/PT10S", createdAt: created, at: D.epochSeconds(15)), D.epochSeconds(20))
        XCTAssertNil(try due("R2/PT10S", createdAt: created, at: D.epochSeconds(30)))
    }

    // DurationHelperTest.shouldNotExceedNumberPeriods: <start>/<end> gives the period.
    func testStartAndEndGiveThePeriod() throws {
        let text = "R2/1970-01-01T00:00:00/1970-01-01T00:00:10"
        XCTAssertEqual(try due(text, createdAt: D.epochSeconds(0), at: D.epochSeconds(15)), D.epochSeconds(20))
        XCTAssertNil(try due(text, createdAt: D.epochSeconds(0), at: D.epochSeconds(30)))
    }

    // DurationHelperTest.shouldNotExceedNumberNegative: <duration>/<end> counts back from the end.
    func testDurationAndEndCountBackFromTheEnd() throws {
        let text = "R2/PT10S/1970-01-01T00:00:50"
        XCTAssertEqual(try due(text, createdAt: D.epochSeconds(0), at: D.epochSeconds(20)), D.epochSeconds(30))
        XCTAssertEqual(try due(text, createdAt: D.epochSeconds(0), at: D.epochSeconds(35)), D.epochSeconds(40))
        XCTAssertNil(try due(text, createdAt: D.epochSeconds(0), at: D.epochSeconds(51)))
    }

    /// A due date that is exactly now is still due when computing at creation, but has passed when the timer
    /// fires (the job executor runs after the due date), so a cycle never repeats its last firing.
    func testTheFiringInstantCountsAsPassed() throws {
        let interval = try RepeatingInterval("R2/1970-01-01T00:00:00/PT10S", timeZone: utc)
        let at20 = D.epochSeconds(20)
        XCTAssertEqual(interval.dueDate(after: at20, defaultStart: at20, timeZone: utc, referenceHasPassed: false), at20)
        XCTAssertNil(interval.dueDate(after: at20, defaultStart: at20, timeZone: utc, referenceHasPassed: true))
    }

    func testNotRepeatedIntervals() throws {
        let created = D.date(2025, 3, 1)
        XCTAssertEqual(try due("PT1H", createdAt: created, at: created), D.date(2025, 3, 1, 1))
        XCTAssertEqual(try due("2025-03-05T00:00:00Z/P1D", createdAt: created, at: created), D.date(2025, 3, 6))
        XCTAssertEqual(try due("P1D/2025-03-05T00:00:00Z", createdAt: created, at: created), D.date(2025, 3, 5))
    }

    func testPartsAndRepetitionCount() throws {
        let unbounded = try RepeatingInterval("R/PT1H", timeZone: utc)
        XCTAssertEqual(unbounded.repetitions, Int(Int32.max))
        XCTAssertEqual(unbounded.partCount, 2)
        XCTAssertEqual(try RepeatingInterval("R12/PT1H", timeZone: utc).repetitions, 12)
        XCTAssertNil(try RepeatingInterval("PT1H", timeZone: utc).repetitions)
        XCTAssertEqual(try RepeatingInterval(" R3 / PT1H ", timeZone: utc).period, ISODuration(hours: 1))
    }

    /// Same answer with the shortcut for fixed periods as with stepping one period at a time.
    func testLongUnboundedSecondCycleIsComputedDirectly() throws {
        let created = D.date(2020, 1, 1)
        let now = D.date(2025, 6, 1, 12, 0, 0, ms: 400)
        XCTAssertEqual(try due("R/PT1S", createdAt: created, at: now), D.date(2025, 6, 1, 12, 0, 1))
        XCTAssertEqual(try due("R/PT1S/2030-01-01T00:00:00Z", createdAt: created, at: now), D.date(2025, 6, 1, 12, 0, 1))
    }

    /// In UTC a day is 24 hours, so P1D (stepped on the calendar) and PT24H (computed directly) must agree at
    /// every reference time, on both sides of every boundary.
    func testDirectComputationAgreesWithSteppingForEveryReference() throws {
        let created = D.date(2025, 3, 1)
        for (calendarForm, fixedForm) in [("R3/2025-03-02T06:00:00Z/P1D", "R3/2025-03-02T06:00:00Z/PT24H"),
                                          ("R3/P1D/2025-03-06T06:00:00Z", "R3/PT24H/2025-03-06T06:00:00Z")] {
            let stepped = try RepeatingInterval(calendarForm, timeZone: utc)
            let direct = try RepeatingInterval(fixedForm, timeZone: utc)
            for hour in stride(from: 0, through: 24 * 8, by: 6) {
                for offset in [-1.0, 0, 0.001] {
                    let now = D.date(2025, 3, 1).addingTimeInterval(Double(hour) * 3600 + offset)
                    for passed in [false, true] {
                        XCTAssertEqual(
                            stepped.dueDate(after: now, defaultStart: created, timeZone: utc, referenceHasPassed: passed),
                            direct.dueDate(after: now, defaultStart: created, timeZone: utc, referenceHasPassed: passed),
                            "\(calendarForm) at \(now) passed=\(passed)")
                    }
                }
            }
        }
    }
}
