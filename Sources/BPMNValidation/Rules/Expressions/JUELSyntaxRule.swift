import BPMNPython
import BPMNModel

/// JUEL that does not parse: Camunda 7 rejects the deployment (or fails when it first evaluates
/// the expression). The message gives the column inside the expression.
public struct JUELSyntaxRule: ValidationRule {
    public static let id = "juel-syntax"
    public static let summary = "Every JUEL expression (conditions, camunda:expression, assignments, timers, mappings, JUEL scripts) parses."
    public static let category = RuleCategory.expressions
    public static let defaultLevel = RuleLevel.error
    public static let dialects = Set<Dialect>.camundaOnly
    public static let examples = RuleExamples(
        triggering: [
            .process("""
            <bpmn:exclusiveGateway id="Gateway" />
            <bpmn:sequenceFlow id="Flow_Big" sourceRef="Gateway" targetRef="Task"><bpmn:conditionExpression>${amount &gt;}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:task id="Task" />
            """),
            .process("<bpmn:userTask id=\"Approve\" camunda:assignee=\"${manager.name\" />"),
        ],
        passing: [.process("""
            <bpmn:exclusiveGateway id="Gateway" />
            <bpmn:sequenceFlow id="Flow_Big" sourceRef="Gateway" targetRef="Task"><bpmn:conditionExpression>${amount &gt; 1000 &amp;&amp; !approved}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:userTask id="Task" camunda:assignee="${initiator}" camunda:candidateGroups="sales, ${team}" />
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        ExpressionCollector.forEach(in: diagram) { site in
            guard let error = BPMNExpressionsBridge.syntaxError(site.text) else { return }
            // Point at the offending character in the file; the element when it cannot be found.
            let at = diagram.source.flatMap {
                SourcePosition.locate(site.text, utf16Offset: error.offset, element: site.location, in: $0)
            } ?? site.location
            out.append(RuleFinding("\(site.what): \(error.description) (column \(error.column) of the expression)",
                                   at: at, element: site.elementId))
        }
        return out
    }
}
