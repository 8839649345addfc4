import BPMNModel

/// Camunda 7 catches timers, messages, signals, conditions and links in the middle of a flow;
/// any other intermediate catch event (none, error, escalation, compensation, cancel) is refused.
public struct IntermediateCatchEventRule: ValidationRule {
    public static let id = "camunda-intermediate-catch-event"
    public static let summary = "An intermediate catch event waits for a timer, message, signal, condition or link."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:intermediateCatchEvent id=\"Wait\" />"),
            .process("<bpmn:intermediateCatchEvent id=\"Wait\"><bpmn:escalationEventDefinition id=\"E\" /></bpmn:intermediateCatchEvent>"),
        ],
        passing: [.process("<bpmn:intermediateCatchEvent id=\"Wait\"><bpmn:timerEventDefinition id=\"T\"><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>")])
    public init() {}

    static let supported: Set<EventDefinition.Kind> = [.timer, .signal, .message, .link, .conditional]

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.executableProcesses {
            for i in p.nodes.indices where p.nodes[i].kind == .intermediateCatchEvent {
                let n = p.nodes[i]
                guard !n.eventDefinitions.contains(where: { Self.supported.contains($0.kind) }) else { continue }
                let what = n.eventDefinitions.first.map { "event definition: \($0.kind.rawValue)" } ?? "no event definition"
                out.append(RuleFinding("Unsupported intermediate catch event type (\(what))", at: n.location, element: n.id))
            }
        }
        return out
    }
}
