import BPMNModel

/// bpmnlint `single-event-definition`.
public struct SingleEventDefinitionRule: ValidationRule {
    public static let id = "single-event-definition"
    public static let summary = "An event has at most one event definition (Camunda 7 uses only one) (bpmnlint)."
    public static let category = RuleCategory.modelling
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:intermediateCatchEvent id=\"Wait\"><bpmn:messageEventDefinition id=\"M\" /><bpmn:timerEventDefinition id=\"T\" /></bpmn:intermediateCatchEvent>")],
        passing: [.process("<bpmn:intermediateCatchEvent id=\"Wait\"><bpmn:messageEventDefinition id=\"M\" /></bpmn:intermediateCatchEvent>")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachNode { _, n in
            if n.eventDefinitions.count > 1 {
                out.append(RuleFinding("Event has multiple event definitions (\(n.eventDefinitions.map(\.kind.rawValue).joined(separator: ", ")))", at: n.location, element: n.id))
            }
        }
        return out
    }
}
