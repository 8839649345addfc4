import BPMNModel

/// bpmnlint `superfluous-gateway`.
public struct SuperfluousGatewayRule: ValidationRule {
    public static let id = "superfluous-gateway"
    public static let summary = "A gateway with one incoming and one outgoing flow does nothing (bpmnlint)."
    public static let category = RuleCategory.modelling
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("""
            <bpmn:startEvent id="A" /><bpmn:sequenceFlow id="F1" sourceRef="A" targetRef="G" />
            <bpmn:exclusiveGateway id="G" /><bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="B" /><bpmn:endEvent id="B" />
            """)],
        passing: [.process("<bpmn:startEvent id=\"A\" /><bpmn:sequenceFlow id=\"F1\" sourceRef=\"A\" targetRef=\"B\" /><bpmn:endEvent id=\"B\" />")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.processes {
            for n in p.nodes where n.kind.isGateway && n.incoming.count == 1 && n.outgoing.count == 1 {
                out.append(RuleFinding("Gateway is superfluous. It only has one source and target.", at: n.location, element: n.id))
            }
        }
        return out
    }
}
