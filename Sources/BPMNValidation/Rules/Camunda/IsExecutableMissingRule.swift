import BPMNPython
import BPMNModel

/// A process without `isExecutable`: Camunda 7 treats it as not executable and skips it silently.
public struct IsExecutableMissingRule: ValidationRule {
    public static let id = "camunda-is-executable-missing"
    public static let summary = "Every process states isExecutable (Camunda 7 silently skips a process without it)."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.warn
    public static let dialects = Set<Dialect>.camundaOnly
    public static let examples = RuleExamples(
        triggering: [.definitions("<bpmn:process id=\"Process_1\"><bpmn:startEvent id=\"Start\" /></bpmn:process>")],
        passing: [
            .process("<bpmn:startEvent id=\"Start\" />"),
            .definitions("<bpmn:process id=\"Process_1\" isExecutable=\"false\" />"),
        ])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        diagram.processes.filter { $0.isExecutable == nil }.map { p in
            RuleFinding("Process with id '\(p.id)' has no attribute isExecutable, so Camunda 7 skips it (ENGINE-01003); set isExecutable=\"true\" to deploy it",
                        at: p.location, element: p.id)
        }
    }
}
