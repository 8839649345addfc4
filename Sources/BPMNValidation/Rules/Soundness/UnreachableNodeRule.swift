import BPMNModel

/// Nodes no token can reach from a start event: dead model parts that never run.
public struct UnreachableNodeRule: ValidationRule {
    public static let id = "unreachable-node"
    public static let summary = "Every node of an executable process can be reached by a token from a start event."
    public static let category = RuleCategory.soundness
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("""
            <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" /><bpmn:endEvent id="End" />
            <bpmn:task id="Orphan" /><bpmn:sequenceFlow id="F2" sourceRef="Orphan" targetRef="Also" /><bpmn:task id="Also" />
            <bpmn:sequenceFlow id="F3" sourceRef="Also" targetRef="End" />
            """)],
        passing: [.process("""
            <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task" /><bpmn:task id="Task" />
            <bpmn:boundaryEvent id="Late" attachedToRef="Task"><bpmn:timerEventDefinition id="T"><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="End" /><bpmn:sequenceFlow id="F3" sourceRef="Late" targetRef="End" /><bpmn:endEvent id="End" />
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.executableProcesses where !p.nodes.isEmpty {
            let g = diagram.shared("graph:" + p.id) { FlowGraph(p) }
            let reached = g.reachableFromStart()
            guard reached.contains(true) else { continue }  // no start event: camunda-start-event says so
            var reported = Array(repeating: false, count: p.nodes.count)
            for (i, n) in p.nodes.enumerated() where !reached[i] && !reported[i] {
                // Only whole unreachable regions whose enclosing scope is reachable, once each.
                if let parent = n.parent, !reached[parent] { continue }
                // The region: unreachable nodes connected to this one in the same scope.
                var region: [Int] = []
                var stack = [i]
                while let j = stack.popLast() {
                    if reported[j] || reached[j] || p.nodes[j].parent != n.parent { continue }
                    reported[j] = true
                    region.append(j)
                    stack += g.successors[j] + g.predecessors[j]
                }
                region.sort()
                // A chain into the region from where it begins (a node nothing flows into, or a cycle).
                var chain = [region[0]]
                var seen: Set<Int> = [region[0]]
                while let preds = Optional(g.predecessors[chain[0]].filter { !reached[$0] && !seen.contains($0) }), let first = preds.first {
                    chain.insert(first, at: 0)
                    seen.insert(first)
                }
                let ids = region.map { p.nodes[$0].id }
                let listed = ids.prefix(6).joined(separator: ", ") + (ids.count > 6 ? ", ..." : "")
                let head = p.nodes[chain[0]]
                let why = g.predecessors[chain[0]].isEmpty ? "'\(head.id)' has no incoming flow" : "it is only entered from a cycle that nothing enters"
                out.append(RuleFinding("\(ids.count == 1 ? "this element is" : "\(ids.count) elements are") unreachable from any start event (\(listed)): \(why)",
                                       at: p.nodes[region[0]].location, element: p.nodes[region[0]].id, path: g.ids(chain)))
            }
        }
        return out
    }
}
