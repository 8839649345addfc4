import BPMNModel

/// A cancel end event cancels the transaction it is in: Camunda 7 refuses one anywhere else.
public struct CancelEndEventRule: ValidationRule {
    public static let id = "camunda-cancel-end-event"
    public static let summary = "A cancel end event sits directly inside a transaction sub-process."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:endEvent id=\"Cancel\"><bpmn:cancelEventDefinition id=\"C\" /></bpmn:endEvent>")],
        passing: [.process("""
            <bpmn:transaction id="Booking">
              <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Cancel" />
              <bpmn:endEvent id="Cancel"><bpmn:cancelEventDefinition id="C" /></bpmn:endEvent>
            </bpmn:transaction>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.executableProcesses {
            for i in p.nodes.indices where p.nodes[i].kind == .endEvent {
                let n = p.nodes[i]
                guard let d = n.eventDefinitions.first(where: { $0.kind == .cancel }) else { continue }
                if n.parent.map({ p.nodes[$0].kind }) != .transaction {
                    out.append(RuleFinding("end event with cancelEventDefinition only supported inside transaction subprocess", at: d.location, element: n.id))
                }
            }
        }
        return out
    }
}
