import BPMNPython
import BPMNModel

/// Camunda 7's validateExclusiveGateway: outgoing flows, conditions and the default flow.
public struct ExclusiveGatewayRule: ValidationRule {
    public static let id = "camunda-exclusive-gateway"
    public static let summary = "An exclusive gateway has outgoing flows, conditions on all but the default flow, and no condition on the default or a single flow."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let dialects = Set<Dialect>.camundaOnly
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:exclusiveGateway id=\"Gateway\" />"),
            .process("""
            <bpmn:exclusiveGateway id="Gateway" default="F2" />
            <bpmn:sequenceFlow id="F1" sourceRef="Gateway" targetRef="A" />
            <bpmn:sequenceFlow id="F2" sourceRef="Gateway" targetRef="B" />
            <bpmn:task id="A" /><bpmn:task id="B" />
            """),
            .process("""
            <bpmn:exclusiveGateway id="Gateway" />
            <bpmn:sequenceFlow id="F1" sourceRef="Gateway" targetRef="A"><bpmn:conditionExpression>${ok}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:task id="A" />
            """),
        ],
        passing: [.process("""
            <bpmn:exclusiveGateway id="Gateway" default="F2" />
            <bpmn:sequenceFlow id="F1" sourceRef="Gateway" targetRef="A"><bpmn:conditionExpression>${ok}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="F2" sourceRef="Gateway" targetRef="B" />
            <bpmn:task id="A" /><bpmn:task id="B" />
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.executableProcesses {
            for g in p.nodes where g.kind == .exclusiveGateway {
                let flows = g.outgoing.map { p.flows[$0] }
                func hasCondition(_ f: SequenceFlow) -> Bool { f.condition != nil }
                if flows.isEmpty {
                    out.append(RuleFinding("Exclusive Gateway '\(g.id)' has no outgoing sequence flows.", at: g.location, element: g.id))
                } else if flows.count == 1 {
                    if hasCondition(flows[0]) {
                        out.append(RuleFinding("Exclusive Gateway '\(g.id)' has only one outgoing sequence flow ('\(flows[0].id)'). This is not allowed to have a condition.",
                                               at: g.location, element: g.id))
                    }
                } else {
                    let defaultId = g.defaultFlowId ?? ""
                    var withoutCondition: [SequenceFlow] = []
                    for f in flows {
                        let isDefault = f.id == defaultId
                        if !hasCondition(f) && !isDefault { withoutCondition.append(f) }
                        if hasCondition(f) && isDefault {
                            out.append(RuleFinding("Exclusive Gateway '\(g.id)' has outgoing sequence flow '\(f.id)' which is the default flow but has a condition too.",
                                                   at: f.location, element: g.id))
                        }
                    }
                    if !defaultId.isEmpty || withoutCondition.count > 1 {
                        for f in withoutCondition {
                            out.append(RuleFinding("Exclusive Gateway '\(g.id)' has outgoing sequence flow '\(f.id)' without condition which is not the default flow.",
                                                   at: f.location, element: g.id))
                        }
                    }
                }
            }
        }
        return out
    }
}
