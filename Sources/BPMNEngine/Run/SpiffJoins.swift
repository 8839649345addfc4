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
/// - An inclusive join (`bpmn/specs/mixins/inclusive_gateway.py`) is checked again after every
///   step: a token waiting at it is released as soon as no other token can reach it (another
///   branch took a path elsewhere or ended), where Camunda 7 only looks when a token arrives.
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

    /// After a step (and when a token ends): puts back at the front of the agenda one token waiting
    /// at each inclusive join that no other token of its scope can reach any more, so the join
    /// fires next, as SpiffWorkflow updates its waiting tasks before the next ready one runs.
    func releaseStrandedInclusiveJoins() {
        guard state.tokens.values.contains(where: { $0.state == .joined }) else { return }
        var waitingAt: [JoinPlace: [Int]] = [:]
        for token in state.tokens.values where token.state == .joined
            && processes[token.process].spec.nodes[token.node].kind == .inclusiveGateway {
            waitingAt[JoinPlace(process: token.process, scope: token.scope, node: token.node), default: []].append(token.id)
        }
        for (place, tokens) in waitingAt.sorted(by: { ($0.key.scope, $0.key.node) < ($1.key.scope, $1.key.node) }).reversed() {
            if canAnotherTokenReach(place.node, process: place.process, scope: place.scope, except: Set(tokens)) { continue }
            let first = tokens.min()!
            state.tokens[first]!.state = .ready
            agenda.insert(first, at: 0)
        }
    }
}

/// Where tokens wait at a join: the gateway in one scope instance.
struct JoinPlace: Hashable {
    var process: Int
    var scope: Int
    var node: Int
}
