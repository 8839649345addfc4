import BPMNModel

/// bpmnlint `sub-process-blank-start-event`.
public struct SubProcessBlankStartEventRule: ValidationRule {
    public static let id = "sub-process-blank-start-event"
    public static let summary = "Start events of (non-event) sub-processes are blank (bpmnlint)."
    public static let category = RuleCategory.modelling
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:subProcess id=\"Sub\"><bpmn:startEvent id=\"S\"><bpmn:messageEventDefinition id=\"M\" /></bpmn:startEvent></bpmn:subProcess>")],
        passing: [.process("<bpmn:subProcess id=\"Sub\"><bpmn:startEvent id=\"S\" /></bpmn:subProcess>")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.processes {
            for s in p.nodes where s.kind.isSubProcess && !s.triggeredByEvent {
                for c in s.children where p.nodes[c].kind == .startEvent && !p.nodes[c].eventDefinitions.isEmpty {
                    out.append(RuleFinding("Start event must be blank", at: p.nodes[c].location, element: p.nodes[c].id))
                }
            }
        }
        return out
    }
}
