import BPMNModel

/// bpmnlint `no-implicit-start`: an element without incoming flow that is not a start event.
public struct NoImplicitStartRule: ValidationRule {
    public static let id = "no-implicit-start"
    public static let summary = "Only start and boundary events begin a flow; other elements have an incoming flow (bpmnlint)."
    public static let category = RuleCategory.modelling
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:task id=\"Task\" /><bpmn:sequenceFlow id=\"F\" sourceRef=\"Task\" targetRef=\"End\" /><bpmn:endEvent id=\"End\" />")],
        passing: [.process("<bpmn:startEvent id=\"Start\" /><bpmn:sequenceFlow id=\"F\" sourceRef=\"Start\" targetRef=\"End\" /><bpmn:endEvent id=\"End\" />")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.processes {
            for n in p.nodes where n.incoming.isEmpty {
                if n.kind == .startEvent || n.kind == .boundaryEvent || n.isForCompensation || p.isInAdHoc(n) || n.isEventSubProcess { continue }
                if n.kind == .intermediateCatchEvent && n.isLinkEvent { continue }
                out.append(RuleFinding("Element is an implicit start", at: n.location, element: n.id))
            }
        }
        return out
    }
}
