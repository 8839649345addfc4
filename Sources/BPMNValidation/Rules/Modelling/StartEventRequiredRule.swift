import BPMNModel

/// bpmnlint `start-event-required`.
public struct StartEventRequiredRule: ValidationRule {
    public static let id = "start-event-required"
    public static let summary = "Every process and sub-process has a start event (bpmnlint)."
    public static let category = RuleCategory.modelling
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:task id=\"Task\" /><bpmn:endEvent id=\"End\" />")],
        passing: [.process("<bpmn:startEvent id=\"Start\" /><bpmn:endEvent id=\"End\" />")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        ContainerScan.missing(.startEvent, in: diagram, what: "start event")
    }
}

/// Finds processes / sub-processes without a child of some kind.
enum ContainerScan {
    static func missing(_ kind: FlowNodeKind, in diagram: DiagramContext, what: String) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.processes {
            if !p.topLevelNodes.contains(where: { p.nodes[$0].kind == kind }) {
                out.append(RuleFinding("Process is missing \(what)", at: p.location, element: p.id))
            }
            for s in p.nodes where s.kind == .subProcess || s.kind == .transaction {
                if !s.children.contains(where: { p.nodes[$0].kind == kind }) {
                    out.append(RuleFinding("Sub process is missing \(what)", at: s.location, element: s.id))
                }
            }
        }
        return out
    }
}
