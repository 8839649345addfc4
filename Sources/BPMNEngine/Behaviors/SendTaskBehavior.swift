import BPMNModel
/// A send task (and a message throw event) records the message it sends and completes. A
/// `camunda:expression` is evaluated first; Java or external implementations cannot send anything
/// here, which the trace says. Under the spiff dialect the message is caught inside the run
/// (`ProcessRun+SpiffMessages.swift`).
struct SendTaskBehavior: FlowNodeBehavior {
    /// Whether this is a message end event (the token ends instead of leaving).
    var isEnd = false

    func execute(token: Int, run: ProcessRun) throws {
        let t = run.state.tokens[token]!
        let p = run.processes[t.process]
        let n = p.spec.nodes[t.node]
        let payload: VariableValue? = run.isSpiff ? try run.spiffMessagePayload(thrownBy: n, token: token) : nil
        if !run.isSpiff { _ = try run.runServiceExpression(token) }
        let ref = n.messageRef ?? n.eventDefinitions.first?.ref
        let name = ref.map { p.definitions.message(id: $0)?.name ?? $0 } ?? ""
        let implementation = n.camunda("class") ?? n.camunda("delegateExpression") ?? n.camunda("topic").map { "external:\($0)" }
        var extra: [(key: String, value: VariableValue)] = [("message", .string(name))]
        if let implementation { extra.append(("implementation", .string(implementation))) }
        run.emit(.messageSent, element: n.id, type: n.kind.rawValue, name: n.name, token: token, scope: t.scope, extra: extra)
        try run.finishThrowEvent(token, isEnd: isEnd)
        if let payload {
            // After the thrower completes, as SpiffWorkflow records them.
            let resultVariable = n.eventDefinitions.first { $0.kind == .message }?.camundaAttributes["resultVariable"]
            try run.deliverSpiffMessage(name, payload: payload, resultVariable: resultVariable)
        }
    }
}
