import BPMNModel

/// What Camunda 7 deploys but logs a parse warning for, in its words: settings it ignores or
/// does not support, and constructs that work differently from what the diagram suggests.
public struct ParseWarningRule: ValidationRule {
    public static let id = "camunda-parse-warning"
    public static let summary = "Nothing Camunda 7 logs a parse warning for: ignored compensation attributes, unknown conditional variable events, a link catch event named unlike its link, an implicit default flow, a time cycle on an interrupting timer."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [
            .process("""
            <bpmn:intermediateCatchEvent id="Changed"><bpmn:conditionalEventDefinition id="C" camunda:variableName="amount" camunda:variableEvents="create, modify">
              <bpmn:condition>${amount &gt; 10}</bpmn:condition>
            </bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>
            """),
            .process("""
            <bpmn:task id="Book" />
            <bpmn:boundaryEvent id="Every" attachedToRef="Book"><bpmn:timerEventDefinition id="T"><bpmn:timeCycle>R3/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            """),
        ],
        passing: [.process("""
            <bpmn:intermediateCatchEvent id="Changed"><bpmn:conditionalEventDefinition id="C" camunda:variableName="amount" camunda:variableEvents="create, update">
              <bpmn:condition>${amount &gt; 10}</bpmn:condition>
            </bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:task id="Book" />
            <bpmn:boundaryEvent id="Every" attachedToRef="Book" cancelActivity="false"><bpmn:timerEventDefinition id="T"><bpmn:timeCycle>R3/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            """)])
    public init() {}

    static let variableEvents: Set<String> = ["create", "delete", "update"]

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.executableProcesses {
            // Only events and exclusive gateways can draw a warning (by index: nodes are big values).
            for i in p.nodes.indices where !p.nodes[i].eventDefinitions.isEmpty || p.nodes[i].kind == .exclusiveGateway {
                let n = p.nodes[i]
                for d in n.eventDefinitions { out += definitionWarnings(d, of: n, in: p) }
                if n.kind == .exclusiveGateway, n.outgoing.count > 1, (n.defaultFlowId ?? "").isEmpty {
                    let unconditioned = n.outgoing.filter { p.flows[$0].condition == nil }
                    if unconditioned.count == 1 {
                        let f = p.flows[unconditioned[0]]
                        out.append(RuleFinding("Exclusive Gateway '\(n.id)' has outgoing sequence flow '\(f.id)' without condition which is not the default flow. We assume it to be the default flow, but it is bad modeling practice, better set the default flow in your gateway.",
                                               at: f.location, element: n.id))
                    }
                }
            }
        }
        return out
    }

    private func definitionWarnings(_ d: EventDefinition, of n: FlowNode, in p: ProcessSpec) -> [RuleFinding] {
        var out: [RuleFinding] = []
        let catching = n.kind == .startEvent || n.kind == .boundaryEvent || n.kind == .intermediateCatchEvent
        switch d.kind {
        case .compensate where catching:
            if d.ref != nil {
                out.append(RuleFinding("attribute 'activityRef' is not supported on catching compensation event. attribute will be ignored", at: d.location, element: n.id))
            }
            if d.waitForCompletion != nil {
                out.append(RuleFinding("attribute 'waitForCompletion' is not supported on catching compensation event. attribute will be ignored", at: d.location, element: n.id))
            }
        case .compensate:
            if d.waitForCompletion == false {
                out.append(RuleFinding("Unsupported attribute value for 'waitForCompletion': 'waitForCompletion=false' is not supported. Compensation event will wait for compensation to join.", at: d.location, element: n.id))
            }
        case .conditional:
            let events = (d.camundaAttributes["variableEvents"] ?? "").split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for e in events where !Self.variableEvents.contains(e) {
                out.append(RuleFinding("Variable event: \(e) is not valid. Possible variable change events are: [create, delete, update]", at: d.location, element: n.id))
            }
        case .link where n.kind == .intermediateCatchEvent:
            let linkName = d.linkName ?? "null"
            if linkName != (n.name ?? "null") {
                out.append(RuleFinding("Link Event named '\(n.name ?? "null")' contains link event definition with name '\(linkName)' - it is recommended to use the same name for both.", at: n.location, element: n.id))
            }
        case .timer where d.timeCycle != nil:
            if n.kind == .boundaryEvent && n.cancelActivity {
                out.append(RuleFinding("It is not recommended to use a cancelling boundary timer event with a time cycle.", at: d.timeCycle!.location, element: n.id))
            } else if n.kind == .startEvent, let sub = n.parent, p.nodes[sub].triggeredByEvent, n.isInterrupting {
                out.append(RuleFinding("It is not recommended to use a interrupting start timer event with a time cycle.", at: d.timeCycle!.location, element: n.id))
            }
        default:
            break
        }
        return out
    }
}
