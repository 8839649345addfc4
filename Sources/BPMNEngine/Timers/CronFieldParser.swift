import Foundation

/// Reads the fields of a cron expression into a `CronPattern`, with the rules of Quartz's
/// `CronExpression.buildExpression` (or cron-utils' Spring 5.3 definition) and messages that name the field.
struct CronFieldParser {
    let text: String
    let dialect: CronDialect

    private struct Field {
        let index: Int
        let min: Int
        let max: Int
        var name: String { CronExpression.fieldNames[index] }
    }

    private static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    private static let dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]

    var examples: String {
        dialect == .quartz
            ? "0 0/5 * * * ? (every 5 minutes), 0 0 12 ? * MON-FRI (weekdays at noon), 0 0 0 L * ? (midnight on the last day of each month)"
            : "0 0/5 * * * ? (every 5 minutes), 0 0 12 * * MON-FRI (weekdays at noon), 0 0 0 L * ? (midnight on the last day of each month), @daily"
    }

    func fail(_ why: String) -> TimerDefinitionError {
        TimerDefinitionError(text: text, message: "\"\(text)\" is not a valid cron expression: \(why). Write it like \(examples)")
    }

    func checkFieldCount(_ fields: [String]) throws(TimerDefinitionError) {
        let allowed = dialect == .quartz ? 6...7 : 6...6
        guard !allowed.contains(fields.count) else { return }
        let layout = "second minute hour day-of-month month day-of-week" + (dialect == .quartz ? " [year]" : "")
        var why = "it has \(fields.count) field\(fields.count == 1 ? "" : "s"), but Camunda's cron has \(dialect == .quartz ? "6 or 7" : "6") (\(layout))"
        if fields.count == 5 { why += "; a Unix crontab line has no seconds field, so put one in front, as in 0 \(fields.joined(separator: " "))" }
        if fields.count == 7, dialect == .spring53 { why += "; Camunda 7.24 no longer accepts the year field" }
        if let first = fields.first, first.hasPrefix("P") || first.hasPrefix("R") {
            why += "; a repeating interval starts with R, as in R3/PT10M, and a single wait belongs in timeDuration"
        }
        throw fail(why)
    }

    func pattern(fields: [String]) throws(TimerDefinitionError) -> CronPattern {
        try checkFieldCount(fields)
        for field in fields where field.hasSuffix(",") || field.hasPrefix(",") || field.contains(",,") {
            throw fail("\"\(field)\" has an empty list item")
        }
        let second = try values(fields[0], Field(index: 0, min: 0, max: 59))
        let minute = try values(fields[1], Field(index: 1, min: 0, max: 59))
        let hour = try values(fields[2], Field(index: 2, min: 0, max: 23))
        let month = try values(fields[4], Field(index: 4, min: 1, max: 12))
        let dayOfMonth = try dayOfMonthRule(fields[3])
        let dayOfWeek = try dayOfWeekRule(fields[5])
        if dialect == .quartz {
            switch (fields[3] == "?", fields[5] == "?") {
            case (true, true):
                throw fail("day-of-month and day-of-week cannot both be '?'; give one of them, as in 0 0 12 * * ? or 0 0 12 ? * MON")
            case (false, false):
                let time = fields[0...2].joined(separator: " ")
                throw fail("Camunda's cron (Quartz) needs '?' in either day-of-month or day-of-week, as in \(time) ? \(fields[4]) \(fields[5]) or \(time) \(fields[3]) \(fields[4]) ?")
            default: break
            }
        }
        var years: [Int]?
        if fields.count == 7, fields[6] != "*" {
            years = try values(fields[6], Field(index: 6, min: 1970, max: 2999)).sorted()
        }
        return CronPattern(seconds: second.sorted(), minutes: minute.sorted(), hours: hour.sorted(),
                           dayOfMonth: dayOfMonth, months: month, dayOfWeek: dayOfWeek, years: years)
    }

    // MARK: - Day rules

    private func dayOfMonthRule(_ field: String) throws(TimerDefinitionError) -> CronPattern.DayOfMonthRule {
        let dom = Field(index: 3, min: 1, max: 31)
        if field == "?" || field == "*" { return .any }
        if field.contains("L") || field.contains("W") {
            if field.contains(",") { throw fail("'L' and 'W' in day-of-month cannot be combined with other days in a list") }
            if field == "L" { return .last(offset: 0, nearestWeekday: false) }
            if field == "LW" { return .last(offset: 0, nearestWeekday: true) }
            if field.hasPrefix("L-") {
                var rest = field.dropFirst(2)
                let weekday = rest.hasSuffix("W")
                if weekday { rest = rest.dropLast() }
                guard let offset = Int(rest), rest.allSatisfy(\.isNumber), offset <= 30 else {
                    throw fail("in day-of-month, L-n means n days before the last day, with n from 0 to 30 (as in L-3), not \"\(field)\"")
                }
                return .last(offset: offset, nearestWeekday: weekday)
            }
            if field.hasSuffix("W") {
                let number = field.dropLast()
                guard let day = Int(number), number.allSatisfy(\.isNumber), (1...31).contains(day) else {
                    throw fail("in day-of-month, nW means the weekday nearest day n (1-31), as in 15W, not \"\(field)\"")
                }
                return .nearestWeekday(to: day)
            }
            throw fail("day-of-month \"\(field)\" is not understood; use L, L-3, LW or 15W")
        }
        return .days(try values(field, dom))
    }

    private func dayOfWeekRule(_ field: String) throws(TimerDefinitionError) -> CronPattern.DayOfWeekRule {
        let dow = dialect == .quartz ? Field(index: 5, min: 1, max: 7) : Field(index: 5, min: 0, max: 7)
        if field == "?" || field == "*" { return .any }
        if field == "L" {
            guard dialect == .quartz else { throw fail("in day-of-week, L needs a day before it, as in 5L or FRIL (the last Friday)") }
            return .days([7])  // Quartz reads a lone L here as 7, Saturday.
        }
        if field.contains("#") {
            if field.contains(",") { throw fail("a day-of-week with '#' cannot be combined with other days in a list") }
            let parts = field.split(separator: "#", omittingEmptySubsequences: false)
            guard parts.count == 2, let n = Int(parts[1]), (1...5).contains(n) else {
                throw fail("in day-of-week, d#n means the n-th (1-5) such day of the month, as in FRI#2 or \(dialect == .quartz ? "6" : "5")#2, not \"\(field)\"")
            }
            return .nth(weekday: try weekday(String(parts[0]), dow), n: n)
        }
        if field.hasSuffix("L") {
            if field.contains(",") { throw fail("'L' in day-of-week cannot be combined with other days in a list") }
            return .last(weekday: try weekday(String(field.dropLast()), dow))
        }
        return .days(Set(try values(field, dow).map { dialect == .quartz ? $0 : $0 % 7 + 1 }))
    }

    /// One day of week, converted to Quartz numbering.
    private func weekday(_ token: String, _ dow: Field) throws(TimerDefinitionError) -> Int {
        let v = try value(token, dow)
        return dialect == .quartz ? v : v % 7 + 1
    }

    // MARK: - Lists, ranges, steps

    private func values(_ field: String, _ f: Field) throws(TimerDefinitionError) -> Set<Int> {
        if field == "?" {
            throw fail("'?' is only allowed in day-of-month and day-of-week, not in the \(f.name) field")
        }
        var result = Set<Int>()
        for item in field.split(separator: ",").map(String.init) {
            let slashParts = item.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard slashParts.count <= 2 else { throw fail("\"\(item)\" in the \(f.name) field has more than one '/'") }
            var step = 1
            if slashParts.count == 2 {
                let span = f.max - f.min + 1
                guard let s = Int(slashParts[1]), slashParts[1].allSatisfy(\.isNumber), s >= 1, s <= span else {
                    throw fail("the step after '/' in the \(f.name) field must be a number from 1 to \(span), not \"\(slashParts[1])\"")
                }
                step = s
            }
            let base = slashParts[0]
            var start: Int, end: Int
            if base == "*" {
                (start, end) = (f.min, f.max)
            } else if let dash = base.dropFirst().firstIndex(of: "-") {
                start = try value(String(base[..<dash]), f)
                end = try value(String(base[base.index(after: dash)...]), f)
            } else {
                start = try value(base, f)
                // Quartz: `a/n` runs from a to the field's maximum; a single value is just itself.
                end = slashParts.count == 2 ? f.max : start
            }
            if f.index == 6, end < start { throw fail("the year range \(start)-\(end) ends before it starts") }
            let span = f.max - f.min + 1
            let length = end >= start ? end - start : end + span - start  // wrapping ranges like FRI-MON, 22-2
            for k in stride(from: 0, through: length, by: step) {
                var v = start + k
                if v > f.max { v -= span }
                result.insert(v)
            }
        }
        return result
    }

    private func value(_ token: String, _ f: Field) throws(TimerDefinitionError) -> Int {
        if let n = Int(token), token.allSatisfy(\.isNumber) {
            guard (f.min...f.max).contains(n) else {
                throw fail("\(n) is out of range for the \(f.name) field (\(f.min)-\(f.max)\(rangeHint(f)))")
            }
            return n
        }
        if f.index == 4, let i = Self.monthNames.firstIndex(of: token) { return i + 1 }
        if f.index == 5, let i = Self.dayNames.firstIndex(of: token) {
            // Quartz: SUN = 1; Spring: SUN = 0, MON = 1.
            return dialect == .quartz ? i + 1 : i
        }
        if token.isEmpty { throw fail("a value is missing in the \(f.name) field") }
        let names = f.index == 4 ? " (or JAN-DEC)" : f.index == 5 ? " (or SUN-SAT)" : ""
        throw fail("\"\(token)\" is not a valid \(f.name) value; expected \(f.min)-\(f.max)\(names)")
    }

    private func rangeHint(_ f: Field) -> String {
        guard f.index == 5 else { return "" }
        return dialect == .quartz ? ", 1 = Sunday, or SUN-SAT" : ", 0 or 7 = Sunday, 1 = Monday, or SUN-SAT"
    }
}
