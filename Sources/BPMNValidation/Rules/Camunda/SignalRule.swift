import BPMNModel

/// Signals need a name, unique within the file, and signal event definitions a signalRef.
public struct SignalRule: ValidationRule {
    public static let id = "camunda-signal"
    public static let summary = "Signals have a unique name and every signal event definition has a signalRef."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .definitions("<bpmn:signal id=\"Signal_1\" /><bpmn:process id=\"Process_1\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\" />"),
            .definitions("<bpmn:signal id=\"Signal_1\" name=\"alert\" /><bpmn:signal id=\"Signal_2\" name=\"alert\" />"),
            .process("<bpmn:intermediateThrowEvent id=\"Alert\"><bpmn:signalEventDefinition id=\"S\" /></bpmn:intermediateThrowEvent>"),
        ],
        passing: [.definitions("""
            <bpmn:signal id="Signal_1" name="alert" />
            <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="1">
              <bpmn:intermediateThrowEvent id="Alert"><bpmn:signalEventDefinition id="S" signalRef="Signal_1" /></bpmn:intermediateThrowEvent>
            </bpmn:process>
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        var names: Set<String> = []
        for s in diagram.definitions.signals {
            guard let name = s.name, !name.isEmpty else {
                out.append(RuleFinding("signal with id '\(s.id)' has no name", at: s.location, element: s.id))
                continue
            }
            if !names.insert(name).inserted {
                out.append(RuleFinding("duplicate signal name '\(name)'.", at: s.location, element: s.id))
            }
        }
        diagram.forEachExecutableNode { _, n in
            for d in n.eventDefinitions where d.kind == .signal && (d.ref ?? "").isEmpty {
                out.append(RuleFinding("signalEventDefinition does not have required property 'signalRef'", at: d.location, element: n.id))
            }
        }
        return out
    }
}
