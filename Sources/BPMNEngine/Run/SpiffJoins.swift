import BPMNModel

/// Spiff dialect: when SpiffWorkflow lets a join go on although not every incoming flow has
/// delivered a token.
///
/// - A parallel join inside a loop (`bpmn/specs/mixins/parallel_gateway.py`): SpiffWorkflow does
///   not wait for an input that lies *behind* the join (its source can be reached from the join
///   itself), because it predicts that path as a descendant of the arriving task; and when the
///   token comes back round the loop, the inputs already passed on the first round are not awaited
///   again. bpmnrun: a missing input is not awaited when no other live token can reach its source
///   and either that input or the one the token arrived by loops back from the join. A join whose
///   missing branch was dropped by an exclusive choice (no loop) still waits, as in SpiffWorkflow.
/// - An inclusive join (`bpmn/specs/mixins/inclusive_gateway.py`) is checked again whenever a
///   task of the workflow finishes: a token waiting at it is released when another branch ended
///   elsewhere, where Camunda 7 only looks when a token arrives.
extension ProcessRun {
    /// Whether a spiff parallel join may fire with only `arrived` tokens.
    func spiffJoinNeedsNoMore(_ tokenId: Int, arrived: [Int]) -> Bool {
        let t = state.tokens[tokenId]!
        let spec = processes[t.process].spec
        let join = t.node
        let node = spec.nodes[join]
        let delivered = Set(arrived.compactMap { state.tokens[$0]?.arrivedVia })
        let missing = node.incoming.filter { !delivered.contains($0) }
        if missing.isEmpty { return true }
        func loopsBack(_ flow: Int) -> Bool {
            guard let source = spec.flows[flow].source else { return false }
            return spec.nodes[join].outgoing.contains { out in
                guard let next = spec.flows[out].target else { return false }
                var visited: Set<Int> = [join]
                return isReachable(from: next, to: source, in: spec, visited: &visited)
            }
        }
        let arrivedLoopsBack = t.arrivedVia.map(loopsBack) ?? false
        let others = Set(arrived)
        for flow in missing {
            guard let source = spec.flows[flow].source else { continue }
            if canAnotherTokenReach(source, process: t.process, scope: t.scope, except: others) { return false }
            if !arrivedLoopsBack && !loopsBack(flow) { return false }
        }
        return true
    }

    /// After a token ended in `scope`: puts back on the agenda one token waiting at each inclusive
    /// join there that no other token can reach any more, so the join fires.
    func releaseStrandedInclusiveJoins(process: Int, scope: Int) {
        let spec = processes[process].spec
        var waitingAt: [Int: [Int]] = [:]
        for token in state.tokens.values where token.process == process && token.scope == scope && token.state == .joined
            && spec.nodes[token.node].kind == .inclusiveGateway {
            waitingAt[token.node, default: []].append(token.id)
        }
        for (node, tokens) in waitingAt.sorted(by: { $0.key < $1.key }) {
            if canAnotherTokenReach(node, process: process, scope: scope, except: Set(tokens)) { continue }
            let first = tokens.min()!
            state.tokens[first]!.state = .ready
            agenda.append(first)
        }
    }
}
