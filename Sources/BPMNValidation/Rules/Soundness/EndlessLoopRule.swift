import BPMNModel

/// A loop with no way out and no wait state: the engine runs it for ever inside one transaction.
public struct EndlessLoopRule: ValidationRule {
    public static let id = "endless-loop"
    public static let summary = "No loop without a way out and without a wait state (the engine would spin for ever)."
    public static let category = RuleCategory.soundness
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [.process("""
            <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Merge" />
            <bpmn:exclusiveGateway id="Merge" /><bpmn:sequenceFlow id="F2" sourceRef="Merge" targetRef="Work" />
            <bpmn:scriptTask id="Work" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
            <bpmn:sequenceFlow id="F3" sourceRef="Work" targetRef="Merge" />
            """)],
        passing: [.process("""
            <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Merge" />
            <bpmn:exclusiveGateway id="Merge" /><bpmn:sequenceFlow id="F2" sourceRef="Merge" targetRef="Work" />
            <bpmn:scriptTask id="Work" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
            <bpmn:sequenceFlow id="F3" sourceRef="Work" targetRef="Check" /><bpmn:exclusiveGateway id="Check" default="F5" />
            <bpmn:sequenceFlow id="F4" sourceRef="Check" targetRef="Merge"><bpmn:conditionExpression>${i &lt; 3}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="F5" sourceRef="Check" targetRef="End" /><bpmn:endEvent id="End" />
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.executableProcesses where !p.nodes.isEmpty {
            let g = diagram.shared("graph:" + p.id) { FlowGraph(p) }
            for r in diagram.shared("stuck:" + p.id, { StuckRegions(g) }).regions where !r.hasWaitState && !g.successors[r.nodes[0]].isEmpty {
                let first = p.nodes[r.nodes[0]]
                let cycle = LoopPath.cycle(through: r.nodes[0], in: g, within: Set(r.nodes))
                let feeders = r.feeders > 0 ? "; \(r.feeders) other element(s) lead only here" : ""
                out.append(RuleFinding("endless loop without a wait state: \(g.ids(cycle).joined(separator: " -> ")) has no way out, so a token circles for ever and the engine never commits\(feeders)",
                                       at: first.location, element: first.id, path: g.ids(cycle)))
            }
        }
        return out
    }
}
