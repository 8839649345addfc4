/// Ends every token of its own scope: the whole instance at process level; inside a sub-process
/// only that sub-process, which then completes and its parent continues (as in Camunda 7).
struct TerminateEndEventBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        let scope = run.state.tokens[token]!.scope
        let endEvent = run.process.spec.nodes[run.state.tokens[token]!.node].id
        run.completeActivity(token)
        for t in run.state.tokens.values where run.isScope(t.scope, within: scope) {
            run.state.tokens.removeValue(forKey: t.id)
        }
        for s in run.state.scopes.keys where s != scope && run.isScope(s, within: scope) {
            run.state.scopes.removeValue(forKey: s)
        }
        if scope == 1 {
            run.state.status = .terminated
            run.emit(.processTerminated, element: endEvent, scope: 1)
        } else {
            run.scopeMayHaveEnded(scope)
        }
    }
}
