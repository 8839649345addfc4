import BPMNModel

/// bpmnlint `no-disconnected`: tasks, gateways, sub-processes and events with no flow at all.
public struct NoDisconnectedRule: ValidationRule {
    public static let id = "no-disconnected"
    public static let summary = "Every task, gateway, sub-process and event is connected by a sequence flow (bpmnlint)."
    public static let category = RuleCategory.modelling
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:startEvent id=\"Start\" /><bpmn:task id=\"Lonely\" />")],
        passing: [.process("""
            <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="End" /><bpmn:endEvent id="End" />
            <bpmn:subProcess id="Events" triggeredByEvent="true" />
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.processes {
            for n in p.nodes {
                guard n.isTask || n.kind.isGateway || n.kind.isSubProcess || n.kind.isEvent, !n.isEventSubProcess else { continue }
                if n.isCompensationBoundary || n.isForCompensation || p.isInAdHoc(n) { continue }
                if n.incoming.isEmpty && n.outgoing.isEmpty {
                    out.append(RuleFinding("Element is not connected", at: n.location, element: n.id))
                }
            }
        }
        return out
    }
}
