import Foundation
import XCTest
@testable import BPMNEngine

/// When timers are due and how often cycles fire, as Camunda 7's business calendars and TimerEntity compute it.
final class TimerScheduleTests: XCTestCase {
    private typealias D = TimerTestDates

    private func schedule(_ kind: TimerSchedule.Kind, _ text: String, zone: TimeZone = TimerTestDates.utcZone,
                          dialect: CronDialect = .quartz) throws(TimerDefinitionError) -> TimerSchedule {
        try TimerSchedule(kind: kind, text: text, timeZone: zone, cronDialect: dialect)
    }

    // MARK: timeDuration

    func testDurationIsDueOncePeriodAfterCreation() throws {
        let s = try schedule(.duration, "PT10M")
        let created = D.date(2025, 3, 1, 8, 0, 0, ms: 250)
        XCTAssertEqual(s.firstDue(after: created), D.date(2025, 3, 1, 8, 10, 0, ms: 250))
        XCTAssertFalse(s.repeats)
        XCTAssertNil(s.nextDue(firedAt: s.firstDue(after: created), createdAt: created))
        XCTAssertEqual(s.dueDates(createdAt: created, limit: 5).count, 1)
    }

    func testDurationTextIsTrimmed() throws {
        let s = try schedule(.duration, "  P1D \n")
        XCTAssertEqual(s.text, "P1D")
        XCTAssertEqual(s.firstDue(after: D.date(2025, 1, 31, 9)), D.date(2025, 2, 1, 9))
    }

    func testDurationMonthFromJanuaryThirtyFirst() throws {
        XCTAssertEqual(try schedule(.duration, "P1M").firstDue(after: D.date(2025, 1, 31, 9)), D.date(2025, 2, 28, 9))
    }

    /// DurationHelper also reads intervals in a timeDuration; they are due once (only cycles repeat).
    func testDurationAcceptsTheIntervalFormsDurationHelperReads() throws {
        let created = D.date(2025, 3, 1, 8)
        XCTAssertEqual(try schedule(.duration, "R3/PT10M").firstDue(after: created), D.date(2025, 3, 1, 8, 10))
        XCTAssertFalse(try schedule(.duration, "R3/PT10M").repeats)
        XCTAssertEqual(try schedule(.duration, "2025-03-02T10:00:00Z/PT1H").firstDue(after: created), D.date(2025, 3, 2, 11))
        XCTAssertEqual(try schedule(.duration, "PT1H/2025-03-02T10:00:00Z").firstDue(after: created), D.date(2025, 3, 2, 10))
        XCTAssertEqual(try schedule(.duration, "2025-03-01T10:00:00Z/2025-03-02T10:00:00Z").firstDue(after: created),
                       D.date(2025, 3, 2, 10))
    }

    // MARK: timeDate

    func testDateIsDueAtThatInstant() throws {
        let s = try schedule(.date, "2025-03-01T09:30:00+01:00")
        XCTAssertEqual(s.firstDue(after: D.date(2025, 1, 1)), D.date(2025, 3, 1, 8, 30))
        XCTAssertNil(s.nextDue(firedAt: D.date(2025, 3, 1, 8, 30), createdAt: D.date(2025, 1, 1)))
    }

    func testDateInThePastIsDueAtThatPastInstant() throws {
        // The job executor then runs it at once.
        XCTAssertEqual(try schedule(.date, "2020-01-01").firstDue(after: D.date(2025, 1, 1)), D.date(2020, 1, 1))
    }

    func testDateWithoutOffsetUsesTheRunsTimeZone() throws {
        XCTAssertEqual(try schedule(.date, "2025-03-01T09:30", zone: D.berlin).firstDue(after: D.date(2025, 1, 1)),
                       D.date(2025, 3, 1, 8, 30))
    }

    /// DueDateBusinessCalendar: a timeDate starting with P is a Joda period from now (weeks may mix with days).
    func testDateWrittenAsPeriod() throws {
        let created = D.date(2025, 2, 1, 12)
        XCTAssertEqual(try schedule(.date, "P1D").firstDue(after: created), D.date(2025, 2, 2, 12))
        XCTAssertEqual(try schedule(.date, "P1W2D").firstDue(after: created), D.date(2025, 2, 10, 12))
    }

    func testExpressionThatEvaluatedToADateIsDueThenAndNeverRepeats() throws {
        let due = D.date(2025, 3, 1, 9, 30)
        let s = TimerSchedule(kind: .cycle, dueAt: due)
        XCTAssertEqual(s.firstDue(after: D.date(2025, 1, 1)), due)
        XCTAssertFalse(s.repeats)
        XCTAssertNil(s.nextDue(firedAt: due, createdAt: D.date(2025, 1, 1)))
        XCTAssertEqual(s.text, "2025-03-01T09:30:00Z")
    }

