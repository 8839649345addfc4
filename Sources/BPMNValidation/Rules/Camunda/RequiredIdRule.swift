import BPMNModel

/// Elements Camunda 7 refuses without an `id`: signals, errors and escalations, message and
/// signal boundary events, and timer events (their jobs are keyed by the activity id).
public struct RequiredIdRule: ValidationRule {
    public static let id = "camunda-required-id"
    public static let summary = "Signals, errors, escalations, message/signal boundary events and timer events have an id; data properties of activities an id or a name."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .definitions("""
            <bpmn:signal name="cancelled" />
            <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="1"><bpmn:startEvent id="Start" /></bpmn:process>
            """),
            .process("<bpmn:intermediateCatchEvent><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"),
            .process("<bpmn:task id=\"Check\"><bpmn:property itemSubjectRef=\"Item_1\" /></bpmn:task>"),
        ],
        passing: [.definitions("""
            <bpmn:signal id="Signal_1" name="cancelled" />
            <bpmn:error id="Error_1" errorCode="E1" />
            <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="1">
              <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            </bpmn:process>
            """)])
    public init() {}

    /// The loader names an element without id `kind@line:col`, which no XML id can be.
    static func isPlaceholder(_ id: String) -> Bool { id.utf8.contains(UInt8(ascii: "@")) }

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        let d = diagram.definitions
        for s in d.signals where Self.isPlaceholder(s.id) {
            out.append(RuleFinding("signal must have an id", at: s.location))
        }
        for e in d.errors where Self.isPlaceholder(e.id) {
            out.append(RuleFinding("'id' is mandatory on error definition", at: e.location))
        }
        for e in d.escalations where Self.isPlaceholder(e.id) {
            out.append(RuleFinding("escalation must have an id", at: e.location))
        }
        // <property> of an activity (a data property): named by its name, else its id.
        for e in diagram.rawElements("property", in: .bpmn) where e.attributes["id"] == nil && e.attributes["name"] == nil {
            guard let owner = e.ownerId, diagram.executableNode(owner) != nil else { continue }
            out.append(RuleFinding("Invalid property usage on line \(e.location.line): no id or name specified.", at: e.location, element: owner))
        }
        for p in diagram.executableProcesses {
            for i in p.nodes.indices where Self.isPlaceholder(p.nodes[i].id) {
                let n = p.nodes[i]
                if n.kind == .boundaryEvent, let def = n.eventDefinitions.first, def.kind == .message || def.kind == .signal {
                    out.append(RuleFinding("boundary event has no id", at: n.location))
                } else if let timer = n.eventDefinitions.first(where: { $0.kind == .timer }) {
                    out.append(RuleFinding("Attribute \"id\" is required! (on the \(n.kind.words) of this timer)", at: timer.location))
                }
            }
        }
        return out
    }
}
