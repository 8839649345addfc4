import BPMNEngine
import BPMNModel
import Foundation

/// What the user can do when the run waits: work on a task, deliver a message, broadcast a
/// signal, fire the next timer, advance the clock or set variables. Shown when more than one
/// thing is possible (several tasks after a split, or tasks and events).
struct WaitMenu {
    let terminal: Terminal

    enum Choice {
        case task(WaitingTask)
        case message(String)
        case signal(String)
        case nextTimer
        case advance(Double, String)
        case set([String: VariableValue])
        case stop(Terminal.Line)
    }

    func choose(tasks: [WaitingTask], events: [PendingEvent], now: Date) -> Choice {
        var options: [(label: String, choice: Choice)] = []
        for t in tasks {
            options.append(("\(t.node.displayName) " + terminal.dim("(\(t.node.id), \(t.reason))"), .task(t)))
        }
        var seen = Set<String>()
        for e in events where e.kind == .message || e.kind == .signal {
            guard seen.insert("\(e.kind.rawValue):\(e.name)").inserted else { continue }
            let verb = e.kind == .message ? "deliver message" : "broadcast signal"
            let label = "\(verb) '\(e.name)' " + terminal.dim("(\(e.elementName ?? e.element)\(e.interrupting ? "" : ", non-interrupting"))")
            options.append((label, e.kind == .message ? .message(e.name) : .signal(e.name)))
        }
        if let timer = events.first(where: { $0.kind == .timer }), let due = timer.due {
            let wait = Self.describe(due.timeIntervalSince(now))
            options.append(("fire the next timer: \(timer.elementName ?? timer.element) " + terminal.dim("(\(timer.name), due \(DateFormats.iso8601String(due)), in \(wait))"),
                            .nextTimer))
        }
        let conditions = events.filter { $0.kind == .conditional }
        terminal.line()
        terminal.line(terminal.bold("The run waits. What next?"))
        for (i, o) in options.enumerated() { terminal.line("  \(i + 1)) \(o.label)") }
        for c in conditions { terminal.line(terminal.dim("  (condition '\(c.name)' at \(c.element) waits for variables: use 'set')")) }
        terminal.line(terminal.dim("  or: 'advance PT2H' moves the clock; 'set name=value ...' changes variables"))
        while true {
            switch terminal.ask("Choose (1-\(options.count), default 1): ") {
            case .text(let raw):
                let text = raw.trimmingCharacters(in: .whitespaces)
                if text.isEmpty, let first = options.first { return first.choice }
                if let n = Int(text), n >= 1, n <= options.count { return options[n - 1].choice }
                if let match = tasks.first(where: { $0.node.id == text }) { return .task(match) }
                if text.hasPrefix("advance ") {
                    let d = String(text.dropFirst(8)).trimmingCharacters(in: .whitespaces)
                    if let seconds = Self.seconds(ofDuration: d) { return .advance(seconds, d) }
                    terminal.line("  " + terminal.red("✗ '\(d)' is not an ISO 8601 duration such as PT2H or P1D"))
                    continue
                }
                if text.hasPrefix("set ") {
                    var vars: [String: VariableValue] = [:]
                    var bad: String?
                    for part in text.dropFirst(4).split(separator: " ") {
                        do {
                            let (name, value) = try VariableParsing.assignment(String(part))
                            vars[name] = value
                        } catch { bad = "\(error)" }
                    }
                    if let bad { terminal.line("  " + terminal.red("✗ \(bad)")); continue }
                    return .set(vars)
                }
                terminal.line("  " + terminal.red("✗ enter a number from 1 to \(options.count), 'advance PT1H' or 'set name=value'"))
            case let other:
                return .stop(other)
            }
        }
    }

    /// Seconds in an ISO 8601 duration, nil when invalid or negative.
    static func seconds(ofDuration text: String) -> Double? {
        guard let s = try? ISODuration.parse(text).secondsFromEpoch, s >= 0 else { return nil }
        return s
    }

    static func describe(_ seconds: Double) -> String {
        if seconds <= 0 { return "now" }
        let s = Int(seconds)
        if s < 120 { return "\(s) s" }
        if s < 7200 { return "\(s / 60) min" }
        if s < 172_800 { return "\(s / 3600) h" }
        return "\(s / 86400) days"
    }
}
