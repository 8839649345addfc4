import BPMNModel
/// Throws a BPMN error up the scope tree to the nearest matching error boundary event or error event
/// sub-process, which cancels the scope in between. Uncaught, it fails the run.
struct ErrorEndEventBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        let t = run.state.tokens[token]!
        let p = run.processes[t.process]
        let n = p.spec.nodes[t.node]
        let ref = n.eventDefinitions.first?.ref
        let error = ref.flatMap { p.definitions.error(id: $0) }
        let code = error?.errorCode ?? ref ?? ""
        run.completeActivity(token)
        try run.propagateError(code: code, message: error?.errorMessage, from: token, thrownByEndEvent: true)
        // The catching scope cancelled the thrower; if it is somehow still here, it ends.
        if run.state.tokens[token] != nil { run.endToken(token) }
    }
}
