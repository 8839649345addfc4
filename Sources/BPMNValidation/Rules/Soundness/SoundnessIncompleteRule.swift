import BPMNModel

/// Reports each process where a split/join analysis (`parallel-join-deadlock`,
/// `lack-of-synchronization`) stopped at its work limit: absence of findings there proves
/// nothing for the splits it did not reach.
public struct SoundnessIncompleteRule: ValidationRule {
    public static let id = "soundness-incomplete"
    public static let summary = "A flow-soundness analysis ran out of its work limit on a process (reported, never silent); raise \"soundnessWorkLimit\" to check the rest."
    public static let category = RuleCategory.soundness
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("""
            <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F0" sourceRef="Start" targetRef="Prepare" />
            <bpmn:task id="Prepare" /><bpmn:sequenceFlow id="F1" sourceRef="Prepare" targetRef="Fork" />
            <bpmn:parallelGateway id="Fork" />
            <bpmn:sequenceFlow id="F2" sourceRef="Fork" targetRef="A" /><bpmn:sequenceFlow id="F3" sourceRef="Fork" targetRef="B" />
            <bpmn:task id="A" /><bpmn:task id="B" />
            <bpmn:sequenceFlow id="F4" sourceRef="A" targetRef="Join" /><bpmn:sequenceFlow id="F5" sourceRef="B" targetRef="Join" />
            <bpmn:parallelGateway id="Join" /><bpmn:sequenceFlow id="F6" sourceRef="Join" targetRef="Again" />
            <bpmn:exclusiveGateway id="Again" default="F8" />
            <bpmn:sequenceFlow id="F7" sourceRef="Again" targetRef="Prepare"><bpmn:conditionExpression>${retry}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="F8" sourceRef="Again" targetRef="End" /><bpmn:endEvent id="End" />
            """)],
        passing: [.process("""
            <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F0" sourceRef="Start" targetRef="Task" />
            <bpmn:task id="Task" /><bpmn:sequenceFlow id="F1" sourceRef="Task" targetRef="End" /><bpmn:endEvent id="End" />
            """)])
    /// The examples are checked with a work limit of 1 node visit, so the split of the triggering
    /// one cannot be analysed.
    public static let exampleSoundnessWorkLimit: Int? = 1
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        SoundnessCoverage.of(diagram).cuts.map { cut in
            RuleFinding("flow soundness check incomplete for process '\(cut.processId)': \(cut.ruleId) used up its work limit of \(cut.workLimit) node visits and checked \(cut.splitsChecked) of \(cut.splitsTotal) split gateways (from '\(cut.firstUnchecked)' on, nothing was checked); set \"soundnessWorkLimit\" in .bpmnrunrc.json higher to check them",
                        at: cut.location, element: cut.processId)
        }
    }
}
