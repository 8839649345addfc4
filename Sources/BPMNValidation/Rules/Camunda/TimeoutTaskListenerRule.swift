import BPMNModel

/// A user task listener with `event="timeout"` fires from a timer: Camunda 7 needs the
/// listener's `id` (the timer job points at it) and a `<timerEventDefinition>` with a valid date,
/// duration or cycle.
public struct TimeoutTaskListenerRule: ValidationRule {
    public static let id = "camunda-timeout-task-listener"
    public static let summary = "A timeout task listener has an id and a timerEventDefinition with a valid timeDate, timeDuration or timeCycle."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("""
            <bpmn:userTask id="Approve"><bpmn:extensionElements>
              <camunda:taskListener class="org.example.Remind" event="timeout" />
            </bpmn:extensionElements></bpmn:userTask>
            """),
            .process("""
            <bpmn:userTask id="Approve"><bpmn:extensionElements>
              <camunda:taskListener class="org.example.Remind" event="timeout" id="remind">
                <bpmn:timerEventDefinition><bpmn:timeDuration>PT2 hours</bpmn:timeDuration></bpmn:timerEventDefinition>
              </camunda:taskListener>
            </bpmn:extensionElements></bpmn:userTask>
            """),
        ],
        passing: [.process("""
            <bpmn:userTask id="Approve"><bpmn:extensionElements>
              <camunda:taskListener class="org.example.Remind" event="timeout" id="remind">
                <bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition>
              </camunda:taskListener>
            </bpmn:extensionElements></bpmn:userTask>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for (i, l) in diagram.index.rawElements.enumerated()
        where l.namespace == .camunda && l.name == "taskListener" && l.attributes["event"] == "timeout" {
            // Camunda reads task listeners of user tasks only.
            guard let owner = l.ownerId, let task = diagram.executableNode(owner), task.kind == .userTask else { continue }
            if (l.attributes["id"] ?? "").isEmpty {
                out.append(RuleFinding("Element 'id' is mandatory on taskListener of type 'timeout'", at: l.location, element: owner))
            }
            guard let (t, timer) = diagram.rawChildren(of: i, named: "timerEventDefinition").first else {
                out.append(RuleFinding("Element 'timerEventDefinition' is mandatory on taskListener of type 'timeout'", at: l.location, element: owner))
                continue
            }
            // Camunda takes the first of timeDate, timeCycle, timeDuration that is present.
            let values = ["timeDate", "timeCycle", "timeDuration"].compactMap { name in
                diagram.rawChildren(of: t, named: name).first.map { (name, $0.1) }
            }
            guard let (name, value) = values.first else {
                out.append(RuleFinding("Timer needs configuration (either timeDate, timeCycle or timeDuration is needed).", at: timer.location, element: owner))
                continue
            }
            let kind: TimerValueRule.Kind = name == "timeDate" ? .date : name == "timeCycle" ? .cycle : .duration
            let text = value.text ?? ""
            if let problem = TimerValueRule.check(text, as: kind) {
                out.append(RuleFinding("\(name) '\(text.trimmingCharacters(in: .whitespacesAndNewlines))' of the timeout task listener \(problem)", at: value.location, element: owner))
            }
        }
        return out
    }
}
