import BPMNModel

/// Error end events need an errorRef, and a thrown `<error>` needs an errorCode.
public struct ErrorEventRule: ValidationRule {
    public static let id = "camunda-error-event"
    public static let summary = "An error end event references an <error>, and that error has an errorCode."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("<bpmn:endEvent id=\"Failed\"><bpmn:errorEventDefinition id=\"E\" /></bpmn:endEvent>"),
            .definitions("""
            <bpmn:error id="Error_1" name="Failed" />
            <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="1">
              <bpmn:endEvent id="Failed"><bpmn:errorEventDefinition id="E" errorRef="Error_1" /></bpmn:endEvent>
            </bpmn:process>
            """),
        ],
        passing: [.definitions("""
            <bpmn:error id="Error_1" name="Failed" errorCode="FAILED" />
            <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="1">
              <bpmn:endEvent id="Failed"><bpmn:errorEventDefinition id="E" errorRef="Error_1" /></bpmn:endEvent>
            </bpmn:process>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        diagram.forEachExecutableNode { _, n in
            guard n.kind == .endEvent, let d = n.eventDefinitions.first(where: { $0.kind == .error }) else { return }
            guard let ref = d.ref, !ref.isEmpty else {
                out.append(RuleFinding("'errorRef' attribute is mandatory on error end event", at: d.location, element: n.id))
                return
            }
            if let error = diagram.definitions.error(id: ref), (error.errorCode ?? "").isEmpty {
                out.append(RuleFinding("'errorCode' is mandatory on errors referenced by throwing error event definitions, but the error '\(error.id)' does not define one.",
                                       at: d.location, element: n.id))
            }
        }
        return out
    }
}
