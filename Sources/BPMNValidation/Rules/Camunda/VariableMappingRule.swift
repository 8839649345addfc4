import BPMNPython
import BPMNModel

/// `camunda:in` / `camunda:out` of call activities (and signal / message throw events): a source
/// and a target, unless `variables="all"` (Camunda 7's strict call activity validation).
public struct VariableMappingRule: ValidationRule {
    public static let id = "camunda-variable-mapping"
    public static let summary = "camunda:in / camunda:out mappings have a source (or sourceExpression) and a target, unless variables=\"all\"."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let dialects = Set<Dialect>.camundaOnly
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:callActivity id=\"Call\" calledElement=\"Process_1\"><bpmn:extensionElements><camunda:in target=\"x\" /></bpmn:extensionElements></bpmn:callActivity>"),
            .process("<bpmn:callActivity id=\"Call\" calledElement=\"Process_1\"><bpmn:extensionElements><camunda:out source=\"x\" /></bpmn:extensionElements></bpmn:callActivity>"),
        ],
        passing: [.process("""
            <bpmn:callActivity id="Call" calledElement="Process_1"><bpmn:extensionElements>
              <camunda:in source="order" target="order" /><camunda:in businessKey="#{execution.processBusinessKey}" />
              <camunda:out variables="all" /><camunda:out sourceExpression="${total * 2}" target="double" />
            </bpmn:extensionElements></bpmn:callActivity>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachExecutableNode { _, n in
            for m in n.extensions.inMappings + n.extensions.outMappings where !m.allVariables && m.businessKey == nil {
                if m.source?.isEmpty == true {
                    out.append(RuleFinding("Empty attribute 'source' when passing variables", at: m.location, element: n.id))
                } else if m.source == nil && m.sourceExpression?.isEmpty == true {
                    out.append(RuleFinding("Empty attribute 'sourceExpression' when passing variables", at: m.location, element: n.id))
                } else if m.source == nil && m.sourceExpression == nil {
                    out.append(RuleFinding("Missing parameter 'source' or 'sourceExpression' when passing variables", at: m.location, element: n.id))
                }
                if m.target == nil {
                    out.append(RuleFinding("Missing attribute 'target' when attribute 'source' or 'sourceExpression' is set", at: m.location, element: n.id))
                } else if m.target?.isEmpty == true {
                    out.append(RuleFinding("Empty attribute 'target' when attribute 'source' or 'sourceExpression' is set", at: m.location, element: n.id))
                }
            }
        }
        return out
    }
}
