import BPMNModel

/// Join: waits until as many tokens have arrived (in this scope) as the gateway has incoming flows,
/// as Camunda 7 counts them; then one token leaves on every outgoing flow (conditions are ignored).
struct ParallelGatewayBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        guard let merged = run.arriveAtJoin(token) else { return }
        run.completeActivity(token, extra: merged.count > 1 ? [("merged", .array(merged.map { .integer(Int64($0)) }))] : [])
        let node = run.node(of: token)
        if node.outgoing.isEmpty {
            run.endToken(token)
        } else {
            run.take(token, flows: node.outgoing)
        }
    }
}

extension ProcessRun {
    /// Marks the token as arrived at its (parallel) join. Returns the ids of the tokens merged into
    /// it when the join fires, nil while it still waits.
    func arriveAtJoin(_ tokenId: Int) -> [Int]? {
        let t = state.tokens[tokenId]!
        let node = processes[t.process].spec.nodes[t.node]
        if node.incoming.count <= 1 { return [tokenId] }
        state.tokens[tokenId]!.arrivalSeq = nodeExecutions
        let arrived = tokensJoined(at: t.node, scope: t.scope, including: tokenId)
        if arrived.count >= node.incoming.count || (isSpiff && spiffJoinNeedsNoMore(tokenId, arrived: arrived)) {
            if isSpiff { mergeBranchData(arrived: arrived, survivor: tokenId) }
            let merged = mergeJoined(arrived, into: tokenId)
            if isSpiff { settleBranchData(of: tokenId) }
            return merged
        }
        state.tokens[tokenId]!.state = .joined
        if trace != nil {
            emit(.waiting, element: node.id, type: node.kind.rawValue, name: node.name, token: tokenId, scope: t.scope,
                 extra: [("arrived", .integer(Int64(arrived.count))), ("expected", .integer(Int64(node.incoming.count)))])
        }
        return nil
    }

    /// Tokens waiting at a join in a scope, plus the arriving one.
    func tokensJoined(at node: Int, scope: Int, including tokenId: Int) -> [Int] {
        var ids = state.tokens.values.filter { $0.node == node && $0.scope == scope && $0.state == .joined }.map(\.id)
        ids.append(tokenId)
        return ids.sorted()
    }

    /// The arriving token continues; the others are absorbed into it.
    func mergeJoined(_ tokens: [Int], into survivor: Int) -> [Int] {
        for id in tokens where id != survivor { state.tokens.removeValue(forKey: id) }
        state.tokens[survivor]!.state = .ready
        return tokens
    }
}
