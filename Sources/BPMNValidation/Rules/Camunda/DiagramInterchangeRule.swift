import BPMNModel

/// Camunda 7 reads the diagram interchange (BPMNDI) of a deployed file to place its elements and
/// refuses broken layout data: planes, shapes and edges without `bpmnElement`, shapes pointing
/// at no element, shapes of deployed elements without `<dc:Bounds>`, edges of sequence flows
/// with fewer than two waypoints, and coordinates that are not numbers.
public struct DiagramInterchangeRule: ValidationRule {
    public static let id = "camunda-diagram-interchange"
    public static let summary = "BPMNDI that Camunda 7 can read: every plane, shape and edge names an existing element, shapes have Bounds, sequence flow edges at least two waypoints, coordinates are numbers."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [.document(document(shapes: """
            <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="Gone_di" bpmnElement="Task_Deleted"><dc:Bounds x="200" y="80" width="100" height="80" /></bpmndi:BPMNShape>
            """)),
                     .document(document(shapes: """
            <bpmndi:BPMNShape id="Start_di" bpmnElement="Start" />
            """)),
                     .document(document(shapes: """
            <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="one hundred" width="36" height="36" /></bpmndi:BPMNShape>
            """))],
        passing: [.document(document(shapes: """
            <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" />
              <bpmndi:BPMNLabel><dc:Bounds x="90" y="140" width="60" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
            """))])
    public init() {}

    static func document(shapes: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" \
        xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" \
        xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
        <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="180">
          <bpmn:startEvent id="Start" />
        </bpmn:process>
        <bpmndi:BPMNDiagram id="Diagram_1"><bpmndi:BPMNPlane id="Plane_1" bpmnElement="Process_1">
        \(shapes)
        </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """
    }

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        let executable = diagram.executableProcesses
        // Shapes are matched against the deployed processes; without one Camunda reads none.
        guard !executable.isEmpty else { return out }
        let participants = Set(diagram.definitions.participants.filter { p in
            p.processRef.map { ref in executable.contains { $0.id == ref } } ?? false
        }.map(\.id))
        let deployedNodes = diagram.executableElements.nodes
        let lanes = Set(diagram.index.ids.lazy.filter { $0.element == "lane" }.map(\.id))
        // Camunda checks edges against the flows of the process it parsed last.
        let lastFlows = Set(executable.last!.flows.map(\.id))
        for e in diagram.index.diagramElements {
            guard let ref = e.bpmnElement, !ref.isEmpty else {
                out.append(RuleFinding("'bpmnElement' attribute is required on \(e.kind)", at: e.location))
                continue
            }
            switch e.kind {
            case "BPMNShape":
                let placed = participants.contains(ref) || deployedNodes[ref] != nil || lanes.contains(ref)
                if placed {
                    if e.geometryCount == 0 {
                        out.append(RuleFinding("'Bounds' element is required (shape of '\(ref)')", at: e.location, element: ref))
                    } else if let bad = e.badCoordinate {
                        out.append(RuleFinding("\(bad) (Bounds of the shape of '\(ref)')", at: e.location, element: ref))
                    }
                } else if !diagram.declaredIds.contains(ref) {  // (built only when needed: rarely)
                    out.append(RuleFinding("Invalid reference in 'bpmnElement' attribute, activity \(ref) not found", at: e.location))
                }
            case "BPMNEdge":
                if lastFlows.contains(ref) {
                    if e.geometryCount < 2 {
                        out.append(RuleFinding("Minimum 2 waypoint elements must be definted for a 'BPMNEdge' (edge of '\(ref)')", at: e.location, element: ref))
                    } else if let bad = e.badCoordinate {
                        out.append(RuleFinding("\(bad) (waypoint of the edge of '\(ref)')", at: e.location, element: ref))
                    }
                } else if !diagram.declaredIds.contains(ref) {
                    out.append(RuleFinding("Invalid reference in 'bpmnElement' attribute, sequenceFlow \(ref)not found", at: e.location))
                }
            default:
                break
            }
        }
        return out
    }
}
