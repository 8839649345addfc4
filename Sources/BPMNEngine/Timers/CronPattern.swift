import Foundation

/// One parsed cron expression: the allowed values of each field and the day rules, with the search for the
/// next matching second.
///
/// Day-of-week values are kept in Quartz numbering (1 = Sunday … 7 = Saturday) whatever the dialect. A day
/// matches when both the day-of-month rule and the day-of-week rule accept it; `?` and `*` accept every day.
/// In Quartz one of them is always `?`, so this is Quartz's "either field decides"; in cron-utils' Spring 5.3
/// definition it is the intersection cron-utils computes.
struct CronPattern: Sendable, Equatable {
    enum DayOfMonthRule: Sendable, Equatable {
        case any
        case days(Set<Int>)
        /// `L` (offset 0), `L-3`, `LW`, `L-3W`.
        case last(offset: Int, nearestWeekday: Bool)
        /// `15W`: the weekday nearest the 15th, never leaving the month.
        case nearestWeekday(to: Int)
    }

    enum DayOfWeekRule: Sendable, Equatable {
        case any
        case days(Set<Int>)
        /// `6L` / `FRIL`: the last such weekday of the month.
        case last(weekday: Int)
        /// `6#3` / `FRI#3`: the third such weekday of the month.
        case nth(weekday: Int, n: Int)
    }

    var seconds: [Int]
    var minutes: [Int]
    var hours: [Int]
    var dayOfMonth: DayOfMonthRule
    var months: Set<Int>
    var dayOfWeek: DayOfWeekRule
    /// nil: every year.
    var years: [Int]?

    /// The first whole second strictly after `reference` (Quartz adds one second and drops milliseconds) that
    /// matches, searching at most 100 years ahead as Quartz does; nil when there is none.
    func nextFire(after reference: Date, calendar: Calendar) -> Date? {
        let seconds1970 = Int64((reference.timeIntervalSince1970).rounded(.down)) + 1
        let from = Date(timeIntervalSince1970: Double(seconds1970))
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: from)
        guard var year = c.year, var month = c.month, var day = c.day,
              let h = c.hour, let m = c.minute, let s = c.second else { return nil }
        let lastYear = year + 100
        var sameDay = true
        while year <= lastYear {
            if let years, !years.contains(year) {
                guard let nextYear = years.first(where: { $0 > year }) else { return nil }
                (year, month, day, sameDay) = (nextYear, 1, 1, false)
                continue
            }
            if !months.contains(month) {
                if let nextMonth = months.filter({ $0 > month }).min() {
                    month = nextMonth
                } else {
                    year += 1
                    month = months.min() ?? 1
                }
                (day, sameDay) = (1, false)
                continue
            }
            let lastDay = CronCalendarMath.daysInMonth(year: year, month: month)
            if day > lastDay {
                month += 1
                if month > 12 { (year, month) = (year + 1, 1) }
                (day, sameDay) = (1, false)
                continue
            }
            if matchesDay(year: year, month: month, day: day, lastDay: lastDay),
               let time = sameDay ? firstTime(notBefore: (h, m, s)) : firstTime(notBefore: (0, 0, 0)) {
                let parts = DateComponents(year: year, month: month, day: day, hour: time.0, minute: time.1, second: time.2)
                // A wall-clock time skipped by a daylight-saving jump resolves later; one repeated resolves once.
                if let date = calendar.date(from: parts), date > reference { return date }
            }
            day += 1
            sameDay = false
        }
        return nil
    }

    func matchesDay(year: Int, month: Int, day: Int, lastDay: Int) -> Bool {
        let weekday = CronCalendarMath.weekday(year: year, month: month, day: day)
        switch dayOfMonth {
        case .any: break
        case .days(let set): if !set.contains(day) { return false }
        case .last(let offset, let nearest):
            let target = lastDay - offset
            guard target >= 1 else { return false }
            let actual = nearest ? CronCalendarMath.nearestWeekday(to: target, year: year, month: month, lastDay: lastDay) : target
            if day != actual { return false }
        case .nearestWeekday(let target):
            guard target <= lastDay,
                  day == CronCalendarMath.nearestWeekday(to: target, year: year, month: month, lastDay: lastDay) else { return false }
        }
        switch dayOfWeek {
        case .any: return true
        case .days(let set): return set.contains(weekday)
        case .last(let wanted): return weekday == wanted && day + 7 > lastDay
        case .nth(let wanted, let n): return weekday == wanted && (day - 1) / 7 + 1 == n
        }
    }

    /// The earliest allowed time of day at or after `start`, or nil when none is left that day.
    private func firstTime(notBefore start: (Int, Int, Int)) -> (Int, Int, Int)? {
        for hour in hours where hour >= start.0 {
            let minuteFloor = hour == start.0 ? start.1 : 0
            for minute in minutes where minute >= minuteFloor {
                let secondFloor = hour == start.0 && minute == start.1 ? start.2 : 0
                if let second = seconds.first(where: { $0 >= secondFloor }) { return (hour, minute, second) }
            }
        }
        return nil
    }
}

/// Proleptic Gregorian arithmetic for the cron search (fast, and independent of time zone).
enum CronCalendarMath {
    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Quartz numbering: 1 = Sunday … 7 = Saturday.
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        // Days since 1970-01-01 (a Thursday), Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let sundayBased = ((days + 4) % 7 + 7) % 7
        return sundayBased + 1
    }

    /// Quartz's `W`: Saturday moves to Friday (or to Monday the 3rd when it is the 1st), Sunday to Monday (or
    /// to Friday when it is the last day of the month).
    static func nearestWeekday(to day: Int, year: Int, month: Int, lastDay: Int) -> Int {
        switch weekday(year: year, month: month, day: day) {
        case 7: return day == 1 ? day + 2 : day - 1
        case 1: return day == lastDay ? day - 2 : day + 1
        default: return day
        }
    }
}
