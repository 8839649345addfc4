import BPMNModel
import BPMNPython

/// A flow out of an exclusive or inclusive gateway with neither a condition nor the default
/// marking: SpiffWorkflow's parser refuses the diagram (`bpmn/parser/task_parsers.py`
/// `ConditionalGatewayParser`). Camunda's `camunda-exclusive-gateway` does not run on spiff
/// diagrams, so the flow is reported once.
public struct SpiffConditionMissingRule: ValidationRule {
    public static let id = "spiff-condition-missing"
    public static let summary = "Every non-default flow out of an exclusive or inclusive gateway with several outgoing flows has a Python condition."
    public static let category = RuleCategory.spiff
    public static let defaultLevel = RuleLevel.error
    public static let dialects = Set<Dialect>.spiffOnly
    public static let examples = RuleExamples(
        triggering: [.spiffProcess("""
            <bpmn:exclusiveGateway id="Gateway_Ok" />
            <bpmn:sequenceFlow id="Flow_Yes" sourceRef="Gateway_Ok" targetRef="Yes"><bpmn:conditionExpression>ok == True</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Flow_No" sourceRef="Gateway_Ok" targetRef="No" />
            <bpmn:task id="Yes" /><bpmn:task id="No" />
            """)],
        passing: [.spiffProcess("""
            <bpmn:exclusiveGateway id="Gateway_Ok" default="Flow_No" />
            <bpmn:sequenceFlow id="Flow_Yes" sourceRef="Gateway_Ok" targetRef="Yes"><bpmn:conditionExpression>ok == True</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Flow_No" sourceRef="Gateway_Ok" targetRef="No" />
            <bpmn:task id="Yes" /><bpmn:task id="No" />
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        diagram.processes.flatMap(SpiffDiagramCheck.missingConditions(in:)).map {
            RuleFinding($0.message, at: $0.location, element: $0.elementId)
        }
    }
}
