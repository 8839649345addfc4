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

    private static let fixedKeys: Set<String> = ["seq", "at", "event", "element", "type", "name", "token", "scope"]

    /// A saved event back as a trace event (its own keys after the common ones, in name order).
    static func event(from value: VariableValue) -> TraceEvent? {
        guard case .object(let o) = value, case .integer(let seq)? = o["seq"], case .string(let at)? = o["at"],
              case .string(let kindText)? = o["event"], let kind = TraceEvent.Kind(rawValue: kindText) else { return nil }
        let extra = o.keys.filter { !fixedKeys.contains($0) }.sorted().map { (key: $0, value: o[$0]!) }
        return TraceEvent(seq: Int(seq), at: at, kind: kind, element: o["element"]?.stringValue, type: o["type"]?.stringValue,
                          name: o["name"]?.stringValue, token: o["token"]?.integerValue.map { Int($0) },
                          scope: o["scope"]?.integerValue.map { Int($0) }, extra: extra)
    }
}
