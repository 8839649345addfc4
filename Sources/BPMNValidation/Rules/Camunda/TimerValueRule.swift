import BPMNPython
import BPMNExpressions
import BPMNModel

/// Literal timer values must be what Camunda 7's DurationHelper / DateTimeUtil read: an ISO 8601
/// date-time (timeDate), duration (timeDuration), repeating interval `R[n]/[start/]duration` or a
/// cron expression (timeCycle). Values with `${...}` are evaluated at run time and not checked.
public struct TimerValueRule: ValidationRule {
    public static let id = "camunda-timer-value"
    public static let summary = "Literal timer values are valid ISO 8601 dates, durations or repeating intervals (or cron for timeCycle)."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let dialects = Set<Dialect>.camundaOnly
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:intermediateCatchEvent id=\"Wait\"><bpmn:timerEventDefinition id=\"T\"><bpmn:timeDuration>1 hour</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"),
            .process("<bpmn:intermediateCatchEvent id=\"Wait\"><bpmn:timerEventDefinition id=\"T\"><bpmn:timeDate>31.12.2030</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"),
            .process("<bpmn:startEvent id=\"Start\"><bpmn:timerEventDefinition id=\"T\"><bpmn:timeCycle>R3/PT</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>"),
        ],
        passing: [
            .process("<bpmn:intermediateCatchEvent id=\"Wait\"><bpmn:timerEventDefinition id=\"T\"><bpmn:timeDuration>P1DT12H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"),
            .process("<bpmn:startEvent id=\"Start\"><bpmn:timerEventDefinition id=\"T\"><bpmn:timeCycle>R/2030-01-01T08:00:00Z/P1W</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>"),
            .process("<bpmn:startEvent id=\"Start\"><bpmn:timerEventDefinition id=\"T\"><bpmn:timeCycle>0 0 9 ? * MON-FRI</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>"),
            .process("<bpmn:intermediateCatchEvent id=\"Wait\"><bpmn:timerEventDefinition id=\"T\"><bpmn:timeDate>${dueDate}</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"),
        ])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachExecutableNode { _, n in
            for d in n.eventDefinitions where d.kind == .timer {
                if let e = d.timeDate, let m = Self.check(e.text, as: .date) {
                    out.append(RuleFinding("timeDate '\(e.text)' \(m)", at: e.location, element: n.id))
                }
                if let e = d.timeDuration, let m = Self.check(e.text, as: .duration) {
                    out.append(RuleFinding("timeDuration '\(e.text)' \(m)", at: e.location, element: n.id))
                }
                if let e = d.timeCycle, let m = Self.check(e.text, as: .cycle) {
                    out.append(RuleFinding("timeCycle '\(e.text)' \(m)", at: e.location, element: n.id))
                }
            }
        }
        return out
    }

    enum Kind { case date, duration, cycle }

    /// nil when fine, else what is wrong.
    static func check(_ raw: String, as kind: Kind) -> String? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return "is empty" }
        if JUELExpression.containsExpression(text) { return nil }
        switch kind {
        case .date:
            return ISO8601Text.isDateTime(text) ? nil : "is not an ISO 8601 date-time such as 2030-01-31T09:00:00Z"
        case .duration:
            return ISO8601Text.isDuration(text) ? nil : "is not an ISO 8601 duration such as PT15M, P2D or P1DT12H"
        case .cycle:
            if ISO8601Text.isCron(text) { return nil }
            return ISO8601Text.isRepeatingInterval(text) ? nil
                : "is neither an ISO 8601 repeating interval (R3/PT10M, R/2030-01-01T08:00:00Z/P1D) nor a cron expression"
        }
    }
}

import Foundation
