import BPMNModel

/// bpmnlint `event-sub-process-typed-start-event`.
public struct EventSubProcessTypedStartEventRule: ValidationRule {
    public static let id = "event-sub-process-typed-start-event"
    public static let summary = "Start events of event sub-processes have an event definition (bpmnlint)."
    public static let category = RuleCategory.modelling
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:subProcess id=\"Sub\" triggeredByEvent=\"true\"><bpmn:startEvent id=\"S\" /></bpmn:subProcess>")],
        passing: [.process("<bpmn:subProcess id=\"Sub\" triggeredByEvent=\"true\"><bpmn:startEvent id=\"S\"><bpmn:messageEventDefinition id=\"M\" /></bpmn:startEvent></bpmn:subProcess>")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.processes {
            for s in p.nodes where s.kind.isSubProcess && s.triggeredByEvent {
                for c in s.children where p.nodes[c].kind == .startEvent && p.nodes[c].eventDefinitions.isEmpty {
                    out.append(RuleFinding("Start event is missing event definition", at: p.nodes[c].location, element: p.nodes[c].id))
                }
            }
        }
        return out
    }
}
