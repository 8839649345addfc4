import Foundation

/// An ISO 8601 interval, optionally repeated, as Camunda 7's `DurationHelper` reads it: the text is split at
/// `/` into at most three parts, an optional `R<n>` / `R` first, then one of
/// `<duration>`, `<duration>/<end>`, `<start>/<duration>` or `<start>/<end>`.
///
/// `dueDate(after:)` mirrors `DurationHelper.getDateAfter`:
/// - not repeated: the end if given, else start + duration (start defaults to the creation time);
/// - repeated with a start (`R3/2025-01-01T08:00/PT1H`, or the creation time when none is written): the first
///   of start, start + P, start + 2P, … (at most `n` additions) that is later than the reference time, or none
///   once `n` periods have passed;
/// - repeated with an end (`R3/PT1H/2025-01-01T12:00`): counting back from the end in steps of P, the earliest
///   of end, end - P, … (at most `n` steps back) that is not before the reference time.
/// `R` alone repeats without limit (`Integer.MAX_VALUE` in Camunda).
struct RepeatingInterval: Sendable, Equatable {
    /// nil when the text has no `R` part.
    var repetitions: Int?
    var start: Date?
    var end: Date?
    var period: ISODuration
    /// How many `/`-separated parts the text had (Camunda inserts the creation time into two-part cycles).
    var partCount: Int
    var text: String

    static let examples = "R3/PT10M (3 times, 10 minutes apart), R/PT1H (every hour), R2/2025-03-01T08:00:00Z/P1D or R5/PT1H/2025-03-01T17:00:00Z"

    init(_ raw: String, timeZone: TimeZone) throws(TimerDefinitionError) {
        let t = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        text = t
        func fail(_ why: String) -> TimerDefinitionError {
            TimerDefinitionError(text: t, message: "\"\(t)\" is not a valid ISO 8601 repeating interval: \(why). Write it like \(Self.examples)")
        }
        var parts = t.split(separator: "/", omittingEmptySubsequences: false).map {
            String($0).trimmingCharacters(in: .whitespaces)
        }
        partCount = parts.count
        guard parts.count <= 3 else { throw fail("it has more than three parts separated by /") }
        if parts.contains(where: \.isEmpty) { throw fail("it has an empty part between slashes") }
        if let first = parts.first, first.hasPrefix("R") {
            let count = first.dropFirst()
            if count.isEmpty {
                repetitions = Int(Int32.max)
            } else {
                guard count.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(count), n <= Int(Int32.max) else {
                    throw fail("after R comes the number of repetitions (R3) or nothing (R, no limit), not \"\(count)\"")
                }
                repetitions = n
            }
            parts.removeFirst()
            guard !parts.isEmpty else { throw fail("a duration must follow \(first), as in \(first)/PT10M") }
        }
        func duration(_ s: String) throws(TimerDefinitionError) -> ISODuration {
            do { return try ISODuration.parse(s, flavor: .xmlSchema) } catch {
                throw TimerDefinitionError(text: t, message: "in \"\(t)\": \(error.message)")
            }
        }
        func date(_ s: String) throws(TimerDefinitionError) -> Date {
            do { return try ISODateTime.parse(s, timeZone: timeZone) } catch {
                throw TimerDefinitionError(text: t, message: "in \"\(t)\": \(error.message)")
            }
        }
        if parts[0].hasPrefix("P") {
            period = try duration(parts[0])
            if parts.count > 2 { throw fail("nothing may follow <duration>/<end>") }
            end = parts.count == 2 ? try date(parts[1]) : nil
        } else {
            guard parts.count >= 2 else {
                throw fail("\"\(parts[0])\" is not a duration (durations start with P); a start date needs a duration or an end after it")
            }
            if parts.count > 2 { throw fail("nothing may follow <start>/<duration>") }
            let from = try date(parts[0])
            start = from
            if parts[1].hasPrefix("P") {
                period = try duration(parts[1])
            } else {
                let to = try date(parts[1])
                end = to
                // Camunda: datatypeFactory.newDuration(end - start) in milliseconds.
                period = ISODuration(spanningMilliseconds: Int64(((to.timeIntervalSince(from)) * 1000).rounded()))
            }
        }
    }

    var isRepeating: Bool { repetitions != nil }

    /// `DurationHelper.getDateAfter(reference)`, where `defaultStart` stands for the creation time that
    /// Camunda uses when the text names neither start nor end. `referenceHasPassed` is true when the reference
    /// is the due date of a timer that fires now: Camunda's job executor always runs a job a little after its
    /// due date, so that instant counts as passed (otherwise the last repetition would be due again at once).
    func dueDate(after reference: Date, defaultStart: Date, timeZone: TimeZone, referenceHasPassed: Bool) -> Date? {
        let start = self.start ?? (end == nil ? defaultStart : nil)
        guard let repetitions else {
            if let end { return end }
            return period.adding(to: start ?? defaultStart, timeZone: timeZone)
        }
        let ref = reference.epochMilliseconds
        // Camunda's `cur.before(now)`: with the reference being a due date that has passed, "before" includes it.
        func isBefore(_ d: Date) -> Bool { referenceHasPassed ? d.epochMilliseconds <= ref : d.epochMilliseconds < ref }
        if let start {
            var current = start
            if let step = period.fixedMilliseconds {
                // Same result as the loop below, without stepping through every repetition of `R/PT1S`.
                let elapsed = ref - start.epochMilliseconds
                if elapsed >= 0, step != 0 {
                    // A negative step (start/end written backwards) never passes the reference: all repetitions run.
                    let steps = step > 0 ? min(Int64(repetitions), elapsed / step + 1) : Int64(repetitions)
                    current = Date(epochMilliseconds: start.epochMilliseconds + steps * step)
                }
            } else {
                var i = 0
                while i < repetitions, current.epochMilliseconds <= ref {
                    current = period.adding(to: current, timeZone: timeZone)
                    i += 1
                }
            }
            return isBefore(current) ? nil : current
        }
        let end = self.end!
        var negated = period
        negated.isNegative.toggle()
        if let step = period.fixedMilliseconds {
            let ahead = end.epochMilliseconds - ref
            guard step > 0, ahead > 0 else { return isBefore(end) ? nil : end }
            let steps = min(Int64(repetitions), (ahead - 1) / step)
            return Date(epochMilliseconds: end.epochMilliseconds - steps * step)
        }
        var current = negated.adding(to: end, timeZone: timeZone)
        var next = end
        var i = 0
        while i < repetitions, current.epochMilliseconds > ref {
            next = current
            current = negated.adding(to: current, timeZone: timeZone)
            i += 1
        }
        return isBefore(next) ? nil : next
    }
}
