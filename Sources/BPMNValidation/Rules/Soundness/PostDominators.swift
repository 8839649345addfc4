/// Post-dominators of a flow graph (Cooper, Harvey and Kennedy's iterative algorithm on the
/// reversed graph, with a virtual exit after every node that has no successor). `N` post-
/// dominates `X` when every path from `X` to an end passes `N`. Nodes that cannot reach an end
/// (endless loops) post-dominate nothing and have no post-dominator.
struct PostDominators {
    /// Interval numbering of the post-dominator tree (-1: not in the tree).
    private var enter: [Int]
    private var leave: [Int]

    init(_ g: FlowGraph) {
        let n = g.successors.count
        let exit = n
        // Reverse graph: from exit to the sinks, from each node to its predecessors.
        func reverseSuccessors(_ v: Int) -> [Int] {
            v == exit ? (0..<n).filter { g.successors[$0].isEmpty } : g.predecessors[v]
        }
        // Postorder of the reverse graph from exit (iterative DFS).
        var order: [Int] = []
        var number = Array(repeating: -1, count: n + 1)
        var visited = Array(repeating: false, count: n + 1)
        var stack: [(Int, [Int], Int)] = [(exit, reverseSuccessors(exit), 0)]
        visited[exit] = true
        while !stack.isEmpty {
            let top = stack.count - 1
            let (v, succ, k) = stack[top]
            if k < succ.count {
                stack[top].2 += 1
                let w = succ[k]
                if !visited[w] {
                    visited[w] = true
                    stack.append((w, reverseSuccessors(w), 0))
                }
            } else {
                number[v] = order.count
                order.append(v)
                stack.removeLast()
            }
        }
        // Iterate in reverse postorder until stable.
        var idom = Array(repeating: -1, count: n + 1)
        idom[exit] = exit
        func intersect(_ a: Int, _ b: Int) -> Int {
            var x = a, y = b
            while x != y {
                while number[x] < number[y] { x = idom[x] }
                while number[y] < number[x] { y = idom[y] }
            }
            return x
        }
        var changed = true
        while changed {
            changed = false
            for v in order.reversed() where v != exit {
                // Predecessors in the reverse graph = successors in the flow graph (plus exit for sinks).
                let preds = g.successors[v].isEmpty ? [exit] : g.successors[v]
                var newIdom = -1
                for p in preds where number[p] >= 0 && idom[p] >= 0 {
                    newIdom = newIdom < 0 ? p : intersect(p, newIdom)
                }
                if newIdom >= 0 && idom[v] != newIdom {
                    idom[v] = newIdom
                    changed = true
                }
            }
        }
        // Tree intervals.
        var children = Array(repeating: [Int](), count: n + 1)
        for v in 0..<n where idom[v] >= 0 { children[idom[v]].append(v) }
        enter = Array(repeating: -1, count: n + 1)
        leave = Array(repeating: -1, count: n + 1)
        var clock = 0
        var walk: [(Int, Int)] = [(exit, 0)]
        enter[exit] = clock; clock += 1
        while !walk.isEmpty {
            let top = walk.count - 1
            let (v, k) = walk[top]
            if k < children[v].count {
                walk[top].1 += 1
                let c = children[v][k]
                enter[c] = clock; clock += 1
                walk.append((c, 0))
            } else {
                leave[v] = clock; clock += 1
                walk.removeLast()
            }
        }
    }

    /// Whether `a` post-dominates `b` (every path from `b` to an end passes `a`); false when
    /// either cannot reach an end.
    func postDominates(_ a: Int, _ b: Int) -> Bool {
        guard enter[a] >= 0, enter[b] >= 0 else { return false }
        return enter[a] <= enter[b] && leave[b] <= leave[a]
    }
}
