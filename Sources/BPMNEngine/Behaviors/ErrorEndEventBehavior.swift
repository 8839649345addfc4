/// Throws a BPMN error. Catching errors (boundary events, event sub-processes) is not supported yet,
/// so the error is uncaught and fails the run, naming the error code.
struct ErrorEndEventBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        let node = run.process.spec.nodes[run.state.tokens[token]!.node]
        let ref = node.eventDefinitions.first?.ref
        let code = ref.flatMap { run.process.definitions.error(id: $0)?.errorCode } ?? ref ?? "(none)"
        run.completeActivity(token)
        throw RunError(message: "BPMN error '\(code)' thrown by end event '\(node.id)' was not caught", element: node.id,
                       location: node.location)
    }
}
