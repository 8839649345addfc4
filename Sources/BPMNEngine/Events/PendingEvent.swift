import BPMNModel
import Foundation

/// Something the run waits for from outside other than a task: what the terminal offers to deliver
/// and the trace lists as `pending`.
public struct PendingEvent: Sendable, Equatable {
    public enum Kind: String, Sendable { case message, signal, timer, conditional }
    public var kind: Kind
    /// Message or signal name; timer definition; condition text.
    public var name: String
    /// The catching element (boundary event, catch event, receive task, event sub-process start).
    public var element: String
    public var elementName: String?
    /// Timers: when they are due.
    public var due: Date?
    public var token: Int?
    public var interrupting: Bool

    var traceValue: VariableValue {
        var o: [String: VariableValue] = ["kind": .string(kind.rawValue), "name": .string(name), "element": .string(element),
                                          "interrupting": .boolean(interrupting)]
        if let due { o["due"] = .string(DateFormats.iso8601String(due)) }
        return .object(o)
    }
}

extension ProcessRun {
    /// Messages, signals, timers and conditions the run waits for, timers soonest first.
    public var pendingEvents: [PendingEvent] {
        state.subscriptions.values.sorted { a, b in
            if a.kind == .timer && b.kind == .timer { return (a.due ?? 0, a.id) < (b.due ?? 0, b.id) }
            return a.id < b.id
        }.map { s in
            let n = processes[s.process].spec.nodes[s.node]
            let interrupting = n.kind == .boundaryEvent ? n.cancelActivity : (n.kind == .startEvent ? n.isInterrupting : true)
            return PendingEvent(kind: PendingEvent.Kind(rawValue: s.kind.rawValue)!, name: s.name, element: n.id,
                                elementName: n.name, due: s.due.map { Date(timeIntervalSince1970: $0) }, token: s.token,
                                interrupting: interrupting)
        }
    }

    /// The next timer due, if any.
    public var nextTimerDue: Date? {
        state.subscriptions.values.compactMap { $0.kind == .timer ? $0.due : nil }.min().map { Date(timeIntervalSince1970: $0) }
    }
}
