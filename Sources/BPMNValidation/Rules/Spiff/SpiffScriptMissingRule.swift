import BPMNModel
import BPMNPython

/// A script task without a script: SpiffWorkflow's parser refuses the whole diagram
/// (`camunda/parser/task_spec.py`, "Invalid Script Task. No Script Provided"), and it does not
/// read `camunda:resource`. Every such task is reported, not only the first.
public struct SpiffScriptMissingRule: ValidationRule {
    public static let id = "spiff-script-missing"
    public static let summary = "Every script task has a Python script in <script> (SpiffWorkflow refuses an empty one and reads no camunda:resource)."
    public static let category = RuleCategory.spiff
    public static let defaultLevel = RuleLevel.error
    public static let dialects = Set<Dialect>.spiffOnly
    public static let examples = RuleExamples(
        triggering: [.spiffProcess("<bpmn:scriptTask id=\"Activity_Save\" name=\"Save\" />")],
        passing: [.spiffProcess("<bpmn:scriptTask id=\"Activity_Save\"><bpmn:script>saved = True</bpmn:script></bpmn:scriptTask>")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        diagram.processes.flatMap(SpiffDiagramCheck.missingScripts(in:)).map {
            RuleFinding($0.message, at: $0.location, element: $0.elementId)
        }
    }
}
