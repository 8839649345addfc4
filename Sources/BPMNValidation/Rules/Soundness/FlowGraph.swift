import BPMNModel

/// The token-flow view of one process used by the soundness rules: successors along sequence
/// flows, plus the implicit moves a token makes (host → its boundary events, link throw → link
/// catch of the same name in the same scope, sub-process → its start events).
struct FlowGraph {
    let process: ProcessSpec
    /// Successor node indices of each node (sequence flows, boundary events, links).
    var successors: [[Int]]
    var predecessors: [[Int]]

    init(_ p: ProcessSpec) {
        process = p
        var succ = Array(repeating: [Int](), count: p.nodes.count)
        for f in p.flows {
            if let s = f.source, let t = f.target { succ[s].append(t) }
        }
        var linkCatches: [String: Int] = [:]
        for (i, n) in p.nodes.enumerated() where n.kind == .intermediateCatchEvent {
            if let name = n.eventDefinitions.first(where: { $0.kind == .link })?.linkName {
                linkCatches["\(n.parent ?? -1)#\(name)"] = i
            }
        }
        for (i, n) in p.nodes.enumerated() {
            for b in n.boundaryEvents { succ[i].append(b) }
            if n.kind == .intermediateThrowEvent, let name = n.eventDefinitions.first(where: { $0.kind == .link })?.linkName,
               let c = linkCatches["\(n.parent ?? -1)#\(name)"] {
                succ[i].append(c)
            }
        }
        var pred = Array(repeating: [Int](), count: p.nodes.count)
        for (i, ss) in succ.enumerated() { for s in ss { pred[s].append(i) } }
        successors = succ
        predecessors = pred
    }

    /// Nodes a token can reach from the start events of the process, entering sub-processes
    /// (their start events and event sub-processes) when the sub-process is reached.
    /// Computed once per graph (several rules ask).
    private let reachability = Lazy<[Bool]>()

    func reachableFromStart() -> [Bool] {
        if let v = reachability.stored { return v }
        let v = computeReachable()
        reachability.stored = v
        return v
    }

    private func computeReachable() -> [Bool] {
        let p = process
        var seen = Array(repeating: false, count: p.nodes.count)
        var stack: [Int] = []
        func enterScope(_ children: [Int]) {
            for c in children {
                let n = p.nodes[c]
                if n.kind == .startEvent || n.isEventSubProcessNode || n.isForCompensation || inAdHoc(c) {
                    stack.append(c)
                }
            }
        }
        enterScope(p.topLevelNodes)
        while let i = stack.popLast() {
            if seen[i] { continue }
            seen[i] = true
            for s in successors[i] where !seen[s] { stack.append(s) }
            if p.nodes[i].kind.isSubProcess { enterScope(p.nodes[i].children) }
        }
        return seen
    }

    func inAdHoc(_ i: Int) -> Bool { process.nodes[i].parent.map { process.nodes[$0].kind == .adHocSubProcess } ?? false }

    /// Shortest successor path from `from` to `to` (both included), or nil.
    func path(from: Int, to: Int, avoiding: Int? = nil) -> [Int]? {
        var parent = [Int: Int]()
        var queue = [from]
        var head = 0
        parent[from] = from
        while head < queue.count {
            let i = queue[head]
            head += 1
            if i == to { break }
            for s in successors[i] where parent[s] == nil && s != avoiding {
                parent[s] = i
                queue.append(s)
            }
        }
        guard parent[to] != nil else { return nil }
        var out = [to]
        var cur = to
        while cur != from {
            cur = parent[cur]!
            out.append(cur)
        }
        return out.reversed()
    }

    func ids(_ path: [Int]) -> [String] { path.map { process.nodes[$0].id } }
}

/// A lazily filled box (FlowGraph is a value shared through DiagramContext).
final class Lazy<T> {
    var stored: T?
}

extension FlowNode {
    var isEventSubProcessNode: Bool { kind.isSubProcess && triggeredByEvent }

    /// Wait states: a token stops here until something from outside happens.
    var isWaitState: Bool {
        switch kind {
        case .userTask, .receiveTask, .manualTask, .intermediateCatchEvent, .eventBasedGateway, .callActivity: return true
        case .serviceTask, .sendTask: return camundaAttributes["type"] == "external"
        default: return false
        }
    }
}
