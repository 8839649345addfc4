import BPMNModel

/// Branches of a parallel (or inclusive) split that meet again at an exclusive gateway, or at
/// an activity or event, instead of a parallel join: every branch passes on its own token, so
/// what follows runs several times.
public struct LackOfSynchronizationRule: ValidationRule {
    public static let id = "lack-of-synchronization"
    public static let summary = "Branches of a parallel split are joined by a parallel gateway, not merged by an exclusive gateway or an activity (which would run what follows once per branch)."
    public static let category = RuleCategory.soundness
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("""
            <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F0" sourceRef="Start" targetRef="Fork" />
            <bpmn:parallelGateway id="Fork" />
            <bpmn:sequenceFlow id="F1" sourceRef="Fork" targetRef="A" /><bpmn:sequenceFlow id="F2" sourceRef="Fork" targetRef="B" />
            <bpmn:task id="A" /><bpmn:task id="B" />
            <bpmn:sequenceFlow id="F3" sourceRef="A" targetRef="Merge" /><bpmn:sequenceFlow id="F4" sourceRef="B" targetRef="Merge" />
            <bpmn:exclusiveGateway id="Merge" /><bpmn:sequenceFlow id="F5" sourceRef="Merge" targetRef="Ship" />
            <bpmn:task id="Ship" /><bpmn:sequenceFlow id="F6" sourceRef="Ship" targetRef="End" /><bpmn:endEvent id="End" />
            """)],
        passing: [.process("""
            <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F0" sourceRef="Start" targetRef="Fork" />
            <bpmn:parallelGateway id="Fork" />
            <bpmn:sequenceFlow id="F1" sourceRef="Fork" targetRef="A" /><bpmn:sequenceFlow id="F2" sourceRef="Fork" targetRef="B" />
            <bpmn:task id="A" /><bpmn:task id="B" />
            <bpmn:sequenceFlow id="F3" sourceRef="A" targetRef="Join" /><bpmn:sequenceFlow id="F4" sourceRef="B" targetRef="Join" />
            <bpmn:parallelGateway id="Join" /><bpmn:sequenceFlow id="F5" sourceRef="Join" targetRef="End" /><bpmn:endEvent id="End" />
            """)])
    public init() {}

    /// Where tokens of several branches would each pass on alone (end events just consume them).
    static let mergingKinds: Set<FlowNodeKind> = Set(FlowNodeKind.allCases).subtracting([.parallelGateway, .inclusiveGateway, .complexGateway, .endEvent])

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        SplitJoinScan.findings(diagram, ruleId: Self.id, splitKinds: [.parallelGateway], joinKinds: Self.mergingKinds) { g, split, merge, path1, path2 in
            let p = g.process
            let what = p.nodes[merge].kind == .exclusiveGateway ? "the exclusive gateway" : "the \(p.nodes[merge].kind.rawValue)"
            return "lack of synchronisation: branches of the parallel gateway '\(p.nodes[split].id)' meet at \(what) '\(p.nodes[merge].id)' (\(g.ids(path1).joined(separator: " -> ")) and \(g.ids(path2).joined(separator: " -> "))), which passes each token on: what follows runs once per branch; join them with a parallel gateway"
        }
    }
}
