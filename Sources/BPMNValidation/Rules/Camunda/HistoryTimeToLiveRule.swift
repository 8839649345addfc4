import BPMNPython
import BPMNModel

/// Camunda 7.20+ refuses to deploy an executable process without `camunda:historyTimeToLive`
/// (unless the engine sets a default or enforcement is switched off), and any version refuses
/// a value it cannot parse.
public struct HistoryTimeToLiveRule: ValidationRule {
    public static let id = "camunda-history-time-to-live"
    public static let summary = "Executable processes set a valid camunda:historyTimeToLive (required by default since Camunda 7.20)."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.warn
    public static let dialects = Set<Dialect>.camundaOnly
    public static let examples = RuleExamples(
        triggering: [
            .definitions("<bpmn:process id=\"Process_1\" isExecutable=\"true\"><bpmn:startEvent id=\"Start\" /></bpmn:process>"),
            .definitions("<bpmn:process id=\"Process_1\" isExecutable=\"true\" camunda:historyTimeToLive=\"-5\"><bpmn:startEvent id=\"Start\" /></bpmn:process>"),
        ],
        passing: [
            .process("<bpmn:startEvent id=\"Start\" />"),
            .definitions("<bpmn:process id=\"Process_1\" isExecutable=\"true\" camunda:historyTimeToLive=\"P30D\"><bpmn:startEvent id=\"Start\" /></bpmn:process>"),
        ])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.processes where p.isExecutable == true {
            guard let value = p.camundaAttributes["historyTimeToLive"], !value.isEmpty else {
                out.append(RuleFinding("ENGINE-12018 History Time To Live (TTL) cannot be null. Set camunda:historyTimeToLive on process '\(p.id)' (days, e.g. 180), or give the engine a default historyTimeToLive",
                                       at: p.location, element: p.id))
                continue
            }
            if let problem = Self.problem(value) {
                out.append(RuleFinding("Cannot parse historyTimeToLive: \(problem)", at: p.location, element: p.id))
            }
        }
        return out
    }

    /// Camunda's ParseUtil.parseHistoryTimeToLive: a whole number of days, or `P<n>D`.
    static func problem(_ value: String) -> String? {
        var digits = Substring(value)
        if digits.hasPrefix("P") && digits.hasSuffix("D") && digits.count > 2 { digits = digits.dropFirst().dropLast() }
        if digits.hasPrefix("${") || digits.hasPrefix("#{") { return nil }
        guard let n = Int(digits) else { return "'\(value)' is not a number of days (write e.g. 180 or P180D)" }
        if n < 0 { return "negative value is not allowed" }
        return nil
    }
}
