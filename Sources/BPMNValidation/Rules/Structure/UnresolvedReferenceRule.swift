import BPMNModel

/// References that point nowhere: flow ends, default flows, boundary hosts, message / signal /
/// escalation references. Worded as Camunda 7 reports them.
public struct UnresolvedReferenceRule: ValidationRule {
    public static let id = "unresolved-reference"
    public static let summary = "sourceRef, targetRef (of flows and associations), default, attachedToRef, messageRef, signalRef and escalationRef name an existing element."
    public static let category = RuleCategory.structure
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("""
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Missing" />
            """),
            .process("""
            <bpmn:task id="Task" />
            <bpmn:boundaryEvent id="Boundary" attachedToRef="Nowhere"><bpmn:timerEventDefinition id="T"><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            """),
            .process("""
            <bpmn:intermediateCatchEvent id="Catch"><bpmn:messageEventDefinition id="M" messageRef="Message_X" /></bpmn:intermediateCatchEvent>
            """),
            .process("""
            <bpmn:exclusiveGateway id="Gateway" default="Flow_Gone" />
            """),
            .process("""
            <bpmn:task id="Task" /><bpmn:association id="A" sourceRef="Task" targetRef="Note_Gone" />
            """),
        ],
        passing: [.definitions("""
            <bpmn:message id="Message_1" name="go" />
            <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="1">
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Catch" />
              <bpmn:intermediateCatchEvent id="Catch"><bpmn:messageEventDefinition id="M" messageRef="Message_1" /></bpmn:intermediateCatchEvent>
            </bpmn:process>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        let defs = diagram.definitions
        var out: [RuleFinding] = []
        for p in defs.processes {
            for f in p.flows {
                if f.source == nil {
                    out.append(RuleFinding("Invalid source '\(f.sourceRef)' of sequence flow '\(f.id)'" + Self.hint(f.sourceRef, p), at: f.location, element: f.id))
                } else if f.target == nil {
                    out.append(RuleFinding("Invalid destination '\(f.targetRef)' of sequence flow '\(f.id)'" + Self.hint(f.targetRef, p), at: f.location, element: f.id))
                }
            }
            for n in p.nodes {
                if let d = n.defaultFlowId, !d.isEmpty, n.defaultFlow == nil {
                    let reason = p.flow(id: d) != nil ? "the flow '\(d)' does not leave '\(n.id)'" : "no sequence flow has the id '\(d)'"
                    out.append(RuleFinding("default flow '\(d)' of '\(n.id)' points nowhere: \(reason)", at: n.location, element: n.id))
                }
                if n.kind == .boundaryEvent, let ref = n.attachedToRef, n.attachedTo == nil {
                    out.append(RuleFinding("Invalid reference in boundary event. Make sure that the referenced activity is defined in the same scope as the boundary event (attachedToRef '\(ref)' names no activity)", at: n.location, element: n.id))
                }
                if let m = n.messageRef, !m.isEmpty, defs.message(id: m) == nil {
                    out.append(RuleFinding("Invalid 'messageRef': no message with id '\(m)' found.", at: n.location, element: n.id))
                }
                for e in n.eventDefinitions {
                    guard let ref = e.ref, !ref.isEmpty else { continue }
                    switch e.kind {
                    case .message where defs.message(id: ref) == nil:
                        out.append(RuleFinding("Invalid 'messageRef': no message with id '\(ref)' found.", at: e.location, element: n.id))
                    case .signal where defs.signal(id: ref) == nil:
                        out.append(RuleFinding("Could not find signal with id '\(ref)'", at: e.location, element: n.id))
                    case .escalation where defs.escalation(id: ref) == nil:
                        out.append(RuleFinding("could not find escalation with id '\(ref)'", at: e.location, element: n.id))
                    default:
                        break
                    }
                }
            }
        }
        // Associations may point at any element with an id (text annotations, data objects, ...).
        if !diagram.index.associations.isEmpty {
            let ids = diagram.declaredIds
            for a in diagram.index.associations {
                let name = a.id ?? "association"
                if (a.sourceRef ?? "").isEmpty {
                    out.append(RuleFinding("association element missing attribute 'sourceRef'", at: a.location, element: a.id))
                } else if !ids.contains(a.sourceRef!) {
                    out.append(RuleFinding("Invalid reference sourceRef '\(a.sourceRef!)' of association element (\(name))", at: a.location, element: a.id))
                }
                if (a.targetRef ?? "").isEmpty {
                    out.append(RuleFinding("association element missing attribute 'targetRef'", at: a.location, element: a.id))
                } else if !ids.contains(a.targetRef!) {
                    out.append(RuleFinding("Invalid reference targetRef '\(a.targetRef!)' of association element (\(name))", at: a.location, element: a.id))
                }
            }
        }
        return out
    }

    static func hint(_ ref: String, _ p: ProcessSpec) -> String {
        ref.isEmpty ? " (the attribute is missing or empty)" : ""
    }
}
