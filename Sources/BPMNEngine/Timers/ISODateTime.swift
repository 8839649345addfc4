import Foundation

/// ISO 8601 date-times as Camunda 7 reads `timeDate` values and the dates inside `timeCycle` intervals
/// (`DateTimeUtil.parseDate`, i.e. Joda's `ISODateTimeFormat.dateTimeParser()` in the JVM's zone).
///
/// Accepted, like Joda: a calendar date `2025-03-01`, `2025-03` or `2025`; an ordinal date `2025-060`; a week
/// date `2025-W09-6`; optionally followed by `T` and `HH`, `HH:mm` or `HH:mm:ss`, the last of them with a
/// fraction (`.5` or `,5`); then optionally `Z` or an offset `+01:00` / `+0100` / `+01`. A time alone
/// (`T10:30`) falls on 1970-01-01. Fields may have one digit (`T8:00`, as Camunda's own tests write). A value
/// without an offset is read in `timeZone`, which stands in for the JVM zone (UTC unless the run says
/// otherwise). Fractions finer than milliseconds are dropped, as `java.util.Date` does.
public enum ISODateTime {
    static let examples = "2025-03-01T09:30:00Z, 2025-03-01T09:30:00+01:00, 2025-03-01T09:30 or 2025-03-01"

    public static func parse(_ text: String, timeZone: TimeZone = TimeZone(identifier: "UTC")!) throws(TimerDefinitionError) -> Date {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var scanner = DateTimeScanner(chars: Array(t))
        func fail(_ why: String) -> TimerDefinitionError {
            TimerDefinitionError(text: t, message: "\"\(t)\" is not an ISO 8601 date-time: \(why). Write it like \(examples)")
        }
        if t.isEmpty { throw fail("it is empty") }

        var year = 1970, month = 1, day = 1
        var dayOfYear: Int?
        var week: (week: Int, weekday: Int)?
        if scanner.peek != "T" {
            guard let y = scanner.number(maxDigits: 9) else { throw fail("it must start with a year (yyyy) or T") }
            // Joda would read `20250301` as the year 20,250,301; a timer that far out is always a typo.
            guard y.digits <= 4 else { throw fail("the year has more than 4 digits; write the date with dashes, as in 2025-03-01") }
            year = y.value
            if scanner.consume("-") {
                if scanner.consume("W") {
                    guard let w = scanner.number(maxDigits: 2) else { throw fail("expected a week number after W") }
                    var weekday = 1
                    if scanner.consume("-") {
                        guard let e = scanner.number(maxDigits: 1) else { throw fail("expected a day of the week (1-7) after the week") }
                        weekday = e.value
                    }
                    week = (w.value, weekday)
                } else {
                    guard let m = scanner.number(maxDigits: 3) else { throw fail("expected a month after the year") }
                    if m.digits == 3 {
                        dayOfYear = m.value
                    } else {
                        month = m.value
                        if scanner.consume("-") {
                            guard let d = scanner.number(maxDigits: 2) else { throw fail("expected a day after the month") }
                            day = d.value
                        }
                    }
                }
            }
        }

        var seconds = 0.0
        var milliseconds: Int64 = 0
        var offset: Int?
        var hasTime = false
        if scanner.consume("T") {
            hasTime = true
            if let h = scanner.number(maxDigits: 2) {
                guard h.value < 24 else { throw fail("hour \(h.value) is out of range 0-23") }
                seconds = Double(h.value) * 3600
                var unit = 3600.0
                if scanner.consume(":") {
                    guard let m = scanner.number(maxDigits: 2), m.value < 60 else { throw fail("expected minutes 00-59 after the hour") }
                    seconds += Double(m.value) * 60
                    unit = 60
                    if scanner.consume(":") {
                        guard let s = scanner.number(maxDigits: 2), s.value < 60 else { throw fail("expected seconds 00-59 after the minutes") }
                        seconds += Double(s.value)
                        unit = 1
                    }
                }
                if scanner.consume(".") || scanner.consume(",") {
                    guard let f = scanner.digitString() else { throw fail("expected digits after the decimal point") }
                    // In integers (0.123 s must stay 123 ms); Date has millisecond precision and Joda truncates.
                    let nanosOfUnit = Int64(String((f + "000000000").prefix(9))) ?? 0
                    milliseconds = nanosOfUnit * Int64(unit) * 1000 / 1_000_000_000
                }
            } else if !scanner.atEnd, scanner.peek != "Z", scanner.peek != "+", scanner.peek != "-" {
                throw fail("expected an hour after T")
            }
            offset = try parseOffset(&scanner, fail: fail)
        } else if scanner.peek == " " {
            throw fail("separate the date and the time with T, not a space")
        }
        if !scanner.atEnd {
            let rest = String(scanner.chars[scanner.index...])
            throw fail(hasTime ? "unexpected \"\(rest)\" after the time" : "unexpected \"\(rest)\" after the date")
        }

        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = offset.flatMap { TimeZone(secondsFromGMT: $0) } ?? timeZone
        let midnight: Date?
        if let week {
            guard (1...53).contains(week.week), (1...7).contains(week.weekday) else {
                throw fail("week \(week.week) day \(week.weekday) is out of range (weeks 1-53, days 1-7)")
            }
            var iso = Calendar(identifier: .iso8601)
            iso.timeZone = calendar.timeZone
            midnight = iso.date(from: DateComponents(weekday: week.weekday % 7 + 1, weekOfYear: week.week, yearForWeekOfYear: year))
        } else if let dayOfYear {
            let daysInYear = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 366 : 365
            guard (1...daysInYear).contains(dayOfYear) else { throw fail("day \(dayOfYear) is out of range 1-\(daysInYear) for \(year)") }
            midnight = calendar.date(from: DateComponents(year: year, month: 1, day: 1))
                .flatMap { calendar.date(byAdding: .day, value: dayOfYear - 1, to: $0) }
        } else {
            guard (1...12).contains(month) else { throw fail("month \(month) is out of range 1-12") }
            guard let first = calendar.date(from: DateComponents(year: year, month: month, day: 1)),
                  let length = calendar.range(of: .day, in: .month, for: first)?.count else {
                throw fail("\(year)-\(month) is not a calendar month")
            }
            guard (1...length).contains(day) else { throw fail("day \(day) is out of range 1-\(length) for \(year)-\(month)") }
            midnight = calendar.date(from: DateComponents(year: year, month: month, day: day))
        }
        guard let midnight else { throw fail("it is not a calendar date") }
        if offset != nil {
            return Date(epochMilliseconds: midnight.epochMilliseconds + Int64(seconds) * 1000 + milliseconds)
        }
        // Local time of day in `timeZone`: build it from components so DST days keep their wall clock.
        let whole = Int(seconds)
        var parts = calendar.dateComponents([.year, .month, .day], from: midnight)
        parts.hour = whole / 3600
        parts.minute = whole % 3600 / 60
        parts.second = whole % 60
        guard let local = calendar.date(from: parts) else { throw fail("it is not a valid local time") }
        return Date(epochMilliseconds: local.epochMilliseconds + milliseconds)
    }

