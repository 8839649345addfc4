import BPMNPython
import BPMNModel

/// A business rule task's `camunda:mapDecisionResult` names one of Camunda's mappers.
public struct DecisionResultMapperRule: ValidationRule {
    public static let id = "camunda-decision-result-mapper"
    public static let summary = "camunda:mapDecisionResult is singleEntry, singleResult, collectEntries or resultList."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let dialects = Set<Dialect>.camundaOnly
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:businessRuleTask id=\"Decide\" camunda:decisionRef=\"d\" camunda:mapDecisionResult=\"firstRow\" />")],
        passing: [.process("<bpmn:businessRuleTask id=\"Decide\" camunda:decisionRef=\"d\" camunda:mapDecisionResult=\"singleEntry\" camunda:resultVariable=\"r\" />")])
    public init() {}

    static let mappers: Set<String> = ["singleEntry", "singleResult", "collectEntries", "resultList"]

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachExecutableNode { _, n in
            guard n.kind == .businessRuleTask, n.camundaAttributes["decisionRef"] != nil,
                  let mapper = n.camundaAttributes["mapDecisionResult"], !Self.mappers.contains(mapper) else { return }
            out.append(RuleFinding("No decision result mapper found for name '\(mapper)'. Supported mappers are 'singleEntry', 'singleResult', 'collectEntries' and 'resultList'.",
                                   at: n.location, element: n.id))
        }
        return out
    }
}
