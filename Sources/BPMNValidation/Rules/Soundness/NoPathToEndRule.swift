import BPMNModel

/// Nodes from which no end can be reached: the token circles for ever. A loop without any wait
/// state spins (the engine hangs in one transaction); with a wait state it never finishes.
/// Conditions are not evaluated: any flow out of a loop counts as a way out.
public struct NoPathToEndRule: ValidationRule {
    public static let id = "no-path-to-end"
    public static let summary = "From every reachable node some end can be reached (no endless loop, no gateway without a way out)."
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
            <bpmn:userTask id="Work" /><bpmn:sequenceFlow id="F3" sourceRef="Work" targetRef="Check" />
            <bpmn:exclusiveGateway id="Check" default="F5" />
            <bpmn:sequenceFlow id="F4" sourceRef="Check" targetRef="Merge"><bpmn:conditionExpression>${again}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="F5" sourceRef="Check" targetRef="End" /><bpmn:endEvent id="End" />
            """)])
    public init() {}

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.executableProcesses where !p.nodes.isEmpty {
            let g = FlowGraph(p)
            let reached = g.reachableFromStart()
            // Nodes that finish their scope: end events, and non-gateway nodes without a way on
            // (Camunda ends the token there). Work backwards from them.
            var canFinish = Array(repeating: false, count: p.nodes.count)
            var stack: [Int] = []
            for (i, n) in p.nodes.enumerated() {
                if n.kind == .endEvent || (g.successors[i].isEmpty && !n.kind.isGateway) || n.isEventSubProcessNode || n.isForCompensation {
                    stack.append(i)
                }
            }
            while let i = stack.popLast() {
                if canFinish[i] { continue }
                canFinish[i] = true
                for pr in g.predecessors[i] where !canFinish[pr] { stack.append(pr) }
            }
            var reported = Array(repeating: false, count: p.nodes.count)
            for (i, n) in p.nodes.enumerated() where reached[i] && !canFinish[i] && !reported[i] {
                // The stuck region entered here: everything reachable from it (none can finish).
                var region: [Int] = []
                var seen: Set<Int> = [i]
                var work = [i]
                while let j = work.popLast() {
                    region.append(j)
                    for s in g.successors[j] where seen.insert(s).inserted { work.append(s) }
                }
                for j in region { reported[j] = true }
                let waits = region.filter { p.nodes[$0].isWaitState }
                if region.count == 1 && n.kind.isGateway {
                    out.append(RuleFinding("the \(n.kind.rawValue) '\(n.id)' has no outgoing flow: tokens that reach it are stuck", at: n.location, element: n.id))
                    continue
                }
                // Show the cycle: from the entry node back to itself, or to the last node.
                let cycle = g.successors[i].lazy.compactMap { s in g.path(from: s, to: i).map { [i] + $0 } }.first
                let shown = cycle ?? region
                let text = g.ids(shown).joined(separator: " -> ")
                if waits.isEmpty {
                    out.append(RuleFinding("endless loop without a wait state: a token that reaches '\(n.id)' circles for ever (\(text)) and no end event can be reached",
                                           at: n.location, element: n.id, path: g.ids(shown)))
                } else {
                    out.append(RuleFinding("no end event can be reached from '\(n.id)': the loop \(text) has no way out (it waits at \(waits.prefix(3).map { "'\(p.nodes[$0].id)'" }.joined(separator: ", ")) each round)",
                                           at: n.location, element: n.id, path: g.ids(shown)))
                }
            }
        }
        return out
    }
}
