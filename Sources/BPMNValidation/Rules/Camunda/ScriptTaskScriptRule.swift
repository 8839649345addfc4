import BPMNPython
import BPMNModel

/// A script task needs a `<script>` or `camunda:resource`.
public struct ScriptTaskScriptRule: ValidationRule {
    public static let id = "camunda-script-task-script"
    public static let summary = "A script task has a <script> body or a camunda:resource."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let dialects = Set<Dialect>.camundaOnly
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:scriptTask id=\"Compute\" scriptFormat=\"javascript\" />")],
        passing: [
            .process("<bpmn:scriptTask id=\"Compute\" scriptFormat=\"javascript\"><bpmn:script>1 + 1</bpmn:script></bpmn:scriptTask>"),
            .process("<bpmn:scriptTask id=\"Compute\" scriptFormat=\"groovy\" camunda:resource=\"classpath://compute.groovy\" />"),
        ])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachExecutableNode { _, n in
            guard n.kind == .scriptTask else { return }
            if n.script?.body == nil && (n.script?.resource ?? "").isEmpty {
                out.append(RuleFinding("Unable to process ScriptTask: No script source or resource was given", at: n.location, element: n.id))
            }
        }
        return out
    }
}
