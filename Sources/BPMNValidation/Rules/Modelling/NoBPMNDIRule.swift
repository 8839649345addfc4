import BPMNModel

/// bpmnlint `no-bpmndi`: every flow node, sequence flow and pool is drawn. A file without any
/// diagram gets one finding instead of one per element.
public struct NoBPMNDIRule: ValidationRule {
    public static let id = "no-bpmndi"
    public static let summary = "Every flow node, sequence flow and pool has a shape or edge in the diagram (BPMNDI) (bpmnlint)."
    public static let category = RuleCategory.modelling
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:startEvent id=\"Start\" />")],
        passing: [.document("""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="D" targetNamespace="t">
              <bpmn:process id="Process_1" isExecutable="true"><bpmn:startEvent id="Start" /></bpmn:process>
              <bpmndi:BPMNDiagram id="Diagram"><bpmndi:BPMNPlane id="Plane" bpmnElement="Process_1">
                <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="1" y="1" width="36" height="36" /></bpmndi:BPMNShape>
              </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        let drawn = diagram.index.diagramElementRefs
        if diagram.index.diagramCount == 0 {
            let hasElements = diagram.processes.contains { !$0.nodes.isEmpty }
            guard hasElements, let first = diagram.processes.first else { return [] }
            return [RuleFinding("the file has no diagram (BPMNDI): modelers show nothing; open it in a tool that lays it out, or export it with its diagram",
                                at: first.location, element: first.id)]
        }
        var out: [RuleFinding] = []
        for p in diagram.processes {
            for n in p.nodes where !drawn.contains(n.id) {
                out.append(RuleFinding("Element is missing bpmndi", at: n.location, element: n.id))
            }
            for f in p.flows where !drawn.contains(f.id) {
                out.append(RuleFinding("Element is missing bpmndi", at: f.location, element: f.id))
            }
        }
        for part in diagram.definitions.participants where !drawn.contains(part.id) {
            out.append(RuleFinding("Element is missing bpmndi", at: part.location, element: part.id))
        }
        return out
    }
}
