/// An embedded sub-process runs in a scope of its own, started at its none start event; its token
/// waits at the sub-process node until the last token inside has ended, then leaves it.
struct SubProcessBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        let t = run.state.tokens[token]!
        let node = run.process.spec.nodes[t.node]
        guard let start = run.process.noneStartEvents[t.node] else {
            throw RunError(message: "sub-process '\(node.id)' has no none start event, so it cannot start", element: node.id,
                           location: node.location)
        }
        let scopeId = run.state.nextScopeId
        run.state.nextScopeId += 1
        run.state.scopes[scopeId] = ScopeInstance(id: scopeId, parent: t.scope, node: t.node, parentToken: token)
        run.state.tokens[token]!.state = .inSubProcess
        run.state.tokens[token]!.childScope = scopeId
        let child = run.newToken(node: start, scope: scopeId)
        run.agenda.append(child)
    }
}
