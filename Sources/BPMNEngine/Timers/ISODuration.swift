import Foundation

/// An ISO 8601 duration such as `PT10M`, `P1DT12H`, `P2W` or `PT1.5S`, as Camunda 7 reads timer values.
///
/// Camunda has two readers and this type mirrors both:
/// - `timeDuration` and `timeCycle` go through `DurationHelper`, i.e. `javax.xml.datatype.Duration`
///   (`.xmlSchema`): `PnYnMnDTnHnMnS`, a fraction only on seconds, and weeks only on their own (`P3W`;
///   `P1W2D` is rejected). Camunda turns `PnW` into milliseconds and back into a `Duration`, which
///   decomposes the span as an offset from 1970-01-01: `P5W` (35 days) becomes "1 month 4 days". That quirk
///   is reproduced so `P5W` lands where Camunda puts it.
/// - `timeDate` values starting with `P` go through Joda's `ISOPeriodFormat.standard()` (`.jodaPeriod`), which
///   also accepts weeks next to other units (`P1W2D`).
///
/// Values are kept per unit, not normalised (`PT70M` stays 70 minutes), because Camunda adds them unit by
/// unit: years, months and days by the calendar (so `P1M` from 31 January is the last day of February), then
/// hours, minutes and seconds as elapsed time.
public struct ISODuration: Sendable, Hashable, CustomStringConvertible {
    public enum Flavor: Sendable {
        /// `javax.xml.datatype.Duration` (timeDuration, timeCycle).
        case xmlSchema
        /// Joda-Time `ISOPeriodFormat.standard()` (timeDate written as a period).
        case jodaPeriod
    }

    /// True only for spans computed from a start and an end given in the wrong order.
    public var isNegative = false
    public var years = 0
    public var months = 0
    public var weeks = 0
    public var days = 0
    public var hours = 0
    public var minutes = 0
    public var seconds = 0
    public var milliseconds = 0

    public init(years: Int = 0, months: Int = 0, weeks: Int = 0, days: Int = 0, hours: Int = 0,
                minutes: Int = 0, seconds: Int = 0, milliseconds: Int = 0, isNegative: Bool = false) {
        self.years = years
        self.months = months
        self.weeks = weeks
        self.days = days
        self.hours = hours
        self.minutes = minutes
        self.seconds = seconds
        self.milliseconds = milliseconds
        self.isNegative = isNegative
    }

    static let examples = "PT30M (30 minutes), P1DT12H (1 day 12 hours), P2W (2 weeks) or PT1.5S"

    /// Parses `text` (surrounding whitespace ignored).
    public static func parse(_ text: String, flavor: Flavor = .xmlSchema) throws(TimerDefinitionError) -> ISODuration {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        func fail(_ why: String) -> TimerDefinitionError {
            TimerDefinitionError(text: t, message: "\"\(t)\" is not an ISO 8601 duration: \(why). Write it like \(examples)")
        }
        if t.isEmpty { throw fail("it is empty") }
        if t.hasPrefix("-") { throw fail("a timer duration cannot be negative") }
        if t.hasPrefix("p") { throw fail("the designators must be upper case (P, Y, M, W, D, T, H, S)") }
        guard t.hasPrefix("P") else { throw fail("it must start with P") }

        var result = ISODuration()
        // Designators in the order ISO 8601 requires; `rank` rejects repeats and wrong order.
        let dateUnits: [Character] = ["Y", "M", "W", "D"]
        let timeUnits: [Character] = ["H", "M", "S"]
        var inTimePart = false
        var lastRank = -1
        var sawComponent = false
        var sawTimeComponent = false
        let chars = Array(t.dropFirst())
        var i = 0
        while i < chars.count {
            if chars[i] == "T" {
                if inTimePart { throw fail("T appears twice") }
                inTimePart = true
                lastRank = -1
                i += 1
                continue
            }
            var digits = ""
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { digits.append(chars[i]); i += 1 }
            var fraction: String?
            if i < chars.count, chars[i] == "." || chars[i] == "," {
                // Joda accepts a decimal comma; javax.xml.datatype.Duration does not.
                if chars[i] == ",", flavor == .xmlSchema { throw fail("use a point, not a comma, before the fraction of seconds") }
                i += 1
                var f = ""
                while i < chars.count, chars[i].isASCII, chars[i].isNumber { f.append(chars[i]); i += 1 }
                if f.isEmpty || digits.isEmpty { throw fail("a fraction needs digits on both sides of the point, as in PT1.5S") }
                fraction = f
            }
            if digits.isEmpty {
                if i < chars.count { throw fail("expected a number before '\(chars[i])'") }
                throw fail("expected a number after \(inTimePart ? "T" : "P")")
            }
            guard i < chars.count else { throw fail("the number \(digits) has no unit (Y, M, W, D, H, M or S)") }
            let unit = chars[i]
            i += 1
            let units = inTimePart ? timeUnits : dateUnits
            guard let rank = units.firstIndex(of: unit) else {
                if !inTimePart, timeUnits.contains(unit) {
                    throw fail("hours and seconds belong after T, as in PT\(digits)\(unit)")
                }
                if inTimePart, dateUnits.contains(unit) {
                    throw fail("'\(unit)' is a date unit and must come before T")
                }
                throw fail("'\(unit)' is not a duration unit (use Y, M, W, D before T and H, M, S after it)")
            }
            if rank <= lastRank { throw fail("units must appear once each, in the order Y M W D T H M S") }
            lastRank = rank
            if fraction != nil, unit != "S" || !inTimePart {
                throw fail("only seconds may have a fraction (PT1.5S); write PT90M instead of PT1.5H")
            }
            guard let value = Int(digits), value <= Int(Int32.max) else { throw fail("\(digits) is too large") }
            sawComponent = true
            if inTimePart { sawTimeComponent = true }
            switch (inTimePart, unit) {
            case (false, "Y"): result.years = value
            case (false, "M"): result.months = value
            case (false, "W"): result.weeks = value
            case (false, "D"): result.days = value
            case (true, "H"): result.hours = value
            case (true, "M"): result.minutes = value
            default:
                result.seconds = value
                if let fraction {
                    // Both Java readers keep milliseconds and drop finer digits.
                    let ms = (fraction + "000").prefix(3)
                    result.milliseconds = Int(ms) ?? 0
                }
            }
        }
        if inTimePart, !sawTimeComponent { throw fail("T must be followed by hours, minutes or seconds, as in PT15M") }
        if !sawComponent { throw fail("it has no value after P") }
        if result.weeks > 0, flavor == .xmlSchema {
            if result != ISODuration(weeks: result.weeks) {
                var inDays = result
                inDays.days += inDays.weeks * 7
                inDays.weeks = 0
                throw fail("weeks cannot be combined with other units here (Camunda accepts weeks only alone, as in P2W); write \(inDays) instead")
            }
            // DurationHelper.parsePnWDuration: weeks -> milliseconds -> Duration (decomposed from the epoch).
            return ISODuration(spanningMilliseconds: Int64(result.weeks) * 7 * 86_400_000)
        }
        return result
    }