    // MARK: timeCycle with repetitions

    /// R3/PT10M fires exactly three times, ten minutes apart, the first one period after creation. Camunda
    /// stores the repeat as "R3/<creation to the second>/PT10M", so later firings drop the milliseconds.
    func testRThreeFiresExactlyThreeTimesTenMinutesApart() throws {
        let s = try schedule(.cycle, "R3/PT10M")
        XCTAssertTrue(s.repeats)
        let created = D.date(2025, 3, 1, 8, 0, 0, ms: 250)
        XCTAssertEqual(s.dueDates(createdAt: created, limit: 10),
                       [D.date(2025, 3, 1, 8, 10, 0, ms: 250), D.date(2025, 3, 1, 8, 20), D.date(2025, 3, 1, 8, 30)])
    }

    // StartTimerEventTest.testCycleWithLimitStartTimerEvent and shouldNotReevaluateTimerCycle: R2 fires twice.
    func testRTwoFiresTwice() throws {
        let created = D.date(2023, 8, 18, 8)
        XCTAssertEqual(try schedule(.cycle, "R2/PT5M").dueDates(createdAt: created, limit: 10),
                       [D.date(2023, 8, 18, 8, 5), D.date(2023, 8, 18, 8, 10)])
        XCTAssertEqual(try schedule(.cycle, "R2/PT1H").dueDates(createdAt: created, limit: 10).count, 2)
    }

    func testUnboundedCycleKeepsFiring() throws {
        let s = try schedule(.cycle, "R/PT1H")
        let created = D.date(2025, 3, 1, 8)
        XCTAssertEqual(s.dueDates(createdAt: created, limit: 4),
                       [D.date(2025, 3, 1, 9), D.date(2025, 3, 1, 10), D.date(2025, 3, 1, 11), D.date(2025, 3, 1, 12)])
        // Still due after ten thousand firings (no hidden limit, no slow stepping).
        let late = D.date(2026, 4, 1, 8)
        XCTAssertEqual(s.nextDue(firedAt: late, createdAt: created), D.date(2026, 4, 1, 9))
    }

    // CycleBusinessCalendarTest.testSimpleDuration
    func testUnboundedCycleWithMinutesAboveSixty() throws {
        XCTAssertEqual(try schedule(.cycle, "R/P2DT5H70M").firstDue(after: D.date(2010, 6, 11, 17, 23)), D.date(2010, 6, 13, 23, 33))
    }

    func testMonthlyCycleFromJanuaryThirtyFirstDriftsToTheTwentyEighth() throws {
        // DurationHelper steps from the previous date (cur = add(cur, period)), not from the anchor, so once
        // February clamps the day to 28 the cycle stays on the 28th.
        XCTAssertEqual(try schedule(.cycle, "R4/P1M").dueDates(createdAt: D.date(2025, 1, 31, 9), limit: 10),
                       [D.date(2025, 2, 28, 9), D.date(2025, 3, 28, 9), D.date(2025, 4, 28, 9), D.date(2025, 5, 28, 9)])
    }

    /// With its own start in the future, the cycle is first due at the start and fires n + 1 times (start, then
    /// n more periods), as DurationHelper.getDateAfterRepeat counts.
    func testCycleWithFutureStartFiresAtStartAndThenEveryPeriod() throws {
        let s = try schedule(.cycle, "R3/2025-03-01T08:00:00Z/PT1H")
        XCTAssertEqual(s.dueDates(createdAt: D.date(2025, 2, 1), limit: 10),
                       [D.date(2025, 3, 1, 8), D.date(2025, 3, 1, 9), D.date(2025, 3, 1, 10), D.date(2025, 3, 1, 11)])
    }

    func testCycleWithStartInThePastResumesAtTheNextSlot() throws {
        let s = try schedule(.cycle, "R3/2025-03-01T08:00:00Z/PT1H")
        XCTAssertEqual(s.dueDates(createdAt: D.date(2025, 3, 1, 9, 30), limit: 10),
                       [D.date(2025, 3, 1, 10), D.date(2025, 3, 1, 11)])
    }

    /// All repetitions over: Camunda computes no due date and the job runs at once, once.
    func testCycleWhoseRepetitionsAreAllPastIsDueAtOnceThenEnds() throws {
        let s = try schedule(.cycle, "R3/2025-03-01T08:00:00Z/PT1H")
        let created = D.date(2025, 3, 1, 12)
        XCTAssertEqual(s.dueDates(createdAt: created, limit: 10), [created])
    }

