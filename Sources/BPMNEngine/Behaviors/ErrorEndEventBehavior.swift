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
        // When caught, the catching scope cancels the end event (Camunda's history marks it cancelled).
        do {
            try run.propagateError(code: code, message: error?.errorMessage, from: token, thrownByEndEvent: true)
        } catch {
            run.completeActivity(token)  // uncaught: the end event did complete, then the run fails
            throw error
        }
        if run.state.tokens[token] != nil {
            run.completeActivity(token)
            run.endToken(token)
        }
    }
}
