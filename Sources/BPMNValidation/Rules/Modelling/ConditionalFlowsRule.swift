import BPMNModel

/// bpmnlint `conditional-flows`: once an element forks conditionally (a default flow or any
/// condition), every other outgoing flow needs a condition.
public struct ConditionalFlowsRule: ValidationRule {
    public static let id = "conditional-flows"
    public static let summary = "Where outgoing flows are conditional, every non-default flow has a condition (bpmnlint)."
    public static let category = RuleCategory.modelling
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("""
            <bpmn:exclusiveGateway id="Gateway" />
            <bpmn:sequenceFlow id="Yes" sourceRef="Gateway" targetRef="A"><bpmn:conditionExpression>${ok}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="No" sourceRef="Gateway" targetRef="B" />
            <bpmn:endEvent id="A" /><bpmn:endEvent id="B" />
            """)],
        passing: [.process("""
            <bpmn:exclusiveGateway id="Gateway" default="No" />
            <bpmn:sequenceFlow id="Yes" sourceRef="Gateway" targetRef="A"><bpmn:conditionExpression>${ok}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="No" sourceRef="Gateway" targetRef="B" />
            <bpmn:endEvent id="A" /><bpmn:endEvent id="B" />
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.processes {
            for n in p.nodes {
                let flows = n.outgoing.map { p.flows[$0] }
                let forking = !(n.defaultFlowId ?? "").isEmpty || flows.contains { $0.condition != nil }
                guard forking else { continue }
                for f in flows where f.condition == nil && f.id != n.defaultFlowId {
                    out.append(RuleFinding("Sequence flow is missing condition (it leaves '\(n.id)', which forks conditionally)", at: f.location, element: f.id))
                }
            }
        }
        return out
    }
}
