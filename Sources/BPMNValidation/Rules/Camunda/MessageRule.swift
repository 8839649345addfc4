import BPMNModel

/// Message event definitions need a messageRef, and a caught message needs a name (Camunda
/// subscribes by name).
public struct MessageRule: ValidationRule {
    public static let id = "camunda-message"
    public static let summary = "Message events reference a message, and caught messages have a name."
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
                }
            }
            if n.kind == .receiveTask, let ref = n.messageRef, let m = diagram.definitions.message(id: ref), (m.name ?? "").isEmpty {
                out.append(RuleFinding("Cannot have a message event subscription with an empty or missing name (message '\(ref)')", at: n.location, element: n.id))
            }
        }
        return out
    }
}
