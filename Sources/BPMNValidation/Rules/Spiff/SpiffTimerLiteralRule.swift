import BPMNModel
import BPMNPython

/// A timer written as a bare ISO literal (`PT5M`, `R3/PT1H`): SpiffWorkflow evaluates timer texts
/// as Python (`bpmn/specs/event_definitions/timer.py`), where `PT5M` is an undefined name, so the
/// run fails when the timer starts. (A date such as `2026-01-01T09:00:00Z` does not even compile:
/// `python-expression-syntax` reports it.) The fix is quoting: `"PT5M"`.
public struct SpiffTimerLiteralRule: ValidationRule {
    public static let id = "spiff-timer-literal"
    public static let summary = "Timer values on spiff diagrams are Python expressions: an ISO literal is written in quotes (\"PT5M\", not PT5M)."
    public static let category = RuleCategory.spiff
    public static let defaultLevel = RuleLevel.error
    public static let dialects = Set<Dialect>.spiffOnly
    public static let examples = RuleExamples(
        triggering: [.spiffProcess("""
            <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT5M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            """)],
        passing: [.spiffProcess("""
            <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>"PT5M"</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachNode { _, n in
            for d in n.eventDefinitions {
                for (what, spec) in [("timeDate", d.timeDate), ("timeDuration", d.timeDuration), ("timeCycle", d.timeCycle)] {
                    guard let spec, DialectDetector.classifyTimer(spec.text) == .literalTimer else { continue }
                    let text = spec.text.trimmingCharacters(in: .whitespacesAndNewlines)
                    // Dates do not compile at all: python-expression-syntax reports them.
                    guard text.first == "P" || text.first == "R" else { continue }
                    out.append(RuleFinding("\(what) '\(text)' is evaluated as Python by SpiffWorkflow, where it is not a string "
                                           + "(a NameError or syntax error when the timer starts); write it in quotes: \"\(text)\"",
                                           at: spec.location, element: n.id))
                }
            }
        }
        return out
    }
}
