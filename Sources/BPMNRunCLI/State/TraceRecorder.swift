import BPMNEngine
import BPMNModel

/// Collects the trace events of a run with `--state` between two saves; each save appends them to
/// the trace journal.
final class TraceRecorder: TraceSink {
    /// Each event as one JSON object, the bytes the trace writer writes for it.
    private(set) var unsaved: [[UInt8]] = []

    func record(_ event: TraceEvent) {
        var writer = JSONByteWriter(capacity: 256)
        event.write(into: &writer)
        unsaved.append(writer.bytes)
    }

    func markSaved() { unsaved.removeAll(keepingCapacity: true) }

    func finish(_ summary: TraceSummary) {}

    static func value(of event: TraceEvent) -> VariableValue {
        var o: [String: VariableValue] = ["seq": .integer(Int64(event.seq)), "at": .string(event.at), "event": .string(event.kind.rawValue)]
        if let element = event.element { o["element"] = .string(element) }
        if let type = event.type { o["type"] = .string(type) }
        if let name = event.name { o["name"] = .string(name) }
        if let token = event.token { o["token"] = .integer(Int64(token)) }
        if let scope = event.scope { o["scope"] = .integer(Int64(scope)) }
        for (key, value) in event.extra { o[key] = value }
        return .object(o)
    }

    /// A saved event back as a trace event (nil when it is not one).
    static func event(from value: VariableValue) -> TraceEvent? { try? SavedTrace.event(value) }
}
