import BPMNModel

/// bpmnlint `no-implicit-split`: an activity or event with several unconditional outgoing flows.
public struct NoImplicitSplitRule: ValidationRule {
    public static let id = "no-implicit-split"
    public static let summary = "Activities and events do not split the flow without a gateway (bpmnlint)."
    public static let category = RuleCategory.modelling
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("""
            <bpmn:task id="Task" />
            <bpmn:sequenceFlow id="F1" sourceRef="Task" targetRef="A" /><bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="B" />
            <bpmn:endEvent id="A" /><bpmn:endEvent id="B" />
            """)],
        passing: [.process("""
            <bpmn:task id="Task" /><bpmn:sequenceFlow id="F0" sourceRef="Task" targetRef="Split" />
            <bpmn:parallelGateway id="Split" />
            <bpmn:sequenceFlow id="F1" sourceRef="Split" targetRef="A" /><bpmn:sequenceFlow id="F2" sourceRef="Split" targetRef="B" />
            <bpmn:endEvent id="A" /><bpmn:endEvent id="B" />
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.processes {
            for n in p.nodes where !n.kind.isGateway {
                let plain = n.outgoing.filter { p.flows[$0].condition == nil && p.flows[$0].id != n.defaultFlowId }
                if plain.count > 1 {
                    out.append(RuleFinding("Flow splits implicitly (\(plain.count) outgoing flows without condition; use a parallel gateway)", at: n.location, element: n.id))
                }
            }
        }
        return out
    }
}
