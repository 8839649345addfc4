import BPMNModel

/// Turns one run's trace events, in order, into the events of one XES trace.
///
/// Only what a process-mining tool calls an activity becomes an event: a flow node a token entered
/// (`start`), left (`complete`) or was cancelled in (`ate_abort`, the standard lifecycle model's
/// "activity aborted after it started"; every cancelled activity in bpmnrun had started, so
/// `withdraw`, for work scheduled and never started, does not occur). Flows, gateway decisions and
/// variable writes are not activities and are left out. See docs/xes.md.
public struct XESTraceBuilder {
    public private(set) var events: [XESEvent] = []

    /// The activity instances started and not yet ended, by token and element, with the index of
    /// their start event (so a later `waiting` can name the resource on it too).
    private var open: [InstanceKey: OpenInstance] = [:]
    private var nextInstance = 1

    private struct InstanceKey: Hashable {
        let token: Int
        let element: String
    }

    private struct OpenInstance {
        let instance: Int
        let startIndex: Int
        var resource: String?
        var group: String?
    }

    public init() {}

    public mutating func add(_ event: TraceEvent) {
        guard let element = event.element else { return }
        let key = InstanceKey(token: event.token ?? 0, element: element)
        switch event.kind {
        case .activityStarted:
            let instance = OpenInstance(instance: nextInstance, startIndex: events.count)
            nextInstance += 1
            open[key] = instance
            events.append(xesEvent(event, element: element, transition: "start", instance: instance))
        case .activityCompleted, .activityTerminated:
            let transition = event.kind == .activityCompleted ? "complete" : "ate_abort"
            let instance: OpenInstance
            if let started = open.removeValue(forKey: key) {
                instance = started
            } else {
                // Ended without a start in this trace (a trace cut short at its head): still an event.
                instance = OpenInstance(instance: nextInstance, startIndex: events.count)
                nextInstance += 1
            }
            var xes = xesEvent(event, element: element, transition: transition, instance: instance)
            if event.kind == .activityTerminated, let reason = event["reason"]?.stringValue { xes["reason"] = .string(reason) }
            events.append(xes)
        case .waiting:
            guard var instance = open[key] else { return }
            if let assignee = event["assignee"]?.stringValue, !assignee.isEmpty {
                instance.resource = assignee
                events[instance.startIndex]["org:resource"] = .string(assignee)
            }
            // org:group names one group; a list of candidate groups names none in particular.
            if let groups = event["candidateGroups"]?.stringValue, !groups.isEmpty, !groups.contains(",") {
                instance.group = groups
                events[instance.startIndex]["org:group"] = .string(groups)
            }
            open[key] = instance
        default:
            return
        }
    }

    private func xesEvent(_ event: TraceEvent, element: String, transition: String, instance: OpenInstance) -> XESEvent {
        var attributes: [XESAttribute] = [
            XESAttribute("concept:name", .string(event.name.flatMap { $0.isEmpty ? nil : $0 } ?? element)),
            XESAttribute("concept:instance", .string(String(instance.instance))),
            XESAttribute("lifecycle:transition", .string(transition)),
            XESAttribute("time:timestamp", .date(event.at)),
        ]
        if let resource = instance.resource { attributes.append(XESAttribute("org:resource", .string(resource))) }
        if let group = instance.group { attributes.append(XESAttribute("org:group", .string(group))) }
        attributes.append(XESAttribute("elementId", .string(element)))
        attributes.append(XESAttribute("elementType", .string(event.type ?? "")))
        attributes.append(XESAttribute("seq", .int(Int64(event.seq))))
        if let token = event.token { attributes.append(XESAttribute("token", .int(Int64(token)))) }
        if let scope = event.scope { attributes.append(XESAttribute("scope", .int(Int64(scope)))) }
        return XESEvent(attributes: attributes)
    }
}
