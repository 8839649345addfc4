import BPMNModel

/// `camunda:errorEventDefinition` (raise a BPMN error when an external task's expression holds):
/// Camunda 7 reads it on external tasks only, skips it without `errorRef`, and uses an
/// `errorRef` naming no `<error>` as the error code itself. Each of these deploys silently and
/// then does not do what the diagram shows. (The expression is checked by `juel-syntax`.)
public struct ErrorEventDefinitionExtensionRule: ValidationRule {
    public static let id = "camunda-error-event-definition"
    public static let summary = "camunda:errorEventDefinition sits on an external task and has an errorRef naming an <error> (else Camunda 7 ignores or misreads it)."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [
            .definitions("""
            <bpmn:error id="Error_1" errorCode="REJECTED" />
            <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="1">
              <bpmn:serviceTask id="Check" camunda:class="org.example.Check"><bpmn:extensionElements>
                <camunda:errorEventDefinition id="E1" errorRef="Error_1" expression="${rejected}" />
              </bpmn:extensionElements></bpmn:serviceTask>
            </bpmn:process>
            """),
            .process("""
            <bpmn:serviceTask id="Check" camunda:type="external" camunda:topic="check"><bpmn:extensionElements>
              <camunda:errorEventDefinition id="E1" expression="${rejected}" />
            </bpmn:extensionElements></bpmn:serviceTask>
            """),
        ],
        passing: [.definitions("""
            <bpmn:error id="Error_1" errorCode="REJECTED" />
            <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="1">
              <bpmn:serviceTask id="Check" camunda:type="external" camunda:topic="check"><bpmn:extensionElements>
                <camunda:errorEventDefinition id="E1" errorRef="Error_1" expression="${rejected}" />
              </bpmn:extensionElements></bpmn:serviceTask>
            </bpmn:process>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for e in diagram.rawElements("errorEventDefinition", in: .camunda) {
            guard let owner = e.ownerId, let node = diagram.executableNode(owner) else { continue }
            let isExternal = node.camunda("type") == "external"
                && [.serviceTask, .sendTask, .businessRuleTask].contains(node.kind)
            if !isExternal {
                out.append(RuleFinding("camunda:errorEventDefinition is ignored: Camunda 7 reads it only on external tasks (camunda:type=\"external\"), not on the \(node.kind.words) '\(owner)'", at: e.location, element: owner))
            } else if let ref = e.attributes["errorRef"], !ref.isEmpty {
                if diagram.definitions.error(id: ref) == nil {
                    out.append(RuleFinding("errorRef '\(ref)' names no <error>: Camunda 7 throws '\(ref)' itself as the error code", at: e.location, element: owner))
                }
            } else {
                out.append(RuleFinding("camunda:errorEventDefinition without errorRef is skipped by Camunda 7 (no error is ever thrown from it)", at: e.location, element: owner))
            }
        }
        return out
    }
}
