import BPMNModel

/// Link events as Camunda 7 wires them: it collects the catch events of the whole file by link
/// name (two with one name are refused) and redirects each flow into a throw event to the catch
/// event of its name (refused when there is none). bpmnlint's `link-event` checks the same idea
/// per scope; this is Camunda's version, on in the `camunda7` preset.
public struct CamundaLinkEventRule: ValidationRule {
    public static let id = "camunda-link-event"
    public static let summary = "Each link throw event reached by a sequence flow has a link catch event of the same name, and no two catch events share a name (Camunda 7 wiring)."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [
            .process("""
            <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="GoOn" />
            <bpmn:intermediateThrowEvent id="GoOn" name="Page 2"><bpmn:linkEventDefinition id="L1" name="Page 2" /></bpmn:intermediateThrowEvent>
            <bpmn:intermediateCatchEvent id="Continue" name="Page 3"><bpmn:linkEventDefinition id="L2" name="Page 3" /></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="F2" sourceRef="Continue" targetRef="End" /><bpmn:endEvent id="End" />
            """),
            .process("""
            <bpmn:intermediateCatchEvent id="A"><bpmn:linkEventDefinition id="L1" name="next" /></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="B"><bpmn:linkEventDefinition id="L2" name="next" /></bpmn:intermediateCatchEvent>
            """),
        ],
        passing: [.process("""
            <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="GoOn" />
            <bpmn:intermediateThrowEvent id="GoOn" name="Page 2"><bpmn:linkEventDefinition id="L1" name="Page 2" /></bpmn:intermediateThrowEvent>
            <bpmn:intermediateCatchEvent id="Continue" name="Page 2"><bpmn:linkEventDefinition id="L2" name="Page 2" /></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="F2" sourceRef="Continue" targetRef="End" /><bpmn:endEvent id="End" />
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        var catchNames: Set<String> = []
        for p in diagram.executableProcesses {
            for i in p.nodes.indices where p.nodes[i].kind == .intermediateCatchEvent {
                guard let d = p.nodes[i].eventDefinitions.first(where: { $0.kind == .link }) else { continue }
                let name = d.linkName ?? "null"
                if !catchNames.insert(name).inserted {
                    out.append(RuleFinding("Multiple Intermediate Catch Events with the same link event name ('\(name)') are not allowed.", at: p.nodes[i].location, element: p.nodes[i].id))
                }
            }
        }
        for p in diagram.executableProcesses {
            for fi in p.flows.indices {
                let f = p.flows[fi]
                guard let t = f.target, p.nodes[t].kind == .intermediateThrowEvent,
                      let d = p.nodes[t].eventDefinitions.first(where: { $0.kind == .link }) else { continue }
                let name = d.linkName ?? "null"
                if !catchNames.contains(name) {
                    out.append(RuleFinding("sequence flow points to link event source with name '\(name)' but no event target with that name exists. Most probably your link events are not configured correctly.",
                                           at: f.location, element: f.id))
                }
            }
        }
        return out
    }
}
