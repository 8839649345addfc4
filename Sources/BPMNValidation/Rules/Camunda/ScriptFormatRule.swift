import BPMNPython
import BPMNModel

/// `camunda:script` (in listeners and input/output parameters) must name its scriptFormat.
public struct ScriptFormatRule: ValidationRule {
    public static let id = "camunda-script-format"
    public static let summary = "Every camunda:script (listeners, input/output parameters) has a scriptFormat."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let dialects = Set<Dialect>.camundaOnly
    public static let examples = RuleExamples(
        triggering: [.process("""
            <bpmn:task id="Task"><bpmn:extensionElements><camunda:executionListener event="start"><camunda:script>print('hi')</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:task>
            """)],
        passing: [.process("""
            <bpmn:task id="Task"><bpmn:extensionElements><camunda:executionListener event="start"><camunda:script scriptFormat="javascript">print('hi')</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:task>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        ScriptCollector.forEachCamundaScript(in: diagram, executableOnly: true) { script, element, _ in
            if (script.format ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(RuleFinding("Missing attribute 'scriptFormat' for 'script' element", at: script.location, element: element))
            }
        }
        return out
    }
}

import Foundation
