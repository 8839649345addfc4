import BPMNModel
/// Escalation throw events (intermediate and end): the escalation goes up the scope tree to the
/// nearest matching boundary event or event sub-process; uncaught it is ignored, as in Camunda.
/// The thrower continues unless an interrupting catch cancelled it.
struct EscalationThrowBehavior: FlowNodeBehavior {
    var isEnd: Bool

    func execute(token: Int, run: ProcessRun) throws {
        let t = run.state.tokens[token]!
        let p = run.processes[t.process]
        let n = p.spec.nodes[t.node]
        let ref = n.eventDefinitions.first?.ref
        let code = ref.map { p.definitions.escalation(id: $0)?.escalationCode ?? $0 } ?? ""
        try run.propagateEscalation(code: code, from: token)
        guard run.state.tokens[token] != nil else { return }
        try run.finishThrowEvent(token, isEnd: isEnd)
    }
}
