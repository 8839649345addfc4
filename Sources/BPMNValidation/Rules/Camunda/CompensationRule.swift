import BPMNModel

/// Compensation as Camunda 7 parses it: `activityRef` names an activity of the same scope, a
/// compensation boundary event is associated with an activity marked isForCompensation, and
/// compensation handlers have no sequence flows; a compensation event sub-process sits in an
/// embedded sub-process, alone (no second one, no compensation boundary event on that sub-process).
public struct CompensationRule: ValidationRule {
    public static let id = "camunda-compensation"
    public static let summary = "Compensation throw events reference an activity in scope; compensation boundary events are associated with an isForCompensation activity that has no sequence flows; one compensation event sub-process per embedded sub-process."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:intermediateThrowEvent id=\"Undo\"><bpmn:compensateEventDefinition id=\"C\" activityRef=\"Nothing\" /></bpmn:intermediateThrowEvent>"),
            .process("""
            <bpmn:subProcess id="OnUndo" triggeredByEvent="true">
              <bpmn:startEvent id="UndoStart"><bpmn:compensateEventDefinition id="C" /></bpmn:startEvent>
            </bpmn:subProcess>
            """),
            .process("""
            <bpmn:serviceTask id="Book" camunda:expression="${true}" />
            <bpmn:boundaryEvent id="OnUndo" attachedToRef="Book"><bpmn:compensateEventDefinition id="C" /></bpmn:boundaryEvent>
            <bpmn:serviceTask id="Cancel" camunda:expression="${true}" />
            <bpmn:association id="A" sourceRef="OnUndo" targetRef="Cancel" />
            """),
            .process("""
            <bpmn:subProcess id="Booking">
              <bpmn:subProcess id="OnUndo1" triggeredByEvent="true"><bpmn:startEvent id="UndoStart1"><bpmn:compensateEventDefinition id="C1" /></bpmn:startEvent></bpmn:subProcess>
              <bpmn:subProcess id="OnUndo2" triggeredByEvent="true"><bpmn:startEvent id="UndoStart2"><bpmn:compensateEventDefinition id="C2" /></bpmn:startEvent></bpmn:subProcess>
            </bpmn:subProcess>
            """),
        ],
        passing: [.process("""
            <bpmn:serviceTask id="Book" camunda:expression="${true}" />
            <bpmn:boundaryEvent id="OnUndo" attachedToRef="Book"><bpmn:compensateEventDefinition id="C" /></bpmn:boundaryEvent>
            <bpmn:serviceTask id="Cancel" isForCompensation="true" camunda:expression="${true}" />
            <bpmn:association id="A" sourceRef="OnUndo" targetRef="Cancel" />
            <bpmn:intermediateThrowEvent id="Undo"><bpmn:compensateEventDefinition id="C2" activityRef="Book" /></bpmn:intermediateThrowEvent>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.executableProcesses {
            for n in p.nodes where n.kind == .intermediateThrowEvent || n.kind == .endEvent {
                for d in n.eventDefinitions where d.kind == .compensate {
                    guard let ref = d.ref, !ref.isEmpty else { continue }
                    let scopeName = n.parent.map { p.nodes[$0].id } ?? p.id
                    let inScope = p.nodes.contains { $0.id == ref && $0.kind.isActivity && ($0.parent == n.parent || isEventSubProcessSibling(p, n, $0)) }
                    if !inScope {
                        out.append(RuleFinding("Invalid attribute value for 'activityRef': no activity with id '\(ref)' in scope '\(scopeName)'", at: d.location, element: n.id))
                    }
                }
            }
            for a in diagram.index.associations {
                guard let s = a.sourceRef.flatMap({ p.nodeIndex(of: $0) }), let t = a.targetRef.flatMap({ p.nodeIndex(of: $0) }) else { continue }
                let source = p.nodes[s], target = p.nodes[t]
                guard source.kind == .boundaryEvent, source.eventDefinitions.first?.kind == .compensate else { continue }
                if !target.isForCompensation {
                    out.append(RuleFinding("compensation boundary catch must be connected to element with isForCompensation=true ('\(target.id)' is not)", at: a.location, element: source.id))
                }
            }
            // Compensation event sub-processes: the compensation handler of the sub-process around them.
            var handlerSubProcess: [Int: Int] = [:]
            for n in p.nodes where n.kind == .startEvent && n.eventDefinitions.contains(where: { $0.kind == .compensate }) {
                guard let sub = n.parent, p.nodes[sub].triggeredByEvent else { continue }
                guard let scope = p.nodes[sub].parent else {
                    out.append(RuleFinding("event subprocess with compensation start event is only supported for embedded subprocess (since throwing compensation through a call activity-induced process hierarchy is not supported)",
                                           at: n.location, element: n.id))
                    continue
                }
                if handlerSubProcess[scope] != nil {
                    out.append(RuleFinding("multiple event subprocesses with compensation start event are not supported on the same scope", at: n.location, element: n.id))
                } else if p.nodes[scope].boundaryEvents.contains(where: { p.nodes[$0].eventDefinitions.first?.kind == .compensate }) {
                    out.append(RuleFinding("compensation boundary event and event subprocess with compensation start event are not supported on the same scope ('\(p.nodes[scope].id)')",
                                           at: n.location, element: n.id))
                }
                handlerSubProcess[scope] = sub
            }
            for n in p.nodes where n.isForCompensation {
                for f in n.outgoing {
                    out.append(RuleFinding("Invalid outgoing sequence flow of compensation activity '\(n.id)'. A compensation activity should not have an incoming or outgoing sequence flow.",
                                           at: p.flows[f].location, element: p.flows[f].id))
                }
                for f in n.incoming {
                    out.append(RuleFinding("Invalid incoming sequence flow of compensation activity '\(n.id)'. A compensation activity should not have an incoming or outgoing sequence flow.",
                                           at: p.flows[f].location, element: p.flows[f].id))
                }
            }
        }
        return out
    }

    /// A throw event inside an event sub-process may compensate activities of the enclosing scope.
    private func isEventSubProcessSibling(_ p: ProcessSpec, _ thrower: FlowNode, _ target: FlowNode) -> Bool {
        guard let sub = thrower.parent, p.nodes[sub].triggeredByEvent else { return false }
        return target.parent == p.nodes[sub].parent
    }
}
