import Foundation

/// bpmnrun's `date` variables hold an instant (`Date`), while Python has three date kinds that do
/// not mix: `date`, naive `datetime` and aware `datetime` (`date.today() == d` is False when `d`
/// came back as a datetime; comparing a naive with an aware datetime raises TypeError). So that a
/// value a script stored comes back to the next script as the same kind, the engine remembers the
/// kind (and UTC offset) of each instant that came out of Python, keyed by its microsecond.
///
/// Instants that never came from Python (form dates, start variables) become naive `datetime`s in
/// UTC. Two values of different kinds at the very same microsecond (`date(2024, 5, 1)` and
/// `datetime(2024, 5, 1)`) share one entry: the later one wins. The memory is bounded; when full it
/// is cleared, after which older values come back as naive datetimes.
///
/// Precision: Python's microsecond. A `Date` with a finer fraction is rounded to the microsecond.
final class PythonDateKinds {
    enum Kind: Int {
        case date = 0
        case naiveDateTime = 1
        case awareDateTime = 2
    }

    static let capacity = 65_536
    private var kinds: [Int64: (Kind, Int)] = [:]

    func remember(_ micros: Int64, kind: Kind, offset: Int) {
        if kind == .naiveDateTime {
            // The default needs no entry, but a stale entry for the same instant must go.
            kinds[micros] = nil
            return
        }
        if kinds.count >= Self.capacity { kinds.removeAll(keepingCapacity: true) }
        kinds[micros] = (kind, offset)
    }

    /// The kind and UTC offset (seconds) to give the instant in Python.
    func kind(of micros: Int64) -> (Kind, Int) {
        kinds[micros] ?? (.naiveDateTime, 0)
    }

    static func microseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    static func date(_ micros: Int64) -> Date {
        Date(timeIntervalSince1970: Double(micros) / 1_000_000)
    }
}