    /// The span `milliseconds` long as `DatatypeFactory.newDuration(long)` builds it: the fields of
    /// 1970-01-01T00:00Z plus that span (so 35 days is 1 month and 4 days).
    public init(spanningMilliseconds ms: Int64) {
        self.init()
        isNegative = ms < 0
        let magnitude = ms.magnitude
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let end = Date(timeIntervalSince1970: Double(magnitude / 1000))
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: end)
        years = (c.year ?? 1970) - 1970
        months = (c.month ?? 1) - 1
        days = (c.day ?? 1) - 1
        hours = c.hour ?? 0
        minutes = c.minute ?? 0
        seconds = c.second ?? 0
        milliseconds = Int(magnitude % 1000)
    }

    /// `date` plus this duration: years, months, weeks and days on the calendar of `timeZone` (keeping the
    /// wall-clock time, clamping to the month's last day), then hours, minutes, seconds as elapsed time, the
    /// order `Duration.addTo(Calendar)` and Joda's `DateTime.plus(Period)` use.
    public func adding(to date: Date, timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let sign = isNegative ? -1 : 1
        var result = Date(epochMilliseconds: date.epochMilliseconds)
        for (component, amount) in [(Calendar.Component.year, years), (.month, months), (.day, weeks * 7 + days)]
            where amount != 0 {
            guard let next = calendar.date(byAdding: component, value: sign * amount, to: result) else {
                return isNegative ? .distantPast : .distantFuture
            }
            result = next
        }
        return Date(epochMilliseconds: result.epochMilliseconds + Int64(sign) * elapsedMilliseconds)
    }

    /// Hours, minutes, seconds and milliseconds, the part added as elapsed time.
    var elapsedMilliseconds: Int64 {
        ((Int64(hours) * 60 + Int64(minutes)) * 60 + Int64(seconds)) * 1000 + Int64(milliseconds)
    }

    /// The length in milliseconds when it has no calendar units (years, months, weeks, days), else nil.
    var fixedMilliseconds: Int64? {
        years == 0 && months == 0 && weeks == 0 && days == 0 ? (isNegative ? -1 : 1) * elapsedMilliseconds : nil
    }

    /// Canonical ISO 8601 text (`P1DT2H`, `PT0S` when empty).
    public var description: String {
        var s = isNegative ? "-P" : "P"
        if years != 0 { s += "\(years)Y" }
        if months != 0 { s += "\(months)M" }
        if weeks != 0 { s += "\(weeks)W" }
        if days != 0 { s += "\(days)D" }
        if hours != 0 || minutes != 0 || seconds != 0 || milliseconds != 0 {
            s += "T"
            if hours != 0 { s += "\(hours)H" }
            if minutes != 0 { s += "\(minutes)M" }
            if milliseconds != 0 {
                s += "\(seconds)." + String(format: "%03d", milliseconds) + "S"
            } else if seconds != 0 {
                s += "\(seconds)S"
            }
        }
        return s == "P" || s == "-P" ? "PT0S" : s
    }
}
