import BPMNModel

/// Camunda 7's start-event checks: a process and every embedded sub-process need a start event;
/// one none/timer start event per process; one start event per sub-process; event sub-processes
/// start with a typed event, and start events of plain sub-processes carry no event definition.
public struct StartEventRule: ValidationRule {
    public static let id = "camunda-start-event"
    public static let summary = "Start events as Camunda 7 accepts them (one per sub-process, typed in event sub-processes, one none/timer start per process)."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:startEvent id=\"Start_1\" /><bpmn:startEvent id=\"Start_2\" />"),
            .process("<bpmn:startEvent id=\"Start\" /><bpmn:subProcess id=\"Sub\" triggeredByEvent=\"true\"><bpmn:startEvent id=\"Sub_Start\" /></bpmn:subProcess>"),
            .process("<bpmn:startEvent id=\"Start\" /><bpmn:subProcess id=\"Sub\"><bpmn:task id=\"Inner\" /></bpmn:subProcess>"),
            .process("<bpmn:startEvent id=\"Start\" /><bpmn:transaction id=\"Booking\"><bpmn:startEvent id=\"Booking_Start\"><bpmn:errorEventDefinition id=\"E\" /></bpmn:startEvent></bpmn:transaction>"),
            .process("<bpmn:task id=\"Only\" />"),
        ],
        passing: [.process("""
            <bpmn:startEvent id="Start" />
            <bpmn:startEvent id="Message_Start"><bpmn:messageEventDefinition id="M" messageRef="Msg" /></bpmn:startEvent>
            <bpmn:subProcess id="Sub"><bpmn:startEvent id="Sub_Start" /></bpmn:subProcess>
            <bpmn:subProcess id="Events" triggeredByEvent="true"><bpmn:startEvent id="Events_Start"><bpmn:timerEventDefinition id="T"><bpmn:timeDuration>PT5M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent></bpmn:subProcess>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.processes where p.isExecutable == true {
            let starts = p.topLevelNodes.filter { p.nodes[$0].kind == .startEvent }
            if starts.isEmpty {
                out.append(RuleFinding("process must define a startEvent element", at: p.location, element: p.id))
            }
            let exclusive = starts.filter { i in
                let defs = p.nodes[i].eventDefinitions
                return defs.isEmpty || defs.first?.kind == .timer
            }
            for i in exclusive.dropFirst() {
                out.append(RuleFinding("multiple none start events or timer start events not supported on process definition",
                                       at: p.nodes[i].location, element: p.nodes[i].id))
            }
            // Transactions are sub-processes to Camunda (ad-hoc ones it drops).
            for s in p.nodes.indices where p.nodes[s].kind == .subProcess || p.nodes[s].kind == .transaction {
                checkSubProcess(p, s, &out)
            }
        }
        return out
    }

    private func checkSubProcess(_ p: ProcessSpec, _ s: Int, _ out: inout [RuleFinding]) {
        let sub = p.nodes[s]
        let starts = sub.children.filter { p.nodes[$0].kind == .startEvent }
        if starts.isEmpty {
            out.append(RuleFinding("\(sub.kind.rawValue) must define a startEvent element", at: sub.location, element: sub.id))
            return
        }
        for i in starts.dropFirst() {
            out.append(RuleFinding("multiple start events not supported for subprocess", at: p.nodes[i].location, element: p.nodes[i].id))
        }
        guard let first = starts.first else { return }
        let start = p.nodes[first]
        let kinds = start.eventDefinitions.map(\.kind)
        if sub.triggeredByEvent {
            let allowed: Set<EventDefinition.Kind> = [.error, .message, .timer, .signal, .compensate, .escalation, .conditional]
            if kinds.isEmpty || !allowed.contains(kinds[0]) {
                out.append(RuleFinding("start event of event subprocess must be of type 'error', 'message', 'timer', 'signal', 'compensation' or 'escalation'",
                                       at: start.location, element: start.id))
            } else if kinds[0] == .error && !start.isInterrupting {
                out.append(RuleFinding("error start event of event subprocess must be interrupting", at: start.location, element: start.id))
            }
        } else if let def = start.eventDefinitions.first {
            let message: String
            switch def.kind {
            case .conditional: message = "conditionalEventDefinition is not allowed on start event within a subprocess"
            case .timer: message = "timerEventDefinition is not allowed on start event within a subprocess"
            case .escalation: message = "escalationEventDefinition is not allowed on start event within a subprocess"
            case .compensate: message = "compensateEventDefinition is not allowed on start event within a subprocess"
            case .error: message = "errorEventDefinition only allowed on start event if subprocess is an event subprocess"
            case .message: message = "messageEventDefinition only allowed on start event if subprocess is an event subprocess"
            case .signal: message = "signalEventDefintion only allowed on start event if subprocess is an event subprocess"
            default: return
            }
            out.append(RuleFinding(message, at: def.location, element: start.id))
        }
    }
}
