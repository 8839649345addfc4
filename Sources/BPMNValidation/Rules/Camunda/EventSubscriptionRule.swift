import BPMNModel

/// Two catching events in one scope waiting for the same message or signal name: Camunda 7
/// cannot tell which one a message is for.
public struct EventSubscriptionRule: ValidationRule {
    public static let id = "camunda-event-subscription"
    public static let summary = "No two message (or signal) catch events in one scope wait for the same name, no two conditional event sub-processes for the same condition."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [.definitions("""
            <bpmn:message id="Message_1" name="cancel" />
            <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="1">
              <bpmn:userTask id="task" />
              <bpmn:boundaryEvent id="B1" attachedToRef="task"><bpmn:messageEventDefinition id="M1" messageRef="Message_1" /></bpmn:boundaryEvent>
              <bpmn:boundaryEvent id="B2" attachedToRef="task"><bpmn:messageEventDefinition id="M2" messageRef="Message_1" /></bpmn:boundaryEvent>
            </bpmn:process>
            """)],
        passing: [.definitions("""
            <bpmn:message id="Message_1" name="cancel" />
            <bpmn:message id="Message_2" name="change" />
            <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="1">
              <bpmn:userTask id="task" />
              <bpmn:boundaryEvent id="B1" attachedToRef="task"><bpmn:messageEventDefinition id="M1" messageRef="Message_1" /></bpmn:boundaryEvent>
              <bpmn:boundaryEvent id="B2" attachedToRef="task"><bpmn:messageEventDefinition id="M2" messageRef="Message_2" /></bpmn:boundaryEvent>
            </bpmn:process>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.executableProcesses {
            var seen: Set<String> = []
            for (i, n) in p.nodes.enumerated() {
                // Conditional start events of event sub-processes in one scope: one per condition.
                if n.kind == .startEvent, let d = n.eventDefinitions.first, d.kind == .conditional,
                   let condition = d.condition?.text, !condition.isEmpty, let scope = scopeId(p, i), n.parent != nil {
                    if !seen.insert("conditional\u{0}\(scope)\u{0}\(condition)").inserted {
                        out.append(RuleFinding("Cannot have more than one conditional event subscription with the same condition '\(condition)'", at: n.location, element: n.id))
                    }
                    continue
                }
                guard let d = n.eventDefinitions.first, d.kind == .message || d.kind == .signal,
                      let ref = d.ref, let scope = scopeId(p, i) else { continue }
                let name = d.kind == .message ? diagram.definitions.message(id: ref)?.name : diagram.definitions.signal(id: ref)?.name
                guard let name, !name.isEmpty else { continue }
                let kind = d.kind == .message ? "message" : "signal"
                if !seen.insert("\(kind)\u{0}\(scope)\u{0}\(name)").inserted {
                    out.append(RuleFinding("Cannot have more than one \(kind) event subscription with name '\(name)' for scope '\(scope)'", at: n.location, element: n.id))
                }
            }
        }
        return out
    }

    /// The scope Camunda registers the subscription on, or nil when it cannot clash.
    private func scopeId(_ p: ProcessSpec, _ i: Int) -> String? {
        let n = p.nodes[i]
        switch n.kind {
        case .boundaryEvent:
            guard let h = n.attachedTo else { return nil }
            let host = p.nodes[h]
            return host.multiInstance != nil ? host.id + "#multiInstanceBody" : host.id
        case .startEvent:
            guard let parent = n.parent else { return p.id }
            guard p.nodes[parent].triggeredByEvent else { return nil }
            return p.nodes[parent].parent.map { p.nodes[$0].id } ?? p.id
        case .intermediateCatchEvent:
            for f in n.incoming {
                if let s = p.flows[f].source, p.nodes[s].kind == .eventBasedGateway { return p.nodes[s].id }
            }
            return nil
        default:
            return nil
        }
    }
}
