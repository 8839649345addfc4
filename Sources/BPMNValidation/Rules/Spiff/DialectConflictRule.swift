import BPMNModel
import BPMNPython

/// Under `--dialect auto`, a diagram with decisive notation of both dialects (`${ok}` on one
/// flow and `ok == False` on another, a JavaScript script next to Python conditions) cannot run
/// correctly on either engine; `bpmnrun run` refuses it (exit 2). The file is still checked, in
/// the dialect with more clues. Naming a dialect with `--dialect` silences this rule.
public struct DialectConflictRule: ValidationRule {
    public static let id = "dialect-conflict"
    public static let summary = "A diagram is written for one dialect: not both JUEL/JavaScript (Camunda) and Python (SpiffWorkflow) notation."
    public static let category = RuleCategory.spiff
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [.definitions("""
            <bpmn:process id="Process_1" isExecutable="true">
            <bpmn:exclusiveGateway id="Gateway_Ok" />
            <bpmn:sequenceFlow id="Flow_Yes" sourceRef="Gateway_Ok" targetRef="Yes"><bpmn:conditionExpression>${ok}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Flow_No" sourceRef="Gateway_Ok" targetRef="No"><bpmn:conditionExpression>ok == False</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:task id="Yes" /><bpmn:task id="No" />
            </bpmn:process>
            """)],
        passing: [.definitions("""
            <bpmn:process id="Process_1" isExecutable="true">
            <bpmn:exclusiveGateway id="Gateway_Ok" />
            <bpmn:sequenceFlow id="Flow_Yes" sourceRef="Gateway_Ok" targetRef="Yes"><bpmn:conditionExpression>ok == True</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Flow_No" sourceRef="Gateway_Ok" targetRef="No"><bpmn:conditionExpression>ok == False</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:task id="Yes" /><bpmn:task id="No" />
            </bpmn:process>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        guard let conflict = diagram.dialectConflict else { return [] }
        return [RuleFinding(conflict.description,
                            at: conflict.spiff.location, element: conflict.spiff.elementId)]
    }
}
