import BPMNModel

/// bpmnlint `no-gateway-join-fork`.
public struct NoGatewayJoinForkRule: ValidationRule {
    public static let id = "no-gateway-join-fork"
    public static let summary = "A gateway either joins or forks, not both (bpmnlint)."
    public static let category = RuleCategory.modelling
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("""
            <bpmn:startEvent id="A" /><bpmn:startEvent id="B" />
            <bpmn:sequenceFlow id="F1" sourceRef="A" targetRef="G" /><bpmn:sequenceFlow id="F2" sourceRef="B" targetRef="G" />
            <bpmn:parallelGateway id="G" />
            <bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="C" /><bpmn:sequenceFlow id="F4" sourceRef="G" targetRef="D" />
            <bpmn:endEvent id="C" /><bpmn:endEvent id="D" />
            """)],
        passing: [.process("""
            <bpmn:startEvent id="A" /><bpmn:sequenceFlow id="F1" sourceRef="A" targetRef="G" /><bpmn:parallelGateway id="G" />
            <bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="C" /><bpmn:sequenceFlow id="F4" sourceRef="G" targetRef="D" />
            <bpmn:endEvent id="C" /><bpmn:endEvent id="D" />
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.processes {
            for n in p.nodes where n.kind.isGateway && n.incoming.count > 1 && n.outgoing.count > 1 {
                out.append(RuleFinding("Gateway forks and joins", at: n.location, element: n.id))
            }
        }
        return out
    }
}
