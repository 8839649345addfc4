import BPMNModel
import BPMNPython

/// Conditions, multi-instance and loop expressions and timers are Python expressions under
/// SpiffWorkflow (it `eval`s them); each is compiled, never evaluated, with the engine's
/// restrictions. The position is the expression's line in the file (plus the line inside it).
public struct PythonExpressionSyntaxRule: ValidationRule {
    public static let id = "python-expression-syntax"
    public static let summary = "Conditions, loop and multi-instance expressions and timers compile as Python expressions (spiff diagrams)."
    public static let category = RuleCategory.spiff
    public static let defaultLevel = RuleLevel.error
    public static let dialects = Set<Dialect>.spiffOnly
    public static let examples = RuleExamples(
        triggering: [
            .spiffProcess("""
            <bpmn:exclusiveGateway id="Gateway_Ok" default="Flow_No" />
            <bpmn:sequenceFlow id="Flow_Yes" sourceRef="Gateway_Ok" targetRef="Yes"><bpmn:conditionExpression>${ok}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Flow_No" sourceRef="Gateway_Ok" targetRef="No" />
            <bpmn:task id="Yes" /><bpmn:task id="No" />
            """),
            .spiffProcess("""
            <bpmn:userTask id="Review"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>len(items</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>
            """),
        ],
        passing: [.spiffProcess("""
            <bpmn:exclusiveGateway id="Gateway_Ok" default="Flow_No" />
            <bpmn:sequenceFlow id="Flow_Yes" sourceRef="Gateway_Ok" targetRef="Yes"><bpmn:conditionExpression>ok == True and len(items) &gt; 2</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Flow_No" sourceRef="Gateway_Ok" targetRef="No" />
            <bpmn:task id="Yes" /><bpmn:task id="No" />
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        guard let checker = diagram.checker(for: .python) as? PythonSyntaxChecker else { return [] }
        guard let engine = checker.engine else {
            let message = checker.unavailable?.message ?? "Python could not be started"
            return [RuleFinding("Python expressions were not checked: \(message)", at: SourceLocation(line: 1, column: 1))]
        }
        return diagram.processes.flatMap { SpiffDiagramCheck.expressionErrors(in: $0, engine: engine) }.map {
            RuleFinding($0.message, at: $0.location, element: $0.elementId)
        }
    }
}
