import BPMNModel

/// bpmnlint `no-implicit-end`: an element without outgoing flow that is not an end event.
public struct NoImplicitEndRule: ValidationRule {
    public static let id = "no-implicit-end"
    public static let summary = "Only end events finish a flow; other elements have an outgoing flow (bpmnlint)."
    public static let category = RuleCategory.modelling
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:startEvent id=\"Start\" /><bpmn:sequenceFlow id=\"F\" sourceRef=\"Start\" targetRef=\"Task\" /><bpmn:task id=\"Task\" />")],
        passing: [.process("<bpmn:startEvent id=\"Start\" /><bpmn:sequenceFlow id=\"F\" sourceRef=\"Start\" targetRef=\"End\" /><bpmn:endEvent id=\"End\" />")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        let associated = Set(diagram.index.associations.compactMap(\.sourceRef))
        for p in diagram.processes {
            for n in p.nodes where n.outgoing.isEmpty {
                if n.kind == .endEvent || n.isForCompensation || p.isInAdHoc(n) || n.isEventSubProcess { continue }
                if n.kind == .intermediateThrowEvent && n.isLinkEvent { continue }
                if n.kind == .boundaryEvent && !n.eventDefinitions.isEmpty && n.eventDefinitions.allSatisfy({ $0.kind == .compensate }) && associated.contains(n.id) { continue }
                out.append(RuleFinding("Element is an implicit end", at: n.location, element: n.id))
            }
        }
        return out
    }
}
