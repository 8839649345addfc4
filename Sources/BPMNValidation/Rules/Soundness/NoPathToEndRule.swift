import BPMNModel

/// Tokens that can never finish although they wait along the way: a loop with no way out that
/// passes a wait state each round, or an event-based gateway with nothing to wait for.
/// Conditions are not evaluated: any flow out of a loop counts as a way out.
public struct NoPathToEndRule: ValidationRule {
    public static let id = "no-path-to-end"
    public static let summary = "From every reachable node some end can be reached (no loop without a way out, no event-based gateway without events)."
    public static let category = RuleCategory.soundness
    public static let defaultLevel = RuleLevel.warn
    public static let examples = RuleExamples(
        triggering: [.process("""
            <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Merge" />
            <bpmn:exclusiveGateway id="Merge" /><bpmn:sequenceFlow id="F2" sourceRef="Merge" targetRef="Review" />
            <bpmn:userTask id="Review" /><bpmn:sequenceFlow id="F3" sourceRef="Review" targetRef="Merge" />
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
            let g = diagram.shared("graph:" + p.id) { FlowGraph(p) }
            for r in diagram.shared("stuck:" + p.id, { StuckRegions(g) }).regions where r.hasWaitState || r.nodes.count == 1 && p.nodes[r.nodes[0]].kind == .eventBasedGateway && g.successors[r.nodes[0]].isEmpty {
                let first = p.nodes[r.nodes[0]]
                let feeders = r.feeders > 0 ? "; \(r.feeders) other element(s) lead only here" : ""
                if r.nodes.count == 1 && g.successors[r.nodes[0]].isEmpty {
                    out.append(RuleFinding("the event-based gateway '\(first.id)' has no outgoing flow: tokens that reach it wait for ever\(feeders)", at: first.location, element: first.id, path: [first.id]))
                    continue
                }
                let cycle = LoopPath.cycle(through: r.nodes[0], in: g, within: Set(r.nodes))
                let waits = r.nodes.filter { p.nodes[$0].isWaitState }.prefix(3).map { "'\(p.nodes[$0].id)'" }.joined(separator: ", ")
                out.append(RuleFinding("no end event can be reached from this loop: \(g.ids(cycle).joined(separator: " -> ")) has no way out, so the instance never finishes (it waits at \(waits) each round)\(feeders)",
                                       at: first.location, element: first.id, path: g.ids(cycle)))
            }
        }
        return out
    }
}

/// A cycle through a node, staying inside a set of nodes.
enum LoopPath {
    static func cycle(through start: Int, in g: FlowGraph, within: Set<Int>) -> [Int] {
        var parent: [Int: Int] = [:]
        var queue: [Int] = []
        for s in g.successors[start] where within.contains(s) {
            if s == start { return [start, start] }
            if parent[s] == nil { parent[s] = start; queue.append(s) }
        }
        var head = 0
        while head < queue.count {
            let i = queue[head]
            head += 1
            for s in g.successors[i] where within.contains(s) {
                if s == start {
                    var path = [start]
                    var cur = i
                    while cur != start { path.append(cur); cur = parent[cur]! }
                    return [start] + path.dropFirst().reversed() + [start]
                }
                if parent[s] == nil { parent[s] = i; queue.append(s) }
            }
        }
        return [start]
    }
}
