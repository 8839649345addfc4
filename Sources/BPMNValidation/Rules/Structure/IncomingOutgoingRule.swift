import BPMNModel

/// A flow node's `<incoming>` / `<outgoing>` children must list exactly the sequence flows whose
/// targetRef / sourceRef is the node. Tools that read the children (and bpmn-js when importing)
/// otherwise see a different graph than engines that read the flows.
public struct IncomingOutgoingRule: ValidationRule {
    public static let id = "incoming-outgoing-mismatch"
    public static let summary = "<incoming>/<outgoing> of each flow node agree with the sequence flows' targetRef/sourceRef."
    public static let category = RuleCategory.structure
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [.process("""
            <bpmn:startEvent id="Start"><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="End" />
            <bpmn:endEvent id="End"><bpmn:incoming>Flow_1</bpmn:incoming></bpmn:endEvent>
            """)],
        passing: [
            .process("""
            <bpmn:startEvent id="Start"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="End" />
            <bpmn:endEvent id="End"><bpmn:incoming>Flow_1</bpmn:incoming></bpmn:endEvent>
            """),
            // Files without <incoming>/<outgoing> (hand-written, older tools) are fine.
            .process("""
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="End" />
            <bpmn:endEvent id="End" />
            """),
        ])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.processes {
            // Only files that write the children at all are compared.
            guard p.nodes.contains(where: { !$0.declaredIncoming.isEmpty || !$0.declaredOutgoing.isEmpty }) else { continue }
            for n in p.nodes {
                if !Self.same(n.declaredOutgoing, n.outgoing, p) {
                    compare(n, declared: n.declaredOutgoing, actual: n.outgoing.map { p.flows[$0].id }, side: "outgoing",
                            attribute: "sourceRef", p, &out)
                }
                if !Self.same(n.declaredIncoming, n.incoming, p) {
                    compare(n, declared: n.declaredIncoming, actual: n.incoming.map { p.flows[$0].id }, side: "incoming",
                            attribute: "targetRef", p, &out)
                }
            }
        }
        return out
    }

    /// The common case, checked without building arrays: same flows in the same order.
    static func same(_ declared: [String], _ actual: [Int], _ p: ProcessSpec) -> Bool {
        guard declared.count == actual.count else { return false }
        for (d, a) in zip(declared, actual) where p.flows[a].id != d { return false }
        return true
    }

    private func compare(_ n: FlowNode, declared: [String], actual: [String], side: String, attribute: String,
                         _ p: ProcessSpec, _ out: inout [RuleFinding]) {
        if declared == actual { return }
        let declaredSet = Set(declared), actualSet = Set(actual)
        if declaredSet == actualSet { return }
        for id in declared where !actualSet.contains(id) {
            let why: String
            if let f = p.flow(id: id) {
                why = "but its \(attribute) is '\(attribute == "sourceRef" ? f.sourceRef : f.targetRef)'"
            } else if p.nodes.contains(where: { $0.id == id }) || id.isEmpty {
                why = "which is not a sequence flow"
            } else {
                why = "but no sequence flow has that id (a message flow or a deleted flow?)"
            }
            out.append(RuleFinding("'\(n.id)' lists '\(id)' as <\(side)>, \(why)", at: n.location, element: n.id))
        }
        for id in actual where !declaredSet.contains(id) {
            out.append(RuleFinding("sequence flow '\(id)' has \(attribute) '\(n.id)' but '\(n.id)' does not list it as <\(side)>", at: n.location, element: n.id))
        }
    }
}
