import BPMNPython
import BPMNExpressions
import BPMNModel

/// Constant job and task priorities must be integers (expressions are evaluated at run time).
public struct PriorityRule: ValidationRule {
    public static let id = "camunda-priority"
    public static let summary = "camunda:jobPriority and camunda:taskPriority are whole numbers or expressions."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let dialects = Set<Dialect>.camundaOnly
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:serviceTask id=\"T\" camunda:type=\"external\" camunda:topic=\"t\" camunda:taskPriority=\"high\" />")],
        passing: [.process("<bpmn:serviceTask id=\"T\" camunda:type=\"external\" camunda:topic=\"t\" camunda:taskPriority=\"10\" camunda:jobPriority=\"${p}\" />")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        func check(_ attributes: [String: String], _ location: SourceLocation, _ owner: String) {
            for name in ["jobPriority", "taskPriority"] {
                guard let v = attributes[name], !JUELExpression.containsExpression(v), Int32(v) == nil else { continue }
                out.append(RuleFinding("Value '\(v)' for attribute '\(name)' is not a valid number", at: location, element: owner))
            }
        }
        for p in diagram.executableProcesses {
            check(p.camundaAttributes, p.location, p.id)
            for n in p.nodes where !n.camundaAttributes.isEmpty { check(n.camundaAttributes, n.location, n.id) }
        }
        return out
    }
}
