import BPMNModel

/// Throwing escalation events need an escalationRef to an escalation with a code; one catch-all
/// escalation event sub-process per scope.
public struct EscalationRule: ValidationRule {
    public static let id = "camunda-escalation"
    public static let summary = "Throwing escalation events reference an escalation with an escalationCode; one catch-all escalation event sub-process or boundary event per scope, and no escalation code caught twice there."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:endEvent id=\"Escalate\"><bpmn:escalationEventDefinition id=\"E\" /></bpmn:endEvent>"),
            .definitions("""
            <bpmn:escalation id="Escalation_1" name="late" />
            <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="1">
              <bpmn:intermediateThrowEvent id="Escalate"><bpmn:escalationEventDefinition id="E" escalationRef="Escalation_1" /></bpmn:intermediateThrowEvent>
            </bpmn:process>
            """),
            .definitions("""
            <bpmn:escalation id="Escalation_1" name="late" escalationCode="LATE" />
            <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="1">
              <bpmn:subProcess id="Work" />
              <bpmn:boundaryEvent id="Late1" attachedToRef="Work"><bpmn:escalationEventDefinition id="E1" escalationRef="Escalation_1" /></bpmn:boundaryEvent>
              <bpmn:boundaryEvent id="Late2" attachedToRef="Work"><bpmn:escalationEventDefinition id="E2" escalationRef="Escalation_1" /></bpmn:boundaryEvent>
            </bpmn:process>
            """),
        ],
        passing: [.definitions("""
            <bpmn:escalation id="Escalation_1" name="late" escalationCode="LATE" />
            <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="1">
              <bpmn:endEvent id="Escalate"><bpmn:escalationEventDefinition id="E" escalationRef="Escalation_1" /></bpmn:endEvent>
            </bpmn:process>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.executableProcesses {
            var catchAllByScope: [Int: String] = [:]
            for n in p.nodes {
                guard let d = n.eventDefinitions.first(where: { $0.kind == .escalation }) else { continue }
                let escalation = d.ref.flatMap { diagram.definitions.escalation(id: $0) }
                if n.kind == .endEvent || n.kind == .intermediateThrowEvent {
                    if d.ref == nil {
                        out.append(RuleFinding("escalationEventDefinition does not have required attribute 'escalationRef'", at: d.location, element: n.id))
                    } else if let escalation, escalation.escalationCode == nil {
                        out.append(RuleFinding(n.kind == .endEvent ? "escalation end event must have an 'escalationCode'" : "throwing escalation event must have an 'escalationCode'",
                                               at: d.location, element: n.id))
                    }
                }
                // Event sub-process start events: one without a code catches everything.
                if n.kind == .startEvent, let sub = n.parent, p.nodes[sub].triggeredByEvent {
                    let code = escalation?.escalationCode
                    let scope = p.nodes[sub].parent ?? -1
                    if let previous = catchAllByScope[scope] {
                        if code == nil && previous == "" {
                            out.append(RuleFinding("The same scope can not contains more than one escalation event subprocess without escalation code. An escalation event subprocess without escalation code catch all escalation events.",
                                                   at: n.location, element: n.id))
                        } else if code == nil || previous == "" {
                            out.append(RuleFinding("The same scope can not contains an escalation event subprocess without escalation code and another one with escalation code. The escalation event subprocess without escalation code catch all escalation events.",
                                                   at: n.location, element: n.id))
                        } else if code == previous {
                            out.append(RuleFinding("multiple escalation event subprocesses with the same escalationCode '\(code!)' are not supported on same scope", at: n.location, element: n.id))
                        }
                    } else {
                        catchAllByScope[scope] = code ?? ""
                    }
                }
            }
            // Boundary events: the host activity is the catching scope.
            for host in p.nodes where host.boundaryEvents.count > 1 {
                var seen: [String] = []  // "" for a catch-all
                for b in host.boundaryEvents {
                    let e = p.nodes[b]
                    guard let d = e.eventDefinitions.first(where: { $0.kind == .escalation }) else { continue }
                    let code = d.ref.flatMap { diagram.definitions.escalation(id: $0) }?.escalationCode ?? ""
                    for previous in seen {
                        if previous.isEmpty && code.isEmpty {
                            out.append(RuleFinding("The same scope can not contains more than one escalation boundary event without escalation code. An escalation boundary event without escalation code catch all escalation events.",
                                                   at: e.location, element: e.id))
                        } else if previous.isEmpty || code.isEmpty {
                            out.append(RuleFinding("The same scope can not contains an escalation boundary event without escalation code and another one with escalation code. The escalation boundary event without escalation code catch all escalation events.",
                                                   at: e.location, element: e.id))
                        } else if previous == code {
                            out.append(RuleFinding("multiple escalation boundary events with the same escalationCode '\(code)' are not supported on same scope", at: e.location, element: e.id))
                        }
                    }
                    seen.append(code)
                }
            }
        }
        return out
    }
}
