import BPMNModel

/// A conditional event needs a condition.
public struct ConditionalEventRule: ValidationRule {
    public static let id = "camunda-conditional-event"
    public static let summary = "A conditional event definition has a condition."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:intermediateCatchEvent id=\"When\"><bpmn:conditionalEventDefinition id=\"C\" /></bpmn:intermediateCatchEvent>")],
        passing: [.process("<bpmn:intermediateCatchEvent id=\"When\"><bpmn:conditionalEventDefinition id=\"C\"><bpmn:condition xsi:type=\"bpmn:tFormalExpression\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">${ready}</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachExecutableNode { _, n in
            for d in n.eventDefinitions where d.kind == .conditional && (d.condition?.text ?? "").isEmpty {
                out.append(RuleFinding("Conditional event must contain an expression for evaluation.", at: d.location, element: n.id))
            }
        }
        return out
    }
}
