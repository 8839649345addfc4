import BPMNModel

/// For a split gateway: which of its outgoing branches can bring a token to each node without
/// passing the split again. Used to find joins fed by alternative branches (deadlock) and merges
/// fed by parallel branches (lack of synchronisation).
///
/// Cost: the propagation stops at nodes every branch reaches (a full merge) and at nodes that
/// post-dominate the split: after either, no two flows can be fed by disjoint branches (after a
/// post-dominator N every node's true mask contains N's, and any branch that reaches a join
/// there also passes N). Nodes after such a cut keep partial (or no) masks, so a candidate pair
/// is confirmed only if neither source lies after a cut. A visit budget bounds the work on huge
/// or adversarial graphs (the split is then left unchecked).
struct BranchReach {
    /// For each node: bit mask of the split's branches found to reach it.
    private(set) var masks: [UInt64]
    let branchTargets: [Int]
    /// Nodes whose mask became complete (all branches); propagation stopped there.
    private(set) var fullMerges: [Int] = []
    /// Nodes with a non-zero mask, in visiting order.
    private(set) var visited: [Int] = []
    let split: Int

    /// nil when the budget ran out.
    init?(graph g: FlowGraph, split: Int, postDominators: PostDominators, budget: inout Int) {
        let p = g.process
        self.split = split
        masks = Array(repeating: 0, count: p.nodes.count)
        let targets = Array(p.nodes[split].outgoing.compactMap { p.flows[$0].target }.prefix(64))
        branchTargets = targets
        let full: UInt64 = targets.count == 64 ? ~0 : (UInt64(1) << UInt64(targets.count)) - 1
        var stack: [(Int, UInt64)] = targets.enumerated().map { ($0.element, UInt64(1) << UInt64($0.offset)) }
        while let (i, bits) = stack.popLast() {
            if i == split { continue }
            let new = bits & ~masks[i]
            if new == 0 { continue }
            budget -= 1
            if budget < 0 { return nil }
            if masks[i] == 0 { visited.append(i) }
            masks[i] |= new
            if masks[i] == full || postDominators.postDominates(i, split) {
                fullMerges.append(i)
                continue
            }
            for s in g.successors[i] where s != split { stack.append((s, masks[i])) }
        }
    }

    /// Two incoming sources of `join` fed by different, non-overlapping branches, if any:
    /// (source 1, branch 1, source 2, branch 2).
    func disjointFeeds(into join: Int, graph g: FlowGraph, budget: inout Int) -> (Int, Int, Int, Int)? {
        let p = g.process
        let sources = p.nodes[join].incoming.compactMap { p.flows[$0].source }
        for (a, s1) in sources.enumerated() {
            for s2 in sources[(a + 1)...] {
                let m1 = masks[s1], m2 = masks[s2]
                if m1 != 0 && m2 != 0 && m1 & m2 == 0 && !afterFullMerge([s1, s2], graph: g, budget: &budget) {
                    return (s1, m1.trailingZeroBitCount, s2, m2.trailingZeroBitCount)
                }
            }
        }
        return nil
    }

    /// Whether any of `nodes` can be reached from a full merge (its true mask is then complete).
    private func afterFullMerge(_ nodes: [Int], graph g: FlowGraph, budget: inout Int) -> Bool {
        guard !fullMerges.isEmpty else { return false }
        let targets = Set(nodes)
        var seen = Set(fullMerges)
        var stack = fullMerges
        while let i = stack.popLast() {
            if targets.contains(i) { return true }
            budget -= 1
            if budget < 0 { return true }  // cannot tell: do not report
            for s in g.successors[i] where s != split && seen.insert(s).inserted { stack.append(s) }
        }
        return false
    }
}
