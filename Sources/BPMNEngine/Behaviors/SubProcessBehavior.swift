import BPMNModel
/// An embedded sub-process runs in a scope of its own, started at its none start event; its token
/// waits at the sub-process node until the last token inside has ended, then leaves it.
struct SubProcessBehavior: FlowNodeBehavior {
    func execute(token: Int, run: ProcessRun) throws {
        let t = run.state.tokens[token]!
        let p = run.processes[t.process]
        let node = p.spec.nodes[t.node]
        guard let start = p.noneStartEvents[t.node] else {
            throw RunError(message: "sub-process '\(node.id)' has no none start event, so it cannot start", element: node.id,
                           location: node.location)
        }
        _ = try run.startChildScope(kind: .subProcess, process: t.process, node: t.node, parentToken: token, startEvent: start)
    }
}
