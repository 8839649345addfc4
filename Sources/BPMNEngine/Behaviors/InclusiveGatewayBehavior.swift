import BPMNModel

/// Inclusive gateway, as Camunda 7's InclusiveGatewayActivityBehavior: the join fires when as many
/// tokens have arrived as it has incoming flows, or when no other token of the scope can still reach
/// it; then every non-default flow whose condition holds (unconditional flows always) is taken, the
/// default flow only when none holds, else ENGINE-02004.
///
/// The gateway completes only once its flows are chosen: a gateway that finds no flow fails
/// without being listed as completed (as in both engines, see ExclusiveGatewayBehavior).
///
/// Like Camunda 7, the join is evaluated only when a token arrives: a token waiting at it is not
/// released later because another branch ended elsewhere.
struct InclusiveGatewayBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        let t = run.state.tokens[token]!
        let p = run.processes[t.process]
        let node = p.spec.nodes[t.node]
        run.state.tokens[token]!.arrivalSeq = run.nodeExecutions
        let arrived = run.tokensJoined(at: t.node, scope: t.scope, including: token)
        if arrived.count < node.incoming.count && run.canAnotherTokenReach(t.node, process: t.process, scope: t.scope, except: Set(arrived)) {
            run.state.tokens[token]!.state = .joined
            if run.trace != nil {
                run.emit(.waiting, element: node.id, type: node.kind.rawValue, name: node.name, token: token, scope: t.scope,
                         extra: [("arrived", .integer(Int64(arrived.count)))])
            }
            return
        }
        if run.isSpiff && arrived.count > 1 { run.mergeBranchData(arrived: arrived, survivor: token) }
        let merged = run.mergeJoined(arrived, into: token)
        if run.isSpiff { run.settleBranchData(of: token) }
        let mergedRecord: [(String, VariableValue)] = merged.count > 1 ? [("merged", .array(merged.map { .integer(Int64($0)) }))] : []
        if node.outgoing.isEmpty {
            run.completeActivity(token, extra: mergedRecord)
            run.endToken(token)
            return
        }
        var chosen: [Int] = []
        var evaluated: [VariableValue] = []
        for flow in node.outgoing where flow != node.defaultFlow {
            if let condition = p.conditions[flow] {
                let result = try run.evaluateCondition(condition, flow: flow, token: token)
                if run.trace != nil { evaluated.append(run.conditionRecord(process: t.process, flow: flow, result: result)) }
                if result { chosen.append(flow) }
            } else {
                if run.trace != nil { evaluated.append(run.conditionRecord(process: t.process, flow: flow, result: true)) }
                chosen.append(flow)
            }
        }
        if chosen.isEmpty {
            guard let def = node.defaultFlow else {
                throw RunError(message: "ENGINE-02004 No outgoing sequence flow for the element with id '\(node.id)' could be selected for continuing the process.",
                               element: node.id, location: node.location)
            }
            chosen = [def]
            if run.trace != nil { evaluated.append(run.defaultRecord(process: t.process, flow: def)) }
        }
        run.completeActivity(token, extra: mergedRecord)
        run.recordDecision(token, conditions: evaluated, taken: chosen)
        run.take(token, flows: chosen)
    }
}

extension ProcessRun {
    /// Whether any token in `scope` (or in a sub-process running inside it), other than `except`,
    /// can still reach `target` by following sequence flows; leaving a sub-process counts, as in
    /// Camunda's reachability check. Terminates on loops.
    func canAnotherTokenReach(_ target: Int, process: Int, scope: Int, except: Set<Int>) -> Bool {
        for token in state.tokens.values where !except.contains(token.id) {
            guard token.process == process, isScope(token.scope, within: scope) else { continue }
            var visited = Set<Int>()
            if isReachable(from: token.node, to: target, in: processes[process].spec, visited: &visited) { return true }
        }
        return false
    }

    func isReachable(from source: Int, to target: Int, in spec: ProcessSpec, visited: inout Set<Int>) -> Bool {
        if source == target { return true }
        if !visited.insert(source).inserted { return false }
        let node = spec.nodes[source]
        if node.outgoing.isEmpty {
            if let parent = node.parent { return isReachable(from: parent, to: target, in: spec, visited: &visited) }
            return false
        }
        for flow in node.outgoing {
            if let next = spec.flows[flow].target, !visited.contains(next),
               isReachable(from: next, to: target, in: spec, visited: &visited) {
                return true
            }
        }
        return false
    }
}
