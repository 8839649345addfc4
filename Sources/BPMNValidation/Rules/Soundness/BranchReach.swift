import BPMNModel

/// For a split gateway: which of its outgoing branches can bring a token to each node without
/// passing the split again. Used to find joins fed by alternative branches (deadlock) and merges
/// fed by parallel branches (lack of synchronisation).
struct BranchReach {
    /// For each node: bit mask of the split's branches that reach it.
    let masks: [UInt64]
    let branchTargets: [Int]

    init(graph g: FlowGraph, split: Int) {
        let p = g.process
        var masks = Array(repeating: UInt64(0), count: p.nodes.count)
        let targets = p.nodes[split].outgoing.compactMap { p.flows[$0].target }
        for (b, t) in targets.prefix(64).enumerated() {
            let bit = UInt64(1) << UInt64(b)
            var stack = [t]
            while let i = stack.popLast() {
                if i == split || masks[i] & bit != 0 { continue }
                masks[i] |= bit
                for s in g.successors[i] where s != split && masks[s] & bit == 0 { stack.append(s) }
            }
        }
        self.masks = masks
        branchTargets = Array(targets.prefix(64))
    }

    /// Two incoming sources of `join` fed by different, non-overlapping branches, if any:
    /// (source 1, branch 1, source 2, branch 2).
    func disjointFeeds(into join: Int, graph g: FlowGraph) -> (Int, Int, Int, Int)? {
        let p = g.process
        let sources = p.nodes[join].incoming.compactMap { p.flows[$0].source }
        for (a, s1) in sources.enumerated() {
            for s2 in sources[(a + 1)...] {
                let m1 = masks[s1], m2 = masks[s2]
                if m1 != 0 && m2 != 0 && m1 & m2 == 0 {
                    return (s1, m1.trailingZeroBitCount, s2, m2.trailingZeroBitCount)
                }
            }
        }
        return nil
    }
}
