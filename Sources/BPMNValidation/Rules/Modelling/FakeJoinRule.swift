import BPMNModel

/// bpmnlint `fake-join`: an activity or event with several incoming flows (which does not wait).
public struct FakeJoinRule: ValidationRule {
    public static let id = "fake-join"
    public static let summary = "Activities and events have at most one incoming flow; joins use a gateway (bpmnlint)."
    public static let category = RuleCategory.modelling
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("""
            <bpmn:startEvent id="A" /><bpmn:startEvent id="B" />
            <bpmn:sequenceFlow id="F1" sourceRef="A" targetRef="Task" /><bpmn:sequenceFlow id="F2" sourceRef="B" targetRef="Task" />
            <bpmn:task id="Task" />
            """)],
        passing: [.process("""
            <bpmn:startEvent id="A" /><bpmn:sequenceFlow id="F1" sourceRef="A" targetRef="Task" /><bpmn:task id="Task" />
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.processes {
            for n in p.nodes where !n.kind.isGateway && n.incoming.count > 1 {
                out.append(RuleFinding("Incoming flows do not join (\(n.incoming.count) flows enter '\(n.id)'; each token passes on alone — use a gateway to join)", at: n.location, element: n.id))
            }
        }
        return out
    }
}
