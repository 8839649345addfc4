import BPMNPython
import BPMNModel

/// With `camunda:asyncAfter`, Camunda 7 continues on a specific outgoing flow after the job
/// boundary, so those flows need ids.
public struct AsyncAfterFlowIdRule: ValidationRule {
    public static let id = "camunda-async-after-flow-id"
    public static let summary = "Sequence flows leaving an activity with camunda:asyncAfter have an id."
    public static let category = RuleCategory.camunda7
    public static let defaultLevel = RuleLevel.error
    public static let dialects = Set<Dialect>.camundaOnly
    public static let examples = RuleExamples(
        triggering: [.process("<bpmn:task id=\"Work\" camunda:asyncAfter=\"true\" /><bpmn:sequenceFlow sourceRef=\"Work\" targetRef=\"End\" /><bpmn:endEvent id=\"End\" />")],
        passing: [.process("<bpmn:task id=\"Work\" camunda:asyncAfter=\"true\" /><bpmn:sequenceFlow id=\"F\" sourceRef=\"Work\" targetRef=\"End\" /><bpmn:endEvent id=\"End\" />")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.executableProcesses {
            for n in p.nodes where n.camundaAttributes["asyncAfter"] == "true" {
                // Flows without id carry the parser's placeholder `sequenceFlow@line:column`.
                for f in n.outgoing where p.flows[f].id.hasPrefix("sequenceFlow@") {
                    out.append(RuleFinding("Sequence flow with sourceRef='\(n.id)' must have an id, activity with id '\(n.id)' uses 'asyncAfter'.",
                                           at: p.flows[f].location, element: n.id))
                }
            }
        }
        return out
    }
}
