import BPMNModel
/// Ends every token of its own scope: the whole instance at process level; inside a sub-process,
/// called process or event sub-process only that scope, which then completes and its parent
/// continues (as in Camunda 7).
struct TerminateEndEventBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        let t = run.state.tokens[token]!
        let n = run.node(t.process, t.node)
        let scope = run.placementScope(of: t)
        run.completeActivity(token)
        run.state.tokens.removeValue(forKey: token)
        run.cancelScopeContents(scope, reason: "terminated by end event '\(n.id)'", removeScope: false)
        if scope == 1 {
            run.state.subscriptions.removeAll()
            run.state.status = .terminated
            run.emit(.processTerminated, element: n.id, scope: 1)
        } else {
            run.scopeMayHaveEnded(scope)
        }
    }
}
