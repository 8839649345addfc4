import BPMNModel

/// `errorRef` naming no `<error>`: Camunda 7 then uses the reference itself as the error code,
/// which is rarely what was meant.
public struct UnresolvedErrorRefRule: ValidationRule {
    public static let id = "unresolved-error-ref"
    public static let summary = "errorRef names an existing <error> (else Camunda 7 silently uses the reference as the error code)."
    public static let category = RuleCategory.structure
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("""
            <bpmn:task id="Task" />
            <bpmn:boundaryEvent id="Catch" attachedToRef="Task"><bpmn:errorEventDefinition id="E" errorRef="Error_Missing" /></bpmn:boundaryEvent>
            """)],
        passing: [.definitions("""
            <bpmn:error id="Error_1" name="Failed" errorCode="FAILED" />
            <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="1">
              <bpmn:task id="Task" />
              <bpmn:boundaryEvent id="Catch" attachedToRef="Task"><bpmn:errorEventDefinition id="E" errorRef="Error_1" /></bpmn:boundaryEvent>
            </bpmn:process>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachNode { _, n in
            for e in n.eventDefinitions where e.kind == .error {
                if let ref = e.ref, !ref.isEmpty, diagram.definitions.error(id: ref) == nil {
                    out.append(RuleFinding("errorRef '\(ref)' names no <error> element; Camunda 7 will use '\(ref)' as the error code", at: e.location, element: n.id))
                }
            }
        }
        return out
    }
}
