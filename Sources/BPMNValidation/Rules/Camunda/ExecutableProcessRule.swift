import BPMNPython
import BPMNModel

/// A file without any executable process: Camunda 7 deploys it without error and without any
/// process. A warning by default (documentation diagrams are deliberately not executable), an
/// error in the `camunda7` preset.
public struct ExecutableProcessRule: ValidationRule {
    public static let id = "camunda-executable-process"
    public static let summary = "The file has at least one process with isExecutable=\"true\" (else Camunda 7 deploys nothing)."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.warn
    public static let dialects = Set<Dialect>.camundaOnly
    public static let examples = RuleExamples(
        triggering: [.definitions("<bpmn:process id=\"Process_1\" isExecutable=\"false\"><bpmn:startEvent id=\"Start\" /></bpmn:process>")],
        passing: [.process("<bpmn:startEvent id=\"Start\" />")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        let processes = diagram.processes
        if processes.contains(where: { $0.isExecutable == true }) { return [] }
        guard let first = processes.first else {
            let at = diagram.index.ids.first?.location ?? SourceLocation(line: 1, column: 1)
            return [RuleFinding("the file defines no process: Camunda 7 deploys nothing from it", at: at)]
        }
        let ids = processes.map { "'\($0.id)'" }.joined(separator: ", ")
        return [RuleFinding("no executable process: Camunda 7 deploys nothing from this file (ENGINE-01002 Ignoring non-executable process with id \(ids). Set the attribute isExecutable=\"true\" to deploy this process.)",
                            at: first.location, element: first.id)]
    }
}
