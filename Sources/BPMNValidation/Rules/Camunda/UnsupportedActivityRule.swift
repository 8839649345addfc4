import BPMNModel

/// Camunda 7 drops ad-hoc sub-processes and complex gateways ("Ignoring unsupported activity
/// type"); a sequence flow from or to one then points nowhere and the deployment fails.
public struct UnsupportedActivityRule: ValidationRule {
    public static let id = "camunda-unsupported-activity"
    public static let summary = "No ad-hoc sub-process or complex gateway is connected by sequence flows (Camunda 7 drops them, so their flows point nowhere)."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [.process("""
            <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Decide" />
            <bpmn:complexGateway id="Decide" /><bpmn:sequenceFlow id="F2" sourceRef="Decide" targetRef="End" /><bpmn:endEvent id="End" />
            """)],
        passing: [.process("""
            <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Decide" />
            <bpmn:inclusiveGateway id="Decide" /><bpmn:sequenceFlow id="F2" sourceRef="Decide" targetRef="End" /><bpmn:endEvent id="End" />
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.executableProcesses {
            for i in p.nodes.indices where p.nodes[i].kind == .adHocSubProcess || p.nodes[i].kind == .complexGateway {
                let n = p.nodes[i]
                if let f = n.incoming.first {
                    out.append(RuleFinding("Ignoring unsupported activity type (\(n.kind.rawValue)): Camunda 7 drops '\(n.id)', so \"Invalid destination '\(n.id)' of sequence flow '\(p.flows[f].id)'\"", at: n.location, element: n.id))
                } else if let f = n.outgoing.first {
                    out.append(RuleFinding("Ignoring unsupported activity type (\(n.kind.rawValue)): Camunda 7 drops '\(n.id)', so \"Invalid source '\(n.id)' of sequence flow '\(p.flows[f].id)'\"", at: n.location, element: n.id))
                }
            }
        }
        return out
    }
}
