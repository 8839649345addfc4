import BPMNModel

/// Message event definitions need a messageRef, and a caught message needs a name (Camunda
/// subscribes by name).
public struct MessageRule: ValidationRule {
    public static let id = "camunda-message"
    public static let summary = "Message events reference a message, caught messages have a name, and a message starting a process has no expression in its name."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:intermediateCatchEvent id=\"Wait\"><bpmn:messageEventDefinition id=\"M\" /></bpmn:intermediateCatchEvent>"),
            .definitions("""
            <bpmn:message id="Message_1" />
            <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="1">
              <bpmn:intermediateCatchEvent id="Wait"><bpmn:messageEventDefinition id="M" messageRef="Message_1" /></bpmn:intermediateCatchEvent>
            </bpmn:process>
            """),
            .definitions("""
            <bpmn:message id="Message_1" name="order-${region}" />
            <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="1">
              <bpmn:startEvent id="Start"><bpmn:messageEventDefinition id="M" messageRef="Message_1" /></bpmn:startEvent>
            </bpmn:process>
            """),
        ],
        passing: [.definitions("""
            <bpmn:message id="Message_1" name="paid" />
            <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="1">
              <bpmn:intermediateCatchEvent id="Wait"><bpmn:messageEventDefinition id="M" messageRef="Message_1" /></bpmn:intermediateCatchEvent>
              <bpmn:endEvent id="Notify"><bpmn:messageEventDefinition id="M2" camunda:class="org.example.Notify" /></bpmn:endEvent>
            </bpmn:process>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachExecutableNode { _, n in
            let catching = [.startEvent, .intermediateCatchEvent, .boundaryEvent].contains(n.kind)
            for d in n.eventDefinitions where d.kind == .message {
                // Throwing message events are service-task-like: they need no message.
                guard catching else { continue }
                guard let ref = d.ref, !ref.isEmpty else {
                    out.append(RuleFinding("attribute 'messageRef' is required", at: d.location, element: n.id))
                    continue
                }
                if let m = diagram.definitions.message(id: ref), (m.name ?? "").isEmpty {
                    out.append(RuleFinding("Cannot have a message event subscription with an empty or missing name (message '\(ref)')", at: d.location, element: n.id))
                } else if n.kind == .startEvent, n.parent == nil, let name = diagram.definitions.message(id: ref)?.name,
                          BPMNExpressionsBridge.containsExpression(name) {
                    // A process is started by the message's name, which must be known at deployment.
                    out.append(RuleFinding("Invalid message name '\(name)' for element 'messageEventDefinition': expressions in the message start event name are not allowed!", at: d.location, element: n.id))
                }
            }
            if n.kind == .receiveTask, let ref = n.messageRef, let m = diagram.definitions.message(id: ref), (m.name ?? "").isEmpty {
                out.append(RuleFinding("Cannot have a message event subscription with an empty or missing name (message '\(ref)')", at: n.location, element: n.id))
            }
        }
        return out
    }
}
