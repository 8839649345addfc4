import Foundation

/// A Camunda 7 cron `timeCycle`: `second minute hour day-of-month month day-of-week [year]`.
///
/// Mirrors `org.camunda.bpm.engine.impl.calendar.CronExpression` (Quartz-derived, Camunda ≤ 7.23) or, with
/// `.spring53`, cron-utils' Spring 5.3 definition (Camunda 7.24); see `CronDialect` for where they differ.
/// Fields accept `*`, `?` (day fields), lists `a,b`, ranges `a-b` (wrapping, as `FRI-MON` or `22-2`), steps
/// `*/n` and `a/n` and `a-b/n`, month names `JAN`…`DEC` and day names `SUN`…`SAT` in any case. Day of month
/// also takes `L`, `L-n`, `LW`, `L-nW` and `nW`; day of week `nL` (last such day of the month) and `n#k` (k-th
/// such day). `nextFire(after:)` is Quartz's `getTimeAfter`: the first matching whole second strictly after
/// the given instant, looking at most 100 years ahead.
public struct CronExpression: Sendable, Equatable {
    public let text: String
    public let dialect: CronDialect
    /// Usually one; several for Spring's `a|b` fields, which cron-utils reads as a union of expressions.
    let patterns: [CronPattern]

    static let fieldNames = ["second", "minute", "hour", "day-of-month", "month", "day-of-week", "year"]

    public init(_ raw: String, dialect: CronDialect = .quartz) throws(TimerDefinitionError) {
        let t = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        text = t
        self.dialect = dialect
        if dialect == .spring53, let expanded = Self.springNickname(t) {
            patterns = [try CronFieldParser(text: t, dialect: dialect).pattern(fields: expanded)]
            return
        }
        let fields = t.uppercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        let parser = CronFieldParser(text: t, dialect: dialect)
        try parser.checkFieldCount(fields)
        if dialect == .spring53, fields.contains(where: { $0.contains("|") }) {
            let counts = Set(fields.filter { $0.contains("|") }.map { $0.split(separator: "|", omittingEmptySubsequences: false).count })
            guard counts.count == 1, let count = counts.first else {
                throw parser.fail("every field using | must list the same number of alternatives")
            }
            patterns = try (0..<count).map { (j: Int) throws(TimerDefinitionError) -> CronPattern in
                let variant = fields.map { field in
                    field.contains("|") ? String(field.split(separator: "|", omittingEmptySubsequences: false)[j]) : field
                }
                return try parser.pattern(fields: variant)
            }
            return
        }
        patterns = [try parser.pattern(fields: fields)]
    }

    /// The first firing strictly after `reference`, in `timeZone` (Camunda: the JVM's zone); nil when the
    /// expression never matches again.
    public func nextFire(after reference: Date, timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return patterns.compactMap { $0.nextFire(after: reference, calendar: calendar) }.min()
    }

    /// cron-utils' nicknames, as its `CronBuilder` expands them.
    static func springNickname(_ text: String) -> [String]? {
        switch text {
        case "@yearly", "@annually": return ["0", "0", "0", "1", "1", "?"]
        case "@monthly": return ["0", "0", "0", "1", "*", "?"]
        case "@weekly": return ["0", "0", "0", "?", "*", "0"]
        case "@daily", "@midnight": return ["0", "0", "0", "*", "*", "?"]
        case "@hourly": return ["0", "0", "*", "*", "*", "?"]
        default: return nil
        }
    }
}
