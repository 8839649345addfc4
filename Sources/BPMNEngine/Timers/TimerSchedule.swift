import BPMNModel
import Foundation

/// When a BPMN timer (`timeDate`, `timeDuration` or `timeCycle`) is due, computed as Camunda 7 does.
///
/// Camunda resolves the text through a business calendar chosen by the kind (`TimerDeclarationType`):
/// - `timeDate` -> `DueDateBusinessCalendar`: an ISO 8601 date-time (`ISODateTime`), or, when the text starts
///   with `P`, that period (Joda flavour) added to the creation time.
/// - `timeDuration` -> `DurationBusinessCalendar` (`DurationHelper`): `PT10M` after the creation time; also
///   `<start>/<duration>`, `<duration>/<end>`, `<start>/<end>` and even `R3/PT10M` (due once, one period on).
/// - `timeCycle` -> `CycleBusinessCalendar`: text starting with `R` is a repeating interval (`R3/PT10M`,
///   `R/PT1H`, `R3/<start>/PT1H`, `R3/PT1H/<end>`), anything else a cron expression.
///
/// Repetition (`TimerEntity.preExecute` / `TimerDeclarationImpl`): when a cycle timer fires, Camunda creates
/// the follow-up job before running the handler, due at `CycleBusinessCalendar.resolveDuedate(repeat)` where
/// `repeat` is the cycle with the creation time (to the second) inserted as start when the text has no start
/// or end: `R3/PT10M` created at 08:00:00.250 is due at 08:10:00.250, then 08:20:00 and 08:30:00, and stops
/// there: three firings, the first one period after creation. With a start of its own in the future
/// (`R3/2025-03-01T08:00/PT1H`) it is first due at the start and fires at start, +1h, +2h and +3h. A cron
/// cycle never ends. Only timer start events, non-interrupting boundary timers and non-interrupting event
/// sub-process timers repeat; interrupting boundary timers and intermediate catch timers fire once (the engine
/// simply does not ask for `nextDue`).
///
/// Time zone: Camunda uses the JVM's default zone for dates without an offset, for calendar arithmetic
/// (months, days across daylight-saving changes) and for cron; here that is `timeZone`, UTC unless told.
public struct TimerSchedule: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case date = "timeDate"
        case duration = "timeDuration"
        case cycle = "timeCycle"
    }

    enum Plan: Sendable, Equatable {
        case fixedDate(Date)
        case period(ISODuration)
        case interval(RepeatingInterval)
        case cron(CronExpression)
    }

    public let kind: Kind
    /// The definition after trimming (the engine has already substituted `${...}`).
    public let text: String
    public let timeZone: TimeZone
    let plan: Plan

    public init(kind: Kind, text raw: String, timeZone: TimeZone = TimeZone(identifier: "UTC")!,
                cronDialect: CronDialect = .quartz) throws(TimerDefinitionError) {
        let t = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        self.kind = kind
        self.text = t
        self.timeZone = timeZone
        if t.isEmpty {
            throw TimerDefinitionError(text: t, message: "the \(kind.rawValue) is empty; \(Self.hint(kind))")
        }
        switch kind {
        case .date:
            if t.hasPrefix("P") {
                plan = .period(try ISODuration.parse(t, flavor: .jodaPeriod))
            } else {
                do { plan = .fixedDate(try ISODateTime.parse(t, timeZone: timeZone)) } catch {
                    var message = error.message
                    if t.hasPrefix("R") { message += "; a repeating timer belongs in timeCycle" }
                    throw TimerDefinitionError(text: t, message: message)
                }
            }
        case .duration:
            if !t.contains("/"), !t.hasPrefix("R") {
                // The common case: report mistakes as a plain duration, not as an interval.
                do { _ = try ISODuration.parse(t, flavor: .xmlSchema) } catch {
                    if (try? ISODateTime.parse(t, timeZone: timeZone)) != nil {
                        throw TimerDefinitionError(text: t, message: "\"\(t)\" is a date-time, not a duration: a timer due at a date belongs in timeDate; a timeDuration is written like \(ISODuration.examples)")
                    }
                    throw error
                }
            }
            plan = .interval(try RepeatingInterval(t, timeZone: timeZone))
        case .cycle:
            if t.hasPrefix("R") {
                let interval = try RepeatingInterval(t, timeZone: timeZone)
                plan = .interval(interval)
            } else {
                do { plan = .cron(try CronExpression(t, dialect: cronDialect)) } catch {
                    if t.hasPrefix("P") {
                        throw TimerDefinitionError(text: t, message: "\"\(t)\" is neither a repeating interval nor a cron expression: a timeCycle is R<n>/<duration>, such as R3/PT10M (3 times, 10 minutes apart) or R/\(t) (no end), or a cron expression; for a single wait of \(t) use timeDuration")
                    }
                    throw error
                }
            }
        }
    }

    /// A timer whose expression evaluated to a date rather than to text: Camunda's `TimerDeclarationImpl` takes
    /// a `java.util.Date` value as the due date as it is, for every kind. It cannot repeat (Camunda even fails
    /// with a NullPointerException preparing the repeat of a non-interrupting cycle); here it fires once.
    public init(kind: Kind, dueAt date: Date, timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        self.kind = kind
        self.text = DateFormats.iso8601String(date)
        self.timeZone = timeZone
        self.plan = .fixedDate(date)
    }

    static func hint(_ kind: Kind) -> String {
        switch kind {
        case .date: return "write a date-time like \(ISODateTime.examples)"
        case .duration: return "write a duration like \(ISODuration.examples)"
        case .cycle: return "write a cycle like \(RepeatingInterval.examples), or a cron expression like 0 0/5 * * * ?"
        }
    }

    /// Whether firing can schedule another firing (`R…` cycles and cron). Callers still decide per event type.
    public var repeats: Bool {
        guard kind == .cycle else { return false }
        switch plan {
        case .cron: return true
        case .interval(let i): return i.isRepeating
        case .fixedDate, .period: return false
        }
    }

    /// Due date of the timer created at `createdAt` (the virtual clock when the token reaches the event, or when
    /// the process starts for timer start events). When Camunda computes no date (a cycle whose repetitions all
    /// lie in the past, a cron expression that never matches again), its job has no due date and the job
    /// executor runs it at once, so this returns `createdAt`.
    public func firstDue(after createdAt: Date) -> Date {
        switch plan {
        case .fixedDate(let date):
            return date
        case .period(let period):
            return period.adding(to: createdAt, timeZone: timeZone)
        case .interval(let interval):
            return interval.dueDate(after: createdAt, defaultStart: createdAt, timeZone: timeZone, referenceHasPassed: false)
                ?? createdAt
        case .cron(let cron):
            return cron.nextFire(after: createdAt, timeZone: timeZone) ?? createdAt
        }
    }

    /// Due date of the follow-up timer created when the timer created at `createdAt` fires at `firedAt` (its due
    /// date on a virtual clock), or nil when the cycle is over. Always nil for `timeDate` and `timeDuration`.
    /// The number of firings is not counted: as in Camunda it follows from the dates (see the type's doc).
    public func nextDue(firedAt: Date, createdAt: Date) -> Date? {
        guard repeats else { return nil }
        switch plan {
        case .interval(let interval):
            // TimerEntity.replaceRepeatCycleAndDate: "R3/PT10M" -> "R3/<creation, yyyy-MM-dd'T'HH:mm:ss>/PT10M".
            var anchored = interval
            if interval.partCount == 2 {
                anchored.start = Date(timeIntervalSince1970: (createdAt.timeIntervalSince1970).rounded(.down))
            }
            return anchored.dueDate(after: firedAt, defaultStart: createdAt, timeZone: timeZone, referenceHasPassed: true)
        case .cron(let cron):
            return cron.nextFire(after: firedAt, timeZone: timeZone)
        default:
            return nil
        }
    }

    /// The due dates of a repeating timer created at `createdAt` when each firing happens at its due date, up
    /// to `limit` of them (for traces, the interactive "pending timers" view and tests).
    public func dueDates(createdAt: Date, limit: Int) -> [Date] {
        guard limit > 0 else { return [] }
        var dates = [firstDue(after: createdAt)]
        while dates.count < limit, let next = nextDue(firedAt: dates[dates.count - 1], createdAt: createdAt) {
            dates.append(next)
        }
        return dates
    }
}
