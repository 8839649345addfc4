import BPMNModel

/// One entry of the execution trace. `seq` and `at` are filled in by the run.
public struct TraceEvent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case processStarted, activityStarted, activityCompleted, flowTaken, gatewayDecision, variableSet
        case waiting, serviceSkipped, scriptFailed, tokenEnded, processCompleted, processFailed, processTerminated
        case messageReceived, signalReceived, timerFired, errorThrown, escalationThrown, activityTerminated
        case scopeStarted, scopeCompleted, messageSent, signalThrown, compensationThrown, conditionSatisfied, listenerSkipped
        case variableDeleted
    }

    public var seq: Int
    /// ISO 8601 time of the run's clock.
    public var at: String
    public var kind: Kind
    public var element: String?
    public var type: String?
    public var name: String?
    public var token: Int?
    public var scope: Int?
    /// Event-specific keys (see docs/trace-format.md), in the order they are written.
    public var extra: [(key: String, value: VariableValue)]

    public init(seq: Int = 0, at: String = "", kind: Kind, element: String? = nil, type: String? = nil, name: String? = nil,
                token: Int? = nil, scope: Int? = nil, extra: [(key: String, value: VariableValue)] = []) {
        self.seq = seq
        self.at = at
        self.kind = kind
        self.element = element
        self.type = type
        self.name = name
        self.token = token
        self.scope = scope
        self.extra = extra
    }

    public static func == (a: TraceEvent, b: TraceEvent) -> Bool {
        a.seq == b.seq && a.at == b.at && a.kind == b.kind && a.element == b.element && a.type == b.type
            && a.name == b.name && a.token == b.token && a.scope == b.scope
            && a.extra.map(\.key) == b.extra.map(\.key) && a.extra.map(\.value) == b.extra.map(\.value)
    }

    public subscript(key: String) -> VariableValue? { extra.first { $0.key == key }?.value }

    /// The event as one JSON object.
    public func json() -> String {
        var writer = JSONByteWriter(capacity: 256)
        write(into: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Appends the event as one JSON object (bytes, not a String: a traced run writes several
    /// events per flow node).
    public func write(into w: inout JSONByteWriter) {
        w.raw("{\"seq\":")
        w.integer(seq)
        w.raw(",\"at\":")
        w.string(at)
        w.raw(",\"event\":\"")
        w.raw(kind.rawValue)
        w.raw("\"")
        if let element { w.raw(",\"element\":"); w.string(element) }
        if let type { w.raw(",\"type\":"); w.string(type) }
        if let name { w.raw(",\"name\":"); w.string(name) }
        if let token { w.raw(",\"token\":"); w.integer(token) }
        if let scope { w.raw(",\"scope\":"); w.integer(scope) }
        for (key, value) in extra {
            w.raw(",")
            w.string(key)
            w.raw(":")
            w.value(value)
        }
        w.raw("}")
    }
}

/// How a run ended, written at the end of the trace.
public struct TraceSummary: Sendable {
    public var status: RunStatus
    public var error: RunError?
    public var active: [String]
    public var variables: [String: VariableValue]
    /// Messages, signals, timers and conditions still waited for (see `PendingEvent`).
    public var pending: [VariableValue]
    /// The scope instances still running below the process instance (sub-processes, multi-instance
    /// bodies and instances, activity scopes, called processes) with their local variables.
    public var scopes: [VariableValue]
    /// One record per `active` id: the waiting token's scope and, for tasks, their resolved name,
    /// assignee and form (see `ProcessRun.waitingRecords`).
    public var waiting: [VariableValue]

    public init(status: RunStatus, error: RunError?, active: [String], variables: [String: VariableValue],
                pending: [VariableValue] = [], scopes: [VariableValue] = [], waiting: [VariableValue] = []) {
        self.scopes = scopes
        self.waiting = waiting
        self.status = status
        self.error = error
        self.active = active
        self.variables = variables
        self.pending = pending
    }
}

/// Receives trace events as they happen.
public protocol TraceSink: AnyObject {
    func record(_ event: TraceEvent)
    func finish(_ summary: TraceSummary)
    /// Hands buffered events to their destination; the run calls it whenever it stops to wait.
    func flush()
}

extension TraceSink {
    public func flush() {}
}

/// Keeps the events in memory: for tests, the conformance runner and the end-of-run summary.
public final class InMemoryTrace: TraceSink {
    public private(set) var events: [TraceEvent] = []
    public private(set) var summary: TraceSummary?
    public init() {}
    public func record(_ event: TraceEvent) { events.append(event) }
    public func finish(_ summary: TraceSummary) { self.summary = summary }

    /// Ids of flow nodes in the order they completed.
    public var completedElements: [String] { events.filter { $0.kind == .activityCompleted }.compactMap(\.element) }
}

/// Sends every event to several sinks.
public final class TraceFanOut: TraceSink {
    let sinks: [TraceSink]
    public init(_ sinks: [TraceSink]) { self.sinks = sinks }
    public func record(_ event: TraceEvent) { for s in sinks { s.record(event) } }
    public func finish(_ summary: TraceSummary) { for s in sinks { s.finish(summary) } }
    public func flush() { for s in sinks { s.flush() } }
}
