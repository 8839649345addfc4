import BPMNModel

/// A timer needs exactly one of timeDate, timeDuration, timeCycle.
public struct TimerDefinitionRule: ValidationRule {
    public static let id = "camunda-timer-definition"
    public static let summary = "A timer event definition has exactly one of timeDate, timeDuration or timeCycle."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:intermediateCatchEvent id=\"Wait\"><bpmn:timerEventDefinition id=\"T\" /></bpmn:intermediateCatchEvent>"),
            .process("<bpmn:intermediateCatchEvent id=\"Wait\"><bpmn:timerEventDefinition id=\"T\"><bpmn:timeDate>2030-01-01T00:00:00Z</bpmn:timeDate><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"),
        ],
        passing: [.process("<bpmn:intermediateCatchEvent id=\"Wait\"><bpmn:timerEventDefinition id=\"T\"><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachExecutableNode { _, n in
            for d in n.eventDefinitions where d.kind == .timer {
                let set = [("timeDate", d.timeDate), ("timeDuration", d.timeDuration), ("timeCycle", d.timeCycle)].filter { $0.1 != nil }
                if set.isEmpty {
                    out.append(RuleFinding("Timer needs configuration (either timeDate, timeCycle or timeDuration is needed).", at: d.location, element: n.id))
                } else if set.count > 1 {
                    out.append(RuleFinding("the timer has \(set.map(\.0).joined(separator: " and ")); give exactly one (Camunda 7 uses the first of timeDate, timeCycle, timeDuration and ignores the rest)",
                                           at: d.location, element: n.id))
                }
            }
        }
        return out
    }
}
