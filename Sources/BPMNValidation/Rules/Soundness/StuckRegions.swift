import BPMNModel

/// Where tokens get stuck: the strongly connected groups of reachable nodes from which no end
/// can be reached and that have no way out to another such group (the "sinks" tokens end up in).
/// Ends are end events and nodes with no way on (Camunda ends the token there), except an
/// event-based gateway, which waits for ever.
struct StuckRegions {
    struct Region {
        var nodes: [Int]
        /// Stuck nodes outside the region whose tokens can only end up here.
        var feeders: Int
        var hasWaitState: Bool
    }
    var regions: [Region] = []

    init(_ g: FlowGraph) {
        let p = g.process
        let n = p.nodes.count
        let reached = g.reachableFromStart()
        var canFinish = Array(repeating: false, count: n)
        var stack: [Int] = []
        for (i, node) in p.nodes.enumerated() {
            let noWayOn = g.successors[i].isEmpty && node.kind != .eventBasedGateway
            if node.kind == .endEvent || noWayOn || node.isEventSubProcessNode || node.isForCompensation { stack.append(i) }
        }
        while let i = stack.popLast() {
            if canFinish[i] { continue }
            canFinish[i] = true
            for pr in g.predecessors[i] where !canFinish[pr] { stack.append(pr) }
        }
        let stuck = (0..<n).map { reached[$0] && !canFinish[$0] }
        guard stuck.contains(true) else { return }

        // Tarjan's algorithm, iterative, on the stuck nodes.
        var index = Array(repeating: -1, count: n), low = Array(repeating: 0, count: n)
        var onStack = Array(repeating: false, count: n)
        var component = Array(repeating: -1, count: n)
        var tarjan: [Int] = []
        var components: [[Int]] = []
        var counter = 0
        for root in 0..<n where stuck[root] && index[root] < 0 {
            var work: [(node: Int, next: Int)] = [(root, 0)]
            index[root] = counter; low[root] = counter; counter += 1
            tarjan.append(root); onStack[root] = true
            while !work.isEmpty {
                let (v, k) = work[work.count - 1]
                let succ = g.successors[v]
                if k < succ.count {
                    work[work.count - 1].next += 1
                    let w = succ[k]
                    guard stuck[w] else { continue }
                    if index[w] < 0 {
                        index[w] = counter; low[w] = counter; counter += 1
                        tarjan.append(w); onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                } else {
                    work.removeLast()
                    if let parent = work.last?.node { low[parent] = min(low[parent], low[v]) }
                    if low[v] == index[v] {
                        var members: [Int] = []
                        while let w = tarjan.popLast() {
                            onStack[w] = false
                            component[w] = components.count
                            members.append(w)
                            if w == v { break }
                        }
                        components.append(members.sorted())
                    }
                }
            }
        }
        // Sinks: no edge to another component.
        var isSink = Array(repeating: true, count: components.count)
        for v in 0..<n where stuck[v] {
            for w in g.successors[v] where stuck[w] && component[w] != component[v] { isSink[component[v]] = false }
        }
        let totalStuck = stuck.filter { $0 }.count
        for (c, members) in components.enumerated() where isSink[c] {
            regions.append(Region(nodes: members, feeders: totalStuck - members.count,
                                  hasWaitState: members.contains { p.nodes[$0].isWaitState }))
        }
    }
}
