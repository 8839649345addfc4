import BPMNModel

/// bpmnlint `end-event-required`.
public struct EndEventRequiredRule: ValidationRule {
    public static let id = "end-event-required"
    public static let summary = "Every process and sub-process has an end event (bpmnlint)."
    public static let category = RuleCategory.modelling
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:startEvent id=\"Start\" /><bpmn:task id=\"Task\" />")],
        passing: [.process("<bpmn:startEvent id=\"Start\" /><bpmn:endEvent id=\"End\" />")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        ContainerScan.missing(.endEvent, in: diagram, what: "end event")
    }
}