    private static func parseOffset(_ scanner: inout DateTimeScanner,
                                    fail: (String) -> TimerDefinitionError) throws(TimerDefinitionError) -> Int? {
        if scanner.consume("Z") { return 0 }
        let sign: Int
        if scanner.consume("+") { sign = 1 } else if scanner.consume("-") { sign = -1 } else { return nil }
        guard let h = scanner.number(maxDigits: 2), h.digits == 2, h.value < 24 else {
            throw fail("an offset is written +HH:mm, as in +01:00")
        }
        var minutes = 0
        let colon = scanner.consume(":")
        if let m = scanner.number(maxDigits: 2) {
            guard m.digits == 2, m.value < 60 else { throw fail("offset minutes must be 00-59") }
            minutes = m.value
        } else if colon {
            throw fail("expected offset minutes after ':'")
        }
        return sign * (h.value * 3600 + minutes * 60)
    }
}

/// Character cursor for `ISODateTime`.
struct DateTimeScanner {
    let chars: [Character]
    var index = 0

    var atEnd: Bool { index >= chars.count }
    var peek: Character? { atEnd ? nil : chars[index] }

    mutating func consume(_ c: Character) -> Bool {
        guard peek == c else { return false }
        index += 1
        return true
    }

    /// Up to `maxDigits` ASCII digits; nil when there is none.
    mutating func number(maxDigits: Int) -> (value: Int, digits: Int)? {
        var value = 0, count = 0
        while count < maxDigits, let c = peek, c.isASCII, let d = c.wholeNumberValue {
            value = value * 10 + d
            count += 1
            index += 1
        }
        return count == 0 ? nil : (value, count)
    }

    mutating func digitString() -> String? {
        var s = ""
        while let c = peek, c.isASCII, c.isNumber { s.append(c); index += 1 }
        return s.isEmpty ? nil : s
    }
}
