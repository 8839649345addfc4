import BPMNModel

/// bpmnlint `no-duplicate-sequence-flows`: two flows with the same source, target and condition.
public struct NoDuplicateSequenceFlowsRule: ValidationRule {
    public static let id = "no-duplicate-sequence-flows"
    public static let summary = "No two sequence flows share source, target and condition (each would carry its own token) (bpmnlint)."
    public static let category = RuleCategory.modelling
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [.process("""
            <bpmn:startEvent id="A" />
            <bpmn:sequenceFlow id="F1" sourceRef="A" targetRef="B" /><bpmn:sequenceFlow id="F2" sourceRef="A" targetRef="B" />
            <bpmn:endEvent id="B" />
            """)],
        passing: [.process("<bpmn:startEvent id=\"A\" /><bpmn:sequenceFlow id=\"F1\" sourceRef=\"A\" targetRef=\"B\" /><bpmn:endEvent id=\"B\" />")])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.processes {
            var first: [String: String] = [:]
            for f in p.flows {
                let key = "\(f.sourceRef)#\(f.targetRef)#\(f.condition?.text ?? "")"
                if let original = first[key] {
                    out.append(RuleFinding("SequenceFlow is a duplicate of '\(original)' ('\(f.sourceRef)' to '\(f.targetRef)')", at: f.location, element: f.id))
                } else {
                    first[key] = f.id
                }
            }
        }
        return out
    }
}
