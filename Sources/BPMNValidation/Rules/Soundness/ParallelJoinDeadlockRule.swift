import BPMNModel

/// A parallel gateway that joins flows coming from alternative branches of one exclusive (or
/// event-based) gateway: only one branch ever carries a token, so the join waits for ever.
public struct ParallelJoinDeadlockRule: ValidationRule {
    public static let id = "parallel-join-deadlock"
    public static let summary = "A parallel join is not fed by alternative branches of an exclusive or event-based split (the instance would deadlock)."
    public static let category = RuleCategory.soundness
    public static let defaultLevel = RuleLevel.error
    public static let examples = RuleExamples(
        triggering: [.process("""
            <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F0" sourceRef="Start" targetRef="Choose" />
            <bpmn:exclusiveGateway id="Choose" default="F2" />
            <bpmn:sequenceFlow id="F1" sourceRef="Choose" targetRef="A"><bpmn:conditionExpression>${a}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="F2" sourceRef="Choose" targetRef="B" />
            <bpmn:task id="A" /><bpmn:task id="B" />
            <bpmn:sequenceFlow id="F3" sourceRef="A" targetRef="Join" /><bpmn:sequenceFlow id="F4" sourceRef="B" targetRef="Join" />
            <bpmn:parallelGateway id="Join" /><bpmn:sequenceFlow id="F5" sourceRef="Join" targetRef="End" /><bpmn:endEvent id="End" />
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

    public func check(_ diagram: DiagramContext) -> [RuleFinding] {
        SplitJoinScan.findings(diagram, ruleId: Self.id, splitKinds: [.exclusiveGateway, .eventBasedGateway], joinKinds: [.parallelGateway]) { g, split, join, path1, path2 in
            let p = g.process
            return "deadlock: the parallel gateway '\(p.nodes[join].id)' waits for all its incoming flows, but two of them come from alternative branches of the \(p.nodes[split].kind.rawValue) '\(p.nodes[split].id)' (\(g.ids(path1).joined(separator: " -> ")) or \(g.ids(path2).joined(separator: " -> "))), so only one ever brings a token"
        }
    }
}

/// Shared scan: for each split of `splitKinds`, each join of `joinKinds` fed by two disjoint
/// branches of it. Work is bounded per process (`budget(for:)` node visits per rule, or the
/// configuration's `soundnessWorkLimit`): on huge graphs the splits past the budget are left
/// unchecked rather than letting a file take minutes, and the cut is recorded in
/// `SoundnessCoverage` so that `soundness-incomplete` reports it.
enum SplitJoinScan {
    static func budget(for p: ProcessSpec) -> Int { max(4_000_000, 300 * p.nodes.count) }

    static func findings(_ diagram: DiagramContext, ruleId: String, splitKinds: Set<FlowNodeKind>, joinKinds: Set<FlowNodeKind>,
                         message: (FlowGraph, Int, Int, [Int], [Int]) -> String) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for p in diagram.executableProcesses {
            let limit = diagram.configuration.soundnessWorkLimit ?? budget(for: p)
            var budget = limit
            var isJoin = Array(repeating: false, count: p.nodes.count)
            var anyJoin = false
            for (i, n) in p.nodes.enumerated() where joinKinds.contains(n.kind) && n.incoming.count > 1 {
                isJoin[i] = true
                anyJoin = true
            }
            guard anyJoin else { continue }
            let splits = p.nodes.indices.filter { splitKinds.contains(p.nodes[$0].kind) && p.nodes[$0].outgoing.count > 1 }
            guard !splits.isEmpty else { continue }
            let g = diagram.shared("graph:" + p.id) { FlowGraph(p) }
            let pdom = diagram.shared("pdom:" + p.id) { PostDominators(g) }
            var reported: Set<Int> = []
            var checked = 0
            for s in splits {
                guard let reach = BranchReach(graph: g, split: s, postDominators: pdom, budget: &budget) else { break }
                for j in reach.visited where isJoin[j] && !reported.contains(j) {
                    guard let (s1, b1, s2, b2) = reach.disjointFeeds(into: j, graph: g, budget: &budget) else { continue }
                    guard let tail1 = g.path(from: reach.branchTargets[b1], to: s1, avoiding: s),
                          let tail2 = g.path(from: reach.branchTargets[b2], to: s2, avoiding: s) else { continue }
                    let path1 = [s] + tail1 + [j], path2 = [s] + tail2 + [j]
                    reported.insert(j)
                    out.append(RuleFinding(message(g, s, j, path1, path2), at: p.nodes[j].location, element: p.nodes[j].id, path: g.ids(path1)))
                }
                if budget < 0 { break }
                checked += 1
            }
            if checked < splits.count {
                SoundnessCoverage.of(diagram).cuts.append(.init(
                    ruleId: ruleId, processId: p.id, location: p.location, workLimit: limit,
                    splitsChecked: checked, splitsTotal: splits.count, firstUnchecked: p.nodes[splits[checked]].id))
            }
        }
        return out
    }
}
