import BPMNModel

/// Event sub-processes are started by their event, never by a sequence flow, and do not continue
/// through one.
public struct EventSubProcessFlowRule: ValidationRule {
    public static let id = "camunda-event-subprocess-flow"
    public static let summary = "No sequence flow enters or leaves an event sub-process."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [.process("""
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Events" />
            <bpmn:subProcess id="Events" triggeredByEvent="true" />
            """)],
        passing: [.process("""
            <bpmn:startEvent id="Start" />
            <bpmn:subProcess id="Events" triggeredByEvent="true" />
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.executableProcesses {
            for n in p.nodes where n.kind.isSubProcess && n.triggeredByEvent {
                for f in n.incoming {
                    out.append(RuleFinding("Invalid incoming sequence flow of event subprocess", at: p.flows[f].location, element: p.flows[f].id))
                }
                for f in n.outgoing {
                    out.append(RuleFinding("Invalid outgoing sequence flow of event subprocess", at: p.flows[f].location, element: p.flows[f].id))
                }
            }
        }
        return out
    }
}