    // StartTimerEventTest.shouldReevaluateRepeatingTimerCycleWithDate: "execute first job, 2023/8/18 9:00:00".
    func testCycleStartingAtCreationIsFirstDueOnePeriodLater() throws {
        let s = try schedule(.cycle, "R3/2023-08-18T8:00/PT1H")
        XCTAssertEqual(s.firstDue(after: D.date(2023, 8, 18, 8)), D.date(2023, 8, 18, 9))
        XCTAssertEqual(s.dueDates(createdAt: D.date(2023, 8, 18, 8), limit: 10),
                       [D.date(2023, 8, 18, 9), D.date(2023, 8, 18, 10), D.date(2023, 8, 18, 11)])
    }

    /// R<n>/<duration>/<end>: counting back from the end, due at end - nP … end.
    func testCycleWithEndCountsBackFromTheEnd() throws {
        let s = try schedule(.cycle, "R3/PT1H/2025-03-01T12:00:00Z")
        XCTAssertEqual(s.dueDates(createdAt: D.date(2025, 3, 1), limit: 10),
                       [D.date(2025, 3, 1, 9), D.date(2025, 3, 1, 10), D.date(2025, 3, 1, 11), D.date(2025, 3, 1, 12)])
        XCTAssertEqual(s.dueDates(createdAt: D.date(2025, 3, 1, 10, 30), limit: 10),
                       [D.date(2025, 3, 1, 11), D.date(2025, 3, 1, 12)])
    }

    func testZeroRepetitionsIsDueAtOnceOnce() throws {
        let created = D.date(2025, 3, 1, 8)
        XCTAssertEqual(try schedule(.cycle, "R0/PT1H").dueDates(createdAt: created, limit: 10), [created])
    }

    func testCycleInTheRunsTimeZoneKeepsWallClockAcrossDaylightSaving() throws {
        let s = try schedule(.cycle, "R2/P1D", zone: D.berlin)
        XCTAssertEqual(s.dueDates(createdAt: D.date(2025, 3, 29, 9, 0, in: D.berlin), limit: 10),
                       [D.date(2025, 3, 30, 9, 0, in: D.berlin), D.date(2025, 3, 31, 9, 0, in: D.berlin)])
    }

    // MARK: timeCycle with cron

    func testCronCycleNeverEnds() throws {
        let s = try schedule(.cycle, "0 0/5 * * * ?")
        XCTAssertTrue(s.repeats)
        XCTAssertEqual(s.dueDates(createdAt: D.date(2025, 3, 1, 10, 2, 30), limit: 3),
                       [D.date(2025, 3, 1, 10, 5), D.date(2025, 3, 1, 10, 10), D.date(2025, 3, 1, 10, 15)])
    }

    func testCronCycleInSpringDialect() throws {
        let s = try schedule(.cycle, "@hourly", dialect: .spring53)
        XCTAssertEqual(s.firstDue(after: D.date(2025, 3, 1, 10, 2)), D.date(2025, 3, 1, 11))
    }

    func testCronThatNeverMatchesAgainIsDueAtOnceThenEnds() throws {
        let s = try schedule(.cycle, "0 0 12 1 1 ? 2020")
        let created = D.date(2025, 3, 1)
        XCTAssertEqual(s.dueDates(createdAt: created, limit: 5), [created])
    }

    // MARK: Errors

    func testErrorsSayWhatIsWrongAndShowAValidValue() {
        assertTimerError({ _ = try self.schedule(.cycle, "PT1H") }, mentions: ["R/PT1H", "timeDuration"])
        assertTimerError({ _ = try self.schedule(.date, "R3/PT1H") }, mentions: ["timeCycle"])
        assertTimerError({ _ = try self.schedule(.duration, "") }, mentions: ["timeDuration is empty", "PT30M"])
        assertTimerError({ _ = try self.schedule(.duration, "10 minutes") }, mentions: ["\"10 minutes\"", "PT30M"])
        assertTimerError({ _ = try self.schedule(.duration, "2025-03-01T10:00:00Z") }, mentions: ["belongs in timeDate"])
        assertTimerError({ _ = try self.schedule(.cycle, "R3") }, mentions: ["R3/PT10M"])
        assertTimerError({ _ = try self.schedule(.cycle, "R3/") }, mentions: ["empty part"])
        assertTimerError({ _ = try self.schedule(.cycle, "Rx/PT1H") }, mentions: ["number of repetitions"])
        assertTimerError({ _ = try self.schedule(.cycle, "R3/PT1H/P1D/P2D") }, mentions: ["more than three parts"])
        assertTimerError({ _ = try self.schedule(.cycle, "R3/PT1X") }, mentions: ["R3/PT1X", "'X'"])
        assertTimerError({ _ = try self.schedule(.cycle, "R3/2025-02-30T08:00/PT1H") }, mentions: ["day 30"])
        assertTimerError({ _ = try self.schedule(.cycle, "0 0 12 * *") }, mentions: ["5 fields"])
        assertTimerError({ _ = try self.schedule(.cycle, "R/2025-03-01T08:00") }, mentions: ["needs a duration or an end"])
    }
}
