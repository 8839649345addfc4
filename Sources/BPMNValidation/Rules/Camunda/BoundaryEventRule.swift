import BPMNModel

/// Boundary events as Camunda 7 accepts them: attached to something, of a supported type,
/// escalation only on sub-processes / call activities / user tasks, cancel only on
/// transactions, at most one compensation and one cancel boundary event per activity.
public struct BoundaryEventRule: ValidationRule {
    public static let id = "camunda-boundary-event"
    public static let summary = "Boundary events are attached, of a supported type, and on an element that can carry them."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("""
            <bpmn:serviceTask id="Work" camunda:expression="${true}" />
            <bpmn:boundaryEvent id="Escalated" attachedToRef="Work"><bpmn:escalationEventDefinition id="E" /></bpmn:boundaryEvent>
            """),
            .process("""
            <bpmn:subProcess id="Sub" />
            <bpmn:boundaryEvent id="Cancelled" attachedToRef="Sub"><bpmn:cancelEventDefinition id="C" /></bpmn:boundaryEvent>
            """),
            .process("<bpmn:boundaryEvent id=\"Loose\"><bpmn:timerEventDefinition id=\"T\"><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>"),
            .process("""
            <bpmn:exclusiveGateway id="Gateway" />
            <bpmn:boundaryEvent id="OnGateway" attachedToRef="Gateway"><bpmn:timerEventDefinition id="T"><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            """),
        ],
        passing: [.process("""
            <bpmn:userTask id="Approve" />
            <bpmn:boundaryEvent id="Escalated" attachedToRef="Approve"><bpmn:escalationEventDefinition id="E" /></bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="Late" attachedToRef="Approve" cancelActivity="false"><bpmn:timerEventDefinition id="T"><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.executableProcesses {
            for n in p.nodes where n.kind == .boundaryEvent {
                guard let ref = n.attachedToRef, !ref.isEmpty else {
                    out.append(RuleFinding("AttachedToRef is required when using a timerEventDefinition (the boundary event is attached to nothing)", at: n.location, element: n.id))
                    continue
                }
                guard let h = n.attachedTo else { continue }  // unresolved-reference reports it
                let host = p.nodes[h]
                if !host.kind.isActivity {
                    out.append(RuleFinding("a boundary event can only be attached to an activity, not to the \(host.kind.rawValue) '\(host.id)'", at: n.location, element: n.id))
                    continue
                }
                if host.parent != n.parent {
                    out.append(RuleFinding("Invalid reference in boundary event. Make sure that the referenced activity is defined in the same scope as the boundary event", at: n.location, element: n.id))
                }
                guard let def = n.eventDefinitions.first else {
                    out.append(RuleFinding("Unsupported boundary event type (a boundary event needs an event definition)", at: n.location, element: n.id))
                    continue
                }
                switch def.kind {
                case .escalation:
                    if !(host.kind.isSubProcess || host.kind == .callActivity || host.kind == .userTask) {
                        out.append(RuleFinding("An escalation boundary event should only be attached to a subprocess, a call activity or an user task", at: n.location, element: n.id))
                    }
                case .cancel:
                    if host.kind != .transaction {
                        out.append(RuleFinding("boundary event with cancelEventDefinition only supported on transaction subprocesses", at: def.location, element: n.id))
                    }
                case .link, .terminate:
                    out.append(RuleFinding("Unsupported boundary event type", at: n.location, element: n.id))
                default:
                    break
                }
            }
            // At most one compensation / cancel boundary event per activity.
            for host in p.nodes where host.boundaryEvents.count > 1 {
                for (kind, message) in [(EventDefinition.Kind.compensate, "multiple boundary events with compensateEventDefinition not supported on same activity"),
                                        (.cancel, "multiple boundary events with cancelEventDefinition not supported on same transaction subprocess")] {
                    let events = host.boundaryEvents.filter { p.nodes[$0].eventDefinitions.first?.kind == kind }
                    for e in events.dropFirst() {
                        out.append(RuleFinding(message, at: p.nodes[e].location, element: p.nodes[e].id))
                    }
                }
            }
        }
        return out
    }
}
